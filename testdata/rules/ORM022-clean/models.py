# Near misses: passive_deletes=True over ON DELETE CASCADE and over ON DELETE
# SET NULL.
from sqlalchemy import Column, ForeignKey, Integer
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Folder(Base):
    __tablename__ = "folders"
    id = Column(Integer, primary_key=True)
    files = relationship("File", cascade="all, delete-orphan", passive_deletes=True)
    links = relationship("Link", passive_deletes=True)


class File(Base):
    __tablename__ = "files"
    id = Column(Integer, primary_key=True)
    folder_id = Column(Integer, ForeignKey("folders.id", ondelete="CASCADE"), index=True)


class Link(Base):
    __tablename__ = "links"
    id = Column(Integer, primary_key=True)
    folder_id = Column(Integer, ForeignKey("folders.id", ondelete="SET NULL"), index=True)
