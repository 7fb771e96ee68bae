# JT001: the secondary table has a surrogate id primary key and nothing unique
# over (post_id, tag_id): the same link can be stored twice.
from sqlalchemy import Column, ForeignKey, Integer, Table
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


post_tags = Table(
    "post_tags",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("post_id", ForeignKey("posts.id", ondelete="CASCADE"), nullable=False),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), nullable=False),
)


class Post(Base):
    __tablename__ = "posts"
    id = Column(Integer, primary_key=True)
    tags = relationship("Tag", secondary=post_tags, back_populates="posts")


class Tag(Base):
    __tablename__ = "tags"
    id = Column(Integer, primary_key=True)
    posts = relationship("Post", secondary=post_tags, back_populates="tags")
