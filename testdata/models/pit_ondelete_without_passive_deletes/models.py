# Pitfall SQLAlchemy does not report: ON DELETE CASCADE on the key, but the
# one-to-many has neither passive_deletes nor a delete cascade: the ORM sets
# the children's key to NULL before deleting the parent, so the database
# never cascades and the children survive as orphans.
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
    album_id = Column(Integer, ForeignKey("albums.id", ondelete="CASCADE"))
    path = Column(String(200))
    album = relationship("Album", back_populates="photos")


def oracle_probe(engine):
    with Session(engine) as s:
        a = Album(id=1, photos=[Photo(id=1), Photo(id=2)])
        s.add(a)
        s.commit()
        s.delete(a)
        s.commit()
        return {"photos left": s.query(Photo).count(),
                "photos with album_id NULL": s.query(Photo).filter(Photo.album_id.is_(None)).count()}
