# ORM008 (typed 1.4 style): the one-to-many side of two keys is ambiguous too.
from typing import List, Optional

from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import Mapped, declarative_base, relationship

Base = declarative_base()


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = Column(Integer, primary_key=True)
    messages: Mapped[List["Message"]] = relationship("Message")


class Message(Base):
    __tablename__ = "messages"
    id: Mapped[int] = Column(Integer, primary_key=True)
    sender_id: Mapped[int] = Column(ForeignKey("users.id"), index=True)
    recipient_id: Mapped[int] = Column(ForeignKey("users.id"), index=True)
