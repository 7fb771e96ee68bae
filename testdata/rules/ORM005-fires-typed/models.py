# ORM005 (typed 1.4 style): backref="name" collides with the column Item.name.
from typing import List, Optional

from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import Mapped, declarative_base, relationship

Base = declarative_base()


class Item(Base):
    __tablename__ = "items"
    id: Mapped[int] = Column(Integer, primary_key=True)
    name: Mapped[Optional[str]] = Column(String(40))


class Tag(Base):
    __tablename__ = "tags"
    id: Mapped[int] = Column(Integer, primary_key=True)
    item_id: Mapped[int] = Column(ForeignKey("items.id"), index=True)
    item: Mapped["Item"] = relationship("Item", backref="name")
