# Models of mm_mixins_module: tables named by the AutoTable mixin (author,
# book), imported with `from mixins import ...`.
from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import relationship

from base import Base
from mixins import AutoTable, PkMixin, Timestamps


class Author(AutoTable, PkMixin, Timestamps, Base):
    name = Column(String(80), nullable=False)
    books = relationship("Book", back_populates="author")


class Book(AutoTable, PkMixin, Base):
    title = Column(String(120))
    author_id = Column(Integer, ForeignKey("author.id"), nullable=False)
    author = relationship("Author", back_populates="books")
