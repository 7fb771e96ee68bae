# ORM003: back_populates="owner", but Car has no attribute owner (it is user).
from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    cars = relationship("Car", back_populates="owner")


class Car(Base):
    __tablename__ = "cars"
    id = Column(Integer, primary_key=True)
    user_id = Column(Integer, ForeignKey("users.id"), index=True)
    user = relationship("User", back_populates="cars")
