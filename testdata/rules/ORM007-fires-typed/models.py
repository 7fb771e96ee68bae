# ORM007 (typed 1.4 style): the secondary table has no foreign key to rights.
from typing import List, Optional

from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import Mapped, declarative_base, relationship

Base = declarative_base()


links = Table(
    "links",
    Base.metadata,
    Column("left_id", ForeignKey("lefts.id"), primary_key=True),
    Column("right_id", Integer, primary_key=True),
)


class Left(Base):
    __tablename__ = "lefts"
    id: Mapped[int] = Column(Integer, primary_key=True)
    rights: Mapped[List["Right"]] = relationship("Right", secondary=links)


class Right(Base):
    __tablename__ = "rights"
    id: Mapped[int] = Column(Integer, primary_key=True)
