# ORM001 (typed 1.4 style): Author.books / Book.author over books.author_id,
# unlinked.
from typing import List, Optional

from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import Mapped, declarative_base, relationship

Base = declarative_base()


class Author(Base):
    __tablename__ = "authors"
    id: Mapped[int] = Column(Integer, primary_key=True)
    books: Mapped[List["Book"]] = relationship("Book")


class Book(Base):
    __tablename__ = "books"
    id: Mapped[int] = Column(Integer, primary_key=True)
    author_id: Mapped[int] = Column(ForeignKey("authors.id"), index=True)
    author: Mapped["Author"] = relationship("Author")
