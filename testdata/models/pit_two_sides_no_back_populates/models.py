# Pitfall: both sides define a relationship over the same key but neither
# names the other; SQLAlchemy only warns that they overlap.
from sqlalchemy import Column, ForeignKey, Integer
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Playlist(Base):
    __tablename__ = "playlists"
    id = Column(Integer, primary_key=True)
    songs = relationship("Song")


class Song(Base):
    __tablename__ = "songs"
    id = Column(Integer, primary_key=True)
    playlist_id = Column(Integer, ForeignKey("playlists.id"))
    playlist = relationship("Playlist")
