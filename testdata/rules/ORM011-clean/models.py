# Near misses: passive_deletes=True over ON DELETE CASCADE (the documented
# pattern), and ON DELETE SET NULL without passive_deletes (the ORM does what
# the database would do).
from sqlalchemy import Column, ForeignKey, Integer
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Album(Base):
    __tablename__ = "albums"
    id = Column(Integer, primary_key=True)
    photos = relationship(
        "Photo", back_populates="album", cascade="all, delete-orphan", passive_deletes=True
    )
    covers = relationship("Cover", back_populates="album")


class Photo(Base):
    __tablename__ = "photos"
    id = Column(Integer, primary_key=True)
    album_id = Column(Integer, ForeignKey("albums.id", ondelete="CASCADE"), index=True)
    album = relationship("Album", back_populates="photos")


class Cover(Base):
    __tablename__ = "covers"
    id = Column(Integer, primary_key=True)
    album_id = Column(Integer, ForeignKey("albums.id", ondelete="SET NULL"), index=True)
    album = relationship("Album", back_populates="covers")
