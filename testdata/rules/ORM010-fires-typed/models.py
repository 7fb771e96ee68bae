# ORM010 (typed 1.4 style): List[...] on both sides over a plain key.
from typing import List, Optional

from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import Mapped, declarative_base, relationship

Base = declarative_base()


class Author(Base):
    __tablename__ = "authors"
    id: Mapped[int] = Column(Integer, primary_key=True)
    books: Mapped[List["Book"]] = relationship("Book", back_populates="authors")


class Book(Base):
    __tablename__ = "books"
    id: Mapped[int] = Column(Integer, primary_key=True)
    author_id: Mapped[int] = Column(ForeignKey("authors.id"), index=True)
    authors: Mapped[List["Author"]] = relationship("Author", back_populates="books")
