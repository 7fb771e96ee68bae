# JT004 (typed 1.4 style): a quantity and a note beside the keys.
from typing import List, Optional

from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import Mapped, declarative_base, relationship

Base = declarative_base()


order_items = Table(
    "order_items",
    Base.metadata,
    Column("order_id", ForeignKey("orders.id", ondelete="CASCADE"), primary_key=True),
    Column("product_id", ForeignKey("products.id", ondelete="CASCADE"), primary_key=True),
    Column("quantity", Integer),
    Column("note", String(200)),
)


class Order(Base):
    __tablename__ = "orders"
    id: Mapped[int] = Column(Integer, primary_key=True)
    products: Mapped[List["Product"]] = relationship("Product", secondary=order_items)


class Product(Base):
    __tablename__ = "products"
    id: Mapped[int] = Column(Integer, primary_key=True)
