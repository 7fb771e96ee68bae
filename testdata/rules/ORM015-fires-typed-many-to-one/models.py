# 1.4 typed style: two many-to-one relationships over one key column.
from sqlalchemy import Column, ForeignKey, Integer
from sqlalchemy.orm import Mapped, declarative_base, relationship

Base = declarative_base()


class Author(Base):
    __tablename__ = "authors"
    id: Mapped[int] = Column(Integer, primary_key=True)


class Book(Base):
    __tablename__ = "books"
    id: Mapped[int] = Column(Integer, primary_key=True)
    author_id: Mapped[int] = Column(ForeignKey("authors.id"), nullable=False, index=True)
    author: Mapped["Author"] = relationship("Author")
    writer: Mapped["Author"] = relationship("Author")
