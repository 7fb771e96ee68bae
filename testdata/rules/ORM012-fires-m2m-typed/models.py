# SQLAlchemy error (configure): delete-orphan on a many-to-many (1.4 typed
# style) without single_parent=True.
from typing import List

from sqlalchemy import Column, ForeignKey, Integer, Table
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
    tags: Mapped[List["Tag"]] = relationship(
        "Tag", secondary=post_tags, cascade="save-update, merge, delete, delete-orphan"
    )


class Tag(Base):
    __tablename__ = "tags"
    id: Mapped[int] = Column(Integer, primary_key=True)
