# ORM008: two keys to accounts and no foreign_keys=.
from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Account(Base):
    __tablename__ = "accounts"
    id = Column(Integer, primary_key=True)


class Transfer(Base):
    __tablename__ = "transfers"
    id = Column(Integer, primary_key=True)
    from_account_id = Column(Integer, ForeignKey("accounts.id"), index=True)
    to_account_id = Column(Integer, ForeignKey("accounts.id"), index=True)
    from_account = relationship("Account")
