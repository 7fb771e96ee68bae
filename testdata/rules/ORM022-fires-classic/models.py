# passive_deletes=True but the key has no ON DELETE action: files the ORM has
# not loaded are left to a database that was never told to do anything.
from sqlalchemy import Column, ForeignKey, Integer
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, declarative_base, relationship

Base = declarative_base()


class Folder(Base):
    __tablename__ = "folders"
    id = Column(Integer, primary_key=True)
    files = relationship(
        "File", back_populates="folder", cascade="all, delete-orphan", passive_deletes=True
    )


class File(Base):
    __tablename__ = "files"
    id = Column(Integer, primary_key=True)
    folder_id = Column(Integer, ForeignKey("folders.id"), nullable=False, index=True)
    folder = relationship("Folder", back_populates="files")


def oracle_probe(engine):
    with Session(engine) as s:
        s.add(Folder(id=1, files=[File(id=1)]))
        s.commit()
        s.expunge_all()
        s.delete(s.get(Folder, 1))
        try:
            s.commit()
            return {"delete": "succeeded"}
        except IntegrityError as e:
            s.rollback()
            return {"delete": "IntegrityError", "detail": str(e.orig)}
