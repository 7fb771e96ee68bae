# 2.0 typed style: nullability from the annotation (Mapped[str | None],
# Optional[int]), builtin list["Book"], and Optional["Library"] many-to-one
# (the 2.0 form of typed14_optional_builtin_list).
from __future__ import annotations

from typing import Optional

from sqlalchemy import ForeignKey
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Library(Base):
    __tablename__ = "libraries"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    motto: Mapped[str | None]
    books: Mapped[list["Book"]] = relationship(back_populates="library")
    director: Mapped[Optional["Director"]] = relationship(back_populates="library")


class Book(Base):
    __tablename__ = "books"
    id: Mapped[int] = mapped_column(primary_key=True)
    library_id: Mapped[Optional[int]] = mapped_column(ForeignKey("libraries.id", ondelete="SET NULL"))
    library: Mapped[Optional["Library"]] = relationship(back_populates="books")


class Director(Base):
    __tablename__ = "directors"
    id: Mapped[int] = mapped_column(primary_key=True)
    library_id: Mapped[int] = mapped_column(ForeignKey("libraries.id"), unique=True)
    library: Mapped[Library] = relationship(back_populates="director")
