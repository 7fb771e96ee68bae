# 2.0 typed style with a declared_attr mixin, joined
# inheritance (the 2.0 form of
# typed14_inheritance_mixin).
from typing import List, Optional

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class HasZoo:
    @declared_attr
    def zoo_id(cls) -> Mapped[int]:
        return mapped_column(ForeignKey("zoos.id"))


class Zoo(Base):
    __tablename__ = "zoos"
    id: Mapped[int] = mapped_column(primary_key=True)
    animals: Mapped[List["Animal"]] = relationship(back_populates="zoo")


class Animal(HasZoo, Base):
    __tablename__ = "animals"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    zoo: Mapped["Zoo"] = relationship(back_populates="animals")
    __mapper_args__ = {"polymorphic_on": "kind", "polymorphic_identity": "animal"}


class Bird(Animal):
    __tablename__ = "birds"
    id: Mapped[int] = mapped_column(ForeignKey("animals.id"), primary_key=True)
    wingspan: Mapped[Optional[int]]
    __mapper_args__ = {"polymorphic_identity": "bird"}
