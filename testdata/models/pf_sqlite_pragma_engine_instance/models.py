# Project facts: a literal SQLite URL and the pragma listener registered on
# the engine instance (event.listen, not the decorator), plus an ON UPDATE
# CASCADE key.
from sqlalchemy import Column, ForeignKey, Integer, String, create_engine, event
from sqlalchemy.orm import declarative_base, relationship

engine = create_engine("sqlite:///./data/notes.sqlite3", future=True)


def _fk_pragma_on_connect(dbapi_con, con_record):
    dbapi_con.execute("pragma foreign_keys = on")


event.listen(engine, "connect", _fk_pragma_on_connect)

Base = declarative_base()


class Notebook(Base):
    __tablename__ = "notebooks"
    code = Column(String(12), primary_key=True)
    notes = relationship("Note", back_populates="notebook", cascade="all, delete-orphan", passive_deletes=True)


class Note(Base):
    __tablename__ = "notes"
    id = Column(Integer, primary_key=True)
    notebook_code = Column(String(12), ForeignKey("notebooks.code", ondelete="CASCADE", onupdate="CASCADE"))
    body = Column(String(1000))
    notebook = relationship("Notebook", back_populates="notes")
