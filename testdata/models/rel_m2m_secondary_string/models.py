# Many-to-many with secondary= given the table name as a string, defined
# after the classes; the other side comes from a backref.
from sqlalchemy import Column, ForeignKey, Integer, String, Table, UniqueConstraint
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Article(Base):
    __tablename__ = "articles"
    id = Column(Integer, primary_key=True)
    headline = Column(String(120))
    keywords = relationship("Keyword", secondary="article_keywords", backref="articles", order_by="Keyword.word")


class Keyword(Base):
    __tablename__ = "keywords"
    id = Column(Integer, primary_key=True)
    word = Column(String(40), unique=True, nullable=False)


article_keywords = Table(
    "article_keywords",
    Base.metadata,
    Column("article_id", ForeignKey("articles.id"), nullable=False),
    Column("keyword_id", ForeignKey("keywords.id"), nullable=False),
    UniqueConstraint("article_id", "keyword_id"),
)
