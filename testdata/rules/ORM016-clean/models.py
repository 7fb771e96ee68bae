# Near misses: a one-to-one over a unique key, and a scalar many-to-one.
from sqlalchemy import Column, ForeignKey, Integer
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Car(Base):
    __tablename__ = "cars"
    id = Column(Integer, primary_key=True)
    engine = relationship("Engine", back_populates="car", uselist=False)


class Engine(Base):
    __tablename__ = "engines"
    id = Column(Integer, primary_key=True)
    car_id = Column(Integer, ForeignKey("cars.id"), unique=True)
    car = relationship("Car", back_populates="engine")
