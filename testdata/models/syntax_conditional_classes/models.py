# Classes and tables defined under conditions: a class inside `if`, a table
# inside `try`, a class in the `else` branch of a feature flag; only the
# branches Python actually runs are mapped (the flag is a literal False).
from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()
FEATURE_TAGS = False


class Note(Base):
    __tablename__ = "notes"
    id = Column(Integer, primary_key=True)
    text = Column(String(500))


if FEATURE_TAGS:
    class Tag(Base):
        __tablename__ = "tags"
        id = Column(Integer, primary_key=True)
else:
    class Label(Base):
        __tablename__ = "labels"
        id = Column(Integer, primary_key=True)
        note_id = Column(Integer, ForeignKey("notes.id"))
        note = relationship("Note", backref="labels")

try:
    note_links = Table(
        "note_links",
        Base.metadata,
        Column("from_id", Integer, ForeignKey("notes.id"), primary_key=True),
        Column("to_id", Integer, ForeignKey("notes.id"), primary_key=True),
    )
except KeyError:
    note_links = None
