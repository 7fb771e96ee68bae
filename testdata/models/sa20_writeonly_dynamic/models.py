# 2.0 collection kinds: WriteOnlyMapped and DynamicMapped collections, each
# with its many-to-one partner.
from sqlalchemy import ForeignKey
from sqlalchemy.orm import DeclarativeBase, DynamicMapped, Mapped, WriteOnlyMapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Account(Base):
    __tablename__ = "accounts"
    id: Mapped[int] = mapped_column(primary_key=True)
    transactions: WriteOnlyMapped["Transaction"] = relationship(back_populates="account", passive_deletes=True)
    logins: DynamicMapped["Login"] = relationship(back_populates="account")


class Transaction(Base):
    __tablename__ = "transactions"
    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    amount: Mapped[int]
    account: Mapped["Account"] = relationship(back_populates="transactions")


class Login(Base):
    __tablename__ = "logins"
    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    account: Mapped["Account"] = relationship(back_populates="logins")
