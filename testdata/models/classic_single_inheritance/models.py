# Single-table inheritance: subclasses have no __tablename__; their columns
# go to the parent's table (and are nullable there).
from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Vehicle(Base):
    __tablename__ = "vehicles"
    id = Column(Integer, primary_key=True)
    kind = Column(String(20), nullable=False)
    wheels = Column(Integer)
    __mapper_args__ = {"polymorphic_on": kind, "polymorphic_identity": "vehicle"}


class Car(Vehicle):
    seats = Column(Integer)
    __mapper_args__ = {"polymorphic_identity": "car"}


class Truck(Vehicle):
    payload = Column(Integer)
    depot_id = Column(Integer, ForeignKey("depots.id"))
    depot = relationship("Depot", back_populates="trucks")
    __mapper_args__ = {"polymorphic_identity": "truck"}


class Depot(Base):
    __tablename__ = "depots"
    id = Column(Integer, primary_key=True)
    city = Column(String(40))
    trucks = relationship("Truck", back_populates="depot")
