# ORM007 near-miss: no key, but an explicit primaryjoin with foreign().
from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Author(Base):
    __tablename__ = "authors"
    id = Column(Integer, primary_key=True)
    books = relationship(
        "Book", primaryjoin="Author.id == foreign(Book.author_id)", viewonly=True
    )


class Book(Base):
    __tablename__ = "books"
    id = Column(Integer, primary_key=True)
    author_id = Column(Integer, index=True)
