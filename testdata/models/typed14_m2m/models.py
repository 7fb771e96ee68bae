# 1.4-compatible typed many-to-many: Mapped[List["Tag"]] over a secondary
# table, the other side a Mapped[Set[...]] collection.
from typing import List, Set

from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import Mapped, declarative_base, relationship

Base = declarative_base()

photo_tags = Table(
    "photo_tags",
    Base.metadata,
    Column("photo_id", ForeignKey("photos.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
)


class Photo(Base):
    __tablename__ = "photos"
    id: Mapped[int] = Column(Integer, primary_key=True)
    url: Mapped[str] = Column(String(300), nullable=False)
    tags: Mapped[List["Tag"]] = relationship("Tag", secondary=photo_tags, back_populates="photos")


class Tag(Base):
    __tablename__ = "tags"
    id: Mapped[int] = Column(Integer, primary_key=True)
    name: Mapped[str] = Column(String(30), unique=True)
    photos: Mapped[Set["Photo"]] = relationship("Photo", secondary=photo_tags, back_populates="tags", collection_class=set)
