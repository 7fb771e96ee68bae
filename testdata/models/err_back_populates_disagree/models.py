# SQLAlchemy error (configure): a back_populates pair that disagrees: Parent.kids
# names Kid.parent, but Kid.parent names Parent.other, a relationship to a
# different class.
from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import backref, declarative_base, relationship

Base = declarative_base()


class Parent(Base):
    __tablename__ = "parents"
    id = Column(Integer, primary_key=True)
    kids = relationship("Kid", back_populates="parent")
    other = relationship("Toy", back_populates="parent")


class Kid(Base):
    __tablename__ = "kids"
    id = Column(Integer, primary_key=True)
    parent_id = Column(Integer, ForeignKey("parents.id"))
    parent = relationship("Parent", back_populates="other")


class Toy(Base):
    __tablename__ = "toys"
    id = Column(Integer, primary_key=True)
    parent_id = Column(Integer, ForeignKey("parents.id"))
    parent = relationship("Parent")
