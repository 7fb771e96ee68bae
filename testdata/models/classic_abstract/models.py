# An __abstract__ base class carrying the id and timestamp columns; it has no
# table of its own.
from sqlalchemy import Column, DateTime, ForeignKey, Integer, String, func
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Model(Base):
    __abstract__ = True
    id = Column(Integer, primary_key=True)
    created_at = Column(DateTime, server_default=func.now(), nullable=False)


class Category(Model):
    __tablename__ = "categories"
    name = Column(String(50), nullable=False, unique=True)
    articles = relationship("Article", back_populates="category")


class Article(Model):
    __tablename__ = "articles"
    title = Column(String(120))
    category_id = Column(Integer, ForeignKey("categories.id"))
    category = relationship("Category", back_populates="articles")
