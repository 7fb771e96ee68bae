# A foreign key written twice: ForeignKey() on the column and a
# ForeignKeyConstraint over the same column. SQLAlchemy sees one join path
# (the two constraints give the same join), with or without foreign_keys=.
from sqlalchemy import Column, ForeignKey, ForeignKeyConstraint, Integer, String
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Author(Base):
    __tablename__ = "authors"
    id = Column(Integer, primary_key=True)
    name = Column(String(80), nullable=False)
    books = relationship("Book", back_populates="author")
    edited = relationship("Edition", foreign_keys="Edition.editor_id", back_populates="editor")


class Book(Base):
    __tablename__ = "books"
    __table_args__ = (ForeignKeyConstraint(["author_id"], ["authors.id"]),)
    id = Column(Integer, primary_key=True)
    author_id = Column(Integer, ForeignKey("authors.id"), nullable=False, index=True)
    author = relationship("Author", back_populates="books")


class Edition(Base):
    __tablename__ = "editions"
    __table_args__ = (ForeignKeyConstraint(["editor_id"], ["authors.id"]),)
    id = Column(Integer, primary_key=True)
    editor_id = Column(Integer, ForeignKey("authors.id"), index=True)
    editor = relationship("Author", foreign_keys=[editor_id], back_populates="edited")
