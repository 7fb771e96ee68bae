# 1.4-compatible typed self-referential tree: Mapped[Optional["Comment"]]
# parent with remote_side, Mapped[List["Comment"]] replies.
from typing import List, Optional

from sqlalchemy import Column, ForeignKey, Integer, Text
from sqlalchemy.orm import Mapped, declarative_base, relationship

Base = declarative_base()


class Comment(Base):
    __tablename__ = "comments"
    id: Mapped[int] = Column(Integer, primary_key=True)
    parent_id: Mapped[Optional[int]] = Column(Integer, ForeignKey("comments.id", ondelete="CASCADE"))
    body: Mapped[str] = Column(Text, nullable=False)
    parent: Mapped[Optional["Comment"]] = relationship("Comment", back_populates="replies", remote_side="Comment.id")
    replies: Mapped[List["Comment"]] = relationship("Comment", back_populates="parent", passive_deletes=True)
