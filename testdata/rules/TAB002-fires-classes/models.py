from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)


class Customer(Base):
    # Copied from User and never renamed.
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    name = Column(String(50))
