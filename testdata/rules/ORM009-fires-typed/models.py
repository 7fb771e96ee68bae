# ORM009 (typed 1.4 style): a typo in the name of the secondary table.
from typing import List, Optional

from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import Mapped, declarative_base, relationship

Base = declarative_base()


post_tags = Table(
    "post_tags",
    Base.metadata,
    Column("post_id", ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
)


class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = Column(Integer, primary_key=True)
    tags: Mapped[List["Tag"]] = relationship("Tag", secondary="posts_tags")


class Tag(Base):
    __tablename__ = "tags"
    id: Mapped[int] = Column(Integer, primary_key=True)
