# Pitfall: no index leads with the key column (the composite index has it
# second), so every delete in customers scans orders.
from sqlalchemy import Column, ForeignKey, Index, Integer, String
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Customer(Base):
    __tablename__ = "customers"
    id = Column(Integer, primary_key=True)


class Order(Base):
    __tablename__ = "orders"
    __table_args__ = (
        Index("ix_orders_placed_customer", "placed_at", "customer_id"),
    )
    id = Column(Integer, primary_key=True)
    placed_at = Column(String(30))
    customer_id = Column(Integer, ForeignKey("customers.id"), nullable=False)
