# Classes mapped onto an explicit __table__ = Table(...), one of them with a
# foreign key declared inside the Table.
from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Album(Base):
    __table__ = Table(
        "albums",
        Base.metadata,
        Column("id", Integer, primary_key=True),
        Column("title", String(100), nullable=False),
    )
    tracks = relationship("Track", back_populates="album")


class Track(Base):
    __table__ = Table(
        "tracks",
        Base.metadata,
        Column("id", Integer, primary_key=True),
        Column("album_id", Integer, ForeignKey("albums.id", ondelete="CASCADE"), nullable=False),
        Column("title", String(100)),
        Column("seconds", Integer),
    )
    album = relationship("Album", back_populates="tracks")
