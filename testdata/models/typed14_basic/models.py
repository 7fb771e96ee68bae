# 1.4-compatible typed style: Mapped[...] annotations whose values are still
# Column(...) and relationship(...) (the shape of the 2.0 sa20_basic case).
from typing import List, Optional

from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, declarative_base, relationship

Base = declarative_base()


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = Column(Integer, primary_key=True)
    name: Mapped[str] = Column(String(30), nullable=False)
    fullname: Mapped[Optional[str]] = Column(String)
    nickname: Mapped[str | None] = Column(String(30))
    addresses: Mapped[List["Address"]] = relationship("Address", back_populates="user", cascade="all, delete-orphan")


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = Column(Integer, primary_key=True)
    email_address: Mapped[str] = Column(String, nullable=False)
    user_id: Mapped[int] = Column(ForeignKey("user_account.id"), nullable=False)
    user: Mapped["User"] = relationship("User", back_populates="addresses")
