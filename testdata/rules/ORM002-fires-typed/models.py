# ORM002 (typed 1.4 style): Customer.orders, and Order has no relationship back.
from typing import List, Optional

from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import Mapped, declarative_base, relationship

Base = declarative_base()


class Customer(Base):
    __tablename__ = "customers"
    id: Mapped[int] = Column(Integer, primary_key=True)
    orders: Mapped[List["Order"]] = relationship("Order")


class Order(Base):
    __tablename__ = "orders"
    id: Mapped[int] = Column(Integer, primary_key=True)
    customer_id: Mapped[int] = Column(ForeignKey("customers.id"), index=True)
