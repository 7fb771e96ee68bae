# Classic declarative_base() imported from the old sqlalchemy.ext.declarative
# module (1.4 warns that it moved); the pair is made with a backref string.
from sqlalchemy import Column, DateTime, ForeignKey, Integer, String, func
from sqlalchemy.ext.declarative import declarative_base
from sqlalchemy.orm import relationship

Base = declarative_base()


class Author(Base):
    __tablename__ = "authors"
    id = Column(Integer, primary_key=True)
    name = Column(String(80), nullable=False)


class Book(Base):
    __tablename__ = "books"
    id = Column(Integer, primary_key=True)
    title = Column(String(200), nullable=False)
    published = Column(DateTime, server_default=func.now())
    author_id = Column(Integer, ForeignKey("authors.id"))
    author = relationship("Author", backref="books")
