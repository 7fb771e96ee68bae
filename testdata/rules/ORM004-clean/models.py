# ORM004 near-miss: each side names the other; a backref pair.
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
    kennel = relationship("Kennel", back_populates="dogs")
    vet_id = Column(Integer, ForeignKey("vets.id"), index=True)
    vet = relationship("Vet", backref="patients")


class Vet(Base):
    __tablename__ = "vets"
    id = Column(Integer, primary_key=True)
