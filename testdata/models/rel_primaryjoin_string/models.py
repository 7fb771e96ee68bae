# primaryjoin given as strings: a filtered viewonly collection and a plain
# join condition with foreign() annotation.
from sqlalchemy import Boolean, Column, ForeignKey, Integer, String
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Customer(Base):
    __tablename__ = "customers"
    id = Column(Integer, primary_key=True)
    name = Column(String(40))
    orders = relationship("Order", back_populates="customer", primaryjoin="Customer.id == Order.customer_id")
    open_orders = relationship(
        "Order",
        primaryjoin="and_(Customer.id == Order.customer_id, Order.closed == False)",
        viewonly=True,
    )


class Order(Base):
    __tablename__ = "orders"
    id = Column(Integer, primary_key=True)
    customer_id = Column(Integer, ForeignKey("customers.id"))
    closed = Column(Boolean, default=False, nullable=False)
    customer = relationship("Customer", back_populates="orders")


class Note(Base):
    __tablename__ = "notes"
    id = Column(Integer, primary_key=True)
    customer_ref = Column(Integer)
    text = Column(String(200))
    customer = relationship("Customer", primaryjoin="foreign(Note.customer_ref) == Customer.id")
