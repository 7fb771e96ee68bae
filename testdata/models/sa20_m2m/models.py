# 2.0 many-to-many: the secondary Table on Base.metadata, Mapped[list["Tag"]]
# and Mapped[set["Photo"]] (the 2.0 form of typed14_m2m).
from sqlalchemy import Column, ForeignKey, Table
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


photo_tags = Table(
    "photo_tags",
    Base.metadata,
    Column("photo_id", ForeignKey("photos.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
)


class Photo(Base):
    __tablename__ = "photos"
    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str]
    tags: Mapped[list["Tag"]] = relationship(secondary=photo_tags, back_populates="photos")


class Tag(Base):
    __tablename__ = "tags"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(unique=True)
    photos: Mapped[set["Photo"]] = relationship(secondary=photo_tags, back_populates="tags")
