# IDX002: the unique constraint includes email, which is nullable (Column()
# defaults to nullable=True): rows with a NULL email are never duplicates.
from sqlalchemy import Column, Integer, String, UniqueConstraint
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Account(Base):
    __tablename__ = "accounts"
    __table_args__ = (UniqueConstraint("tenant_id", "email"),)
    id = Column(Integer, primary_key=True)
    tenant_id = Column(Integer, nullable=False)
    email = Column(String(200))
