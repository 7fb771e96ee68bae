# 1.4 typed style: a delete cascade over an ON DELETE CASCADE key without
# passive_deletes: the ORM loads and deletes each comment itself.
from typing import List

from sqlalchemy import Column, ForeignKey, Integer, Text
from sqlalchemy.orm import Mapped, declarative_base, relationship

Base = declarative_base()


class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = Column(Integer, primary_key=True)
    comments: Mapped[List["Comment"]] = relationship(
        "Comment", back_populates="post", cascade="all, delete-orphan"
    )


class Comment(Base):
    __tablename__ = "comments"
    id: Mapped[int] = Column(Integer, primary_key=True)
    post_id: Mapped[int] = Column(
        ForeignKey("posts.id", ondelete="CASCADE"), nullable=False, index=True
    )
    body: Mapped[str] = Column(Text)
    post: Mapped["Post"] = relationship("Post", back_populates="comments")
