# ORM004 (typed 1.4 style): Kid.parent names Parent.toys, a relationship to
# another class (SQLAlchemy refuses this one).
from typing import List, Optional

from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import Mapped, declarative_base, relationship

Base = declarative_base()


class Parent(Base):
    __tablename__ = "parents"
    id: Mapped[int] = Column(Integer, primary_key=True)
    kids: Mapped[List["Kid"]] = relationship("Kid", back_populates="parent")
    toys: Mapped[List["Toy"]] = relationship("Toy", back_populates="owner")


class Kid(Base):
    __tablename__ = "kids"
    id: Mapped[int] = Column(Integer, primary_key=True)
    parent_id: Mapped[int] = Column(ForeignKey("parents.id"), index=True)
    parent: Mapped["Parent"] = relationship("Parent", back_populates="toys")


class Toy(Base):
    __tablename__ = "toys"
    id: Mapped[int] = Column(Integer, primary_key=True)
    parent_id: Mapped[int] = Column(ForeignKey("parents.id"), index=True)
    owner: Mapped["Parent"] = relationship("Parent", back_populates="toys")
