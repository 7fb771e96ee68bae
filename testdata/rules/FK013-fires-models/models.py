# Pitfall: ondelete="SET NOTHING" is not a referential action (valid: CASCADE,
# SET NULL, SET DEFAULT, RESTRICT, NO ACTION).
from sqlalchemy import Column, ForeignKey, Integer
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Customer(Base):
    __tablename__ = "customers"
    id = Column(Integer, primary_key=True)


class Order(Base):
    __tablename__ = "orders"
    id = Column(Integer, primary_key=True)
    customer_id = Column(Integer, ForeignKey("customers.id", ondelete="SET NOTHING"))
