# Two foreign keys to the same table, each relationship disambiguated with
# foreign_keys=, with back_populates on both ends.
from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Address(Base):
    __tablename__ = "addresses"
    id = Column(Integer, primary_key=True)
    line1 = Column(String(100))
    billed_orders = relationship("Order", back_populates="billing_address", foreign_keys="Order.billing_address_id")
    shipped_orders = relationship("Order", back_populates="shipping_address", foreign_keys="Order.shipping_address_id")


class Order(Base):
    __tablename__ = "orders"
    id = Column(Integer, primary_key=True)
    billing_address_id = Column(Integer, ForeignKey("addresses.id"), nullable=False)
    shipping_address_id = Column(Integer, ForeignKey("addresses.id", ondelete="SET NULL"))
    billing_address = relationship("Address", foreign_keys=[billing_address_id], back_populates="billed_orders")
    shipping_address = relationship("Address", foreign_keys=[shipping_address_id], back_populates="shipped_orders")
