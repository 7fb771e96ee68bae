# JT002: the secondary table's key columns are nullable (Column() defaults to
# nullable=True and they are not part of a primary key): a link with NULL
# links nothing and is never a duplicate.
from sqlalchemy import Column, ForeignKey, Integer, Table, UniqueConstraint
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


post_tags = Table(
    "post_tags",
    Base.metadata,
    Column("post_id", ForeignKey("posts.id", ondelete="CASCADE")),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE")),
    UniqueConstraint("post_id", "tag_id"),
)


class Post(Base):
    __tablename__ = "posts"
    id = Column(Integer, primary_key=True)
    tags = relationship("Tag", secondary=post_tags, back_populates="posts")


class Tag(Base):
    __tablename__ = "tags"
    id = Column(Integer, primary_key=True)
    posts = relationship("Post", secondary=post_tags, back_populates="tags")
