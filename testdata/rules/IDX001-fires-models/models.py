# IDX001: index=True on customer_id is redundant: the composite index
# ix_orders_customer_placed leads with customer_id and serves every lookup it does.
from sqlalchemy import Column, DateTime, Index, Integer
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Order(Base):
    __tablename__ = "orders"
    __table_args__ = (Index("ix_orders_customer_placed", "customer_id", "placed_at"),)
    id = Column(Integer, primary_key=True)
    customer_id = Column(Integer, nullable=False, index=True)
    placed_at = Column(DateTime, nullable=False)
