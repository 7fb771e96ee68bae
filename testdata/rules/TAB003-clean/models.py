# Near miss: the constraints and indexes name columns by their column names,
# including one whose attribute is named differently.
from sqlalchemy import Column, Index, Integer, String, Table, UniqueConstraint
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Account(Base):
    __tablename__ = "accounts"
    id = Column(Integer, primary_key=True)
    email = Column(String(100), nullable=False)
    display = Column("display_name", String(100))
    __table_args__ = (UniqueConstraint("email"), Index("ix_accounts_display", "display_name"))


Table(
    "audit",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("account_id", Integer, nullable=False),
    Index("ix_audit_account", "account_id"),
)
