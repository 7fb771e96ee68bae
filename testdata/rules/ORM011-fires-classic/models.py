# ON DELETE CASCADE on the key, but the one-to-many has no passive_deletes:
# the ORM nulls the photos' album_id before deleting the album, so the
# database's cascade never runs and the photos survive as orphans.
from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import Session, declarative_base, relationship

Base = declarative_base()


class Album(Base):
    __tablename__ = "albums"
    id = Column(Integer, primary_key=True)
    photos = relationship("Photo", back_populates="album")


class Photo(Base):
    __tablename__ = "photos"
    id = Column(Integer, primary_key=True)
    album_id = Column(Integer, ForeignKey("albums.id", ondelete="CASCADE"), index=True)
    path = Column(String(200))
    album = relationship("Album", back_populates="photos")


def oracle_probe(engine):
    with Session(engine) as s:
        s.add(Album(id=1, photos=[Photo(id=1), Photo(id=2)]))
        s.commit()
        s.delete(s.get(Album, 1))
        s.commit()
        return {"photos left": s.query(Photo).count()}
