# Python syntax variety around the models: a module docstring after this
# comment, conditional imports in try/except, decorators, type hints,
# line continuations, f-strings, comments inside calls, semicolons and a
# nested helper class that is not mapped.
"""Inventory models.

The docstring mentions Column(Integer) and relationship("Nothing") in prose:
they are not code.
"""
from __future__ import annotations

import functools
import typing as t

try:
    from sqlalchemy.orm import declarative_base
except ImportError:  # pragma: no cover - very old SQLAlchemy
    from sqlalchemy.ext.declarative import declarative_base

from sqlalchemy import (
    Column,
    ForeignKey,  # keys
    Integer,
    String,
)
from sqlalchemy.orm import relationship, validates

PREFIX = "inv"
Base = declarative_base()


def audited(cls):
    cls.__audited__ = True
    return cls


@audited
class Location(Base):
    """A place that holds stock."""

    __tablename__ = f"{PREFIX}_locations"

    id: int = Column(Integer, primary_key=True)
    name = Column(String(40), \
                  nullable=False)
    items = relationship(
        "StockItem",  # the class, by name
        back_populates="location",
        # cascade="all",   <- commented out on purpose
    )

    class Meta:  # not mapped, not a model
        ordering = ["name"]

    @validates("name")
    def _check_name(self, key: str, value: str) -> str:
        assert value, f"{key} must not be empty"
        return value.strip()

    @functools.cached_property
    def label(self) -> str:
        return f"{self.id}: {self.name!r}"

    def __repr__(self) -> str:
        return f"<Location {self.name}>"


@audited
class StockItem(Base):
    __tablename__ = PREFIX + "_stock_items"
    id = Column(Integer, primary_key=True); sku = Column(String(20), unique=True)
    location_id: t.Optional[int] = Column(
        Integer,
        ForeignKey(f"{PREFIX}_locations.id", ondelete="SET NULL"),
        nullable=True,
    )
    location = relationship("Location", back_populates="items")
    notes = Column(String(200), default="""multi
line default""")
