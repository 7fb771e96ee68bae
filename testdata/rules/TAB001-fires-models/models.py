# TAB001: a Core Table() with no primary key. The ORM cannot map it (a mapped
# class must have one), but create_all() creates it and its rows cannot be
# told apart or referenced.
from sqlalchemy import Column, DateTime, Integer, String, Table
from sqlalchemy.orm import declarative_base

Base = declarative_base()


audit_log = Table(
    "audit_log",
    Base.metadata,
    Column("action", String(50), nullable=False),
    Column("happened_at", DateTime, nullable=False),
)


class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    name = Column(String(100), nullable=False)
