# SQLAlchemy error (configure): the relationship's target is a plain Python
# class, not a mapped one.
from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import backref, declarative_base, relationship

Base = declarative_base()


class Settings:
    """Not mapped: no Base, no __tablename__."""

    theme = "dark"


class Profile(Base):
    __tablename__ = "profiles"
    id = Column(Integer, primary_key=True)
    settings = relationship(Settings)
