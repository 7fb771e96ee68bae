# __table_args__ as a dict only: table options and a schema ("main", the
# schema SQLite always has), referenced from another table by its full name.
from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Region(Base):
    __tablename__ = "regions"
    __table_args__ = {"schema": "main", "sqlite_autoincrement": True, "comment": "sales regions"}
    id = Column(Integer, primary_key=True)
    name = Column(String(40), nullable=False)


class Office(Base):
    __tablename__ = "offices"
    id = Column(Integer, primary_key=True)
    region_id = Column(Integer, ForeignKey("main.regions.id"), nullable=False)
    region = relationship("Region", backref="offices")
