# ORM001 near-miss: the two sides name each other; and two relationships over
# the same key that say overlaps= on purpose.
from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    addresses = relationship("Address", back_populates="user")
    recent = relationship("Address", viewonly=True)


class Address(Base):
    __tablename__ = "addresses"
    id = Column(Integer, primary_key=True)
    user_id = Column(Integer, ForeignKey("users.id"), index=True)
    user = relationship("User", back_populates="addresses")


class Shelf(Base):
    __tablename__ = "shelves"
    id = Column(Integer, primary_key=True)
    items = relationship("Item", overlaps="shelf")


class Item(Base):
    __tablename__ = "items"
    id = Column(Integer, primary_key=True)
    shelf_id = Column(Integer, ForeignKey("shelves.id"), index=True)
    shelf = relationship("Shelf", overlaps="items")
