# The forms a relationship target takes: a class name string, a
# module-qualified string ("models.Region"), the class object, and a lambda.
from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Region(Base):
    __tablename__ = "regions"
    id = Column(Integer, primary_key=True)
    name = Column(String(30))
    stores = relationship("Store", back_populates="region")


class Manager(Base):
    __tablename__ = "managers"
    id = Column(Integer, primary_key=True)
    name = Column(String(30))


class Store(Base):
    __tablename__ = "stores"
    id = Column(Integer, primary_key=True)
    region_id = Column(ForeignKey("regions.id"))
    manager_id = Column(ForeignKey("managers.id"))
    supplier_id = Column(ForeignKey("suppliers.id"))
    region = relationship("models.Region", back_populates="stores")
    manager = relationship(Manager)
    supplier = relationship(lambda: Supplier, back_populates="stores")


class Supplier(Base):
    __tablename__ = "suppliers"
    id = Column(Integer, primary_key=True)
    stores = relationship(lambda: Store, back_populates="supplier")
