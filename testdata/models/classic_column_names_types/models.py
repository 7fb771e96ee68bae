# Columns with an explicit database name different from the attribute, and
# columns without a type (the type comes from the ForeignKey's target).
from sqlalchemy import BigInteger, Boolean, Column, ForeignKey, Integer, Numeric, String
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Account(Base):
    __tablename__ = "accounts"
    id = Column("account_id", BigInteger, primary_key=True)
    login = Column("user_login", String(32), nullable=False, unique=True)
    active = Column(Boolean, default=True, nullable=False)


class Payment(Base):
    __tablename__ = "payments"
    id = Column(Integer, primary_key=True)
    account_id = Column("acct", ForeignKey("accounts.account_id"), nullable=False)
    amount = Column("amt", Numeric(12, 2))
    account = relationship("Account", backref="payments")
