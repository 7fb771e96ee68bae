# ORM010 (2.0 typed style): List[...] on both sides over a plain key. In 2.0
# the annotation decides uselist, so Book.authors is a list that can only
# ever hold the one author books.author_id points at.
from typing import List

from sqlalchemy import ForeignKey
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "authors"
    id: Mapped[int] = mapped_column(primary_key=True)
    books: Mapped[List["Book"]] = relationship(back_populates="authors")


class Book(Base):
    __tablename__ = "books"
    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("authors.id"), index=True)
    authors: Mapped[List["Author"]] = relationship(back_populates="books")
