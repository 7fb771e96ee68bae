# 2.0 self-referential tree: parent Mapped[Optional["Comment"]] with
# remote_side, replies Mapped[List["Comment"]] (the 2.0 form of
# typed14_self_ref).
from typing import List, Optional

from sqlalchemy import ForeignKey
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Comment(Base):
    __tablename__ = "comments"
    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[Optional[int]] = mapped_column(ForeignKey("comments.id", ondelete="CASCADE"))
    body: Mapped[str]
    parent: Mapped[Optional["Comment"]] = relationship(back_populates="replies", remote_side=[id])
    replies: Mapped[List["Comment"]] = relationship(back_populates="parent", passive_deletes=True)
