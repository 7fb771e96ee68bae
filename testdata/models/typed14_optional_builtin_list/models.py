# 1.4-compatible typed style with builtin list["X"], Mapped[str | None],
# Optional["X"] for a nullable many-to-one, and a one-to-one annotated as
# Optional (the shape of sa20_optional_union).
from __future__ import annotations

from typing import Optional

from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, declarative_base, relationship

Base = declarative_base()


class Library(Base):
    __tablename__ = "libraries"
    id: Mapped[int] = Column(Integer, primary_key=True)
    name: Mapped[str] = Column(String(50), nullable=False)
    motto: Mapped[str | None] = Column(String(200))
    books: Mapped[list["Book"]] = relationship("Book", back_populates="library")
    director: Mapped[Optional["Director"]] = relationship("Director", back_populates="library", uselist=False)


class Book(Base):
    __tablename__ = "books"
    id: Mapped[int] = Column(Integer, primary_key=True)
    library_id: Mapped[Optional[int]] = Column(ForeignKey("libraries.id", ondelete="SET NULL"))
    library: Mapped[Optional["Library"]] = relationship("Library", back_populates="books")


class Director(Base):
    __tablename__ = "directors"
    id: Mapped[int] = Column(Integer, primary_key=True)
    library_id: Mapped[int] = Column(ForeignKey("libraries.id"), unique=True, nullable=False)
    library: Mapped[Library] = relationship("Library", back_populates="director")
