# 1.4-compatible typed style with a declared_attr mixin and joined
# inheritance (the shape of sa20_inheritance).
from typing import List, Optional

from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, declarative_base, declared_attr, relationship

Base = declarative_base()


class HasZoo:
    @declared_attr
    def zoo_id(cls) -> Mapped[int]:
        return Column(ForeignKey("zoos.id"), nullable=False)


class Zoo(Base):
    __tablename__ = "zoos"
    id: Mapped[int] = Column(Integer, primary_key=True)
    animals: Mapped[List["Animal"]] = relationship("Animal", back_populates="zoo")


class Animal(HasZoo, Base):
    __tablename__ = "animals"
    id: Mapped[int] = Column(Integer, primary_key=True)
    kind: Mapped[str] = Column(String(20))
    zoo: Mapped["Zoo"] = relationship("Zoo", back_populates="animals")
    __mapper_args__ = {"polymorphic_on": "kind", "polymorphic_identity": "animal"}


class Bird(Animal):
    __tablename__ = "birds"
    id: Mapped[int] = Column(ForeignKey("animals.id"), primary_key=True)
    wingspan: Mapped[Optional[int]] = Column(Integer)
    __mapper_args__ = {"polymorphic_identity": "bird"}
