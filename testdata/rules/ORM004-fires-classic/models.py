# ORM004: Kennel.dogs names Dog.kennel, which does not name dogs back (a
# one-way back_populates: SQLAlchemy accepts it).
from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Kennel(Base):
    __tablename__ = "kennels"
    id = Column(Integer, primary_key=True)
    dogs = relationship("Dog", back_populates="kennel")


class Dog(Base):
    __tablename__ = "dogs"
    id = Column(Integer, primary_key=True)
    kennel_id = Column(Integer, ForeignKey("kennels.id"), index=True)
    kennel = relationship("Kennel")
