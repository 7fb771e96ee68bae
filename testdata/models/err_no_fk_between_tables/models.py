# SQLAlchemy error (configure, NoForeignKeysError): a relationship between two
# tables that no foreign key links; relationship() does not create keys.
from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import backref, declarative_base, relationship

Base = declarative_base()


class Author(Base):
    __tablename__ = "authors"
    id = Column(Integer, primary_key=True)
    name = Column(String(50))
    books = relationship("Book", back_populates="author")


class Book(Base):
    __tablename__ = "books"
    id = Column(Integer, primary_key=True)
    author_id = Column(Integer)  # meant to be ForeignKey("authors.id")
    author = relationship("Author", back_populates="books")
