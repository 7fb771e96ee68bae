# Pitfall: columns named like references (customer_id, categoriesId) with the
# referenced primary key's type, but no ForeignKey().
from sqlalchemy import Column, Integer
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Customer(Base):
    __tablename__ = "customers"
    id = Column(Integer, primary_key=True)


class Category(Base):
    __tablename__ = "category"
    id = Column(Integer, primary_key=True)


class Order(Base):
    __tablename__ = "orders"
    id = Column(Integer, primary_key=True)
    customer_id = Column(Integer, nullable=False)
    categoriesId = Column(Integer)
