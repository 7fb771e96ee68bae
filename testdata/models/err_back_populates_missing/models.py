# SQLAlchemy error (configure): back_populates names an attribute the target
# class does not have (a typo: "owner" vs "user").
from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import backref, declarative_base, relationship

Base = declarative_base()


class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    cars = relationship("Car", back_populates="owner")


class Car(Base):
    __tablename__ = "cars"
    id = Column(Integer, primary_key=True)
    user_id = Column(Integer, ForeignKey("users.id"))
    user = relationship("User", back_populates="cars")
