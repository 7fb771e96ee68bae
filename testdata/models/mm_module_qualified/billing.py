# billing module: Invoice and Refund; a lambda target importing lazily, and a
# qualified string back to accounts.User.
from sqlalchemy import Column, ForeignKey, Integer
from sqlalchemy.orm import relationship

from base import Base


class Invoice(Base):
    __tablename__ = "invoices"
    id = Column(Integer, primary_key=True)
    user_id = Column(Integer, ForeignKey("users.id"), nullable=False)
    amount = Column(Integer)
    user = relationship("accounts.User", back_populates="invoices")
    refunds = relationship(lambda: Refund, back_populates="invoice")


class Refund(Base):
    __tablename__ = "refunds"
    id = Column(Integer, primary_key=True)
    invoice_id = Column(Integer, ForeignKey("invoices.id", ondelete="CASCADE"))
    invoice = relationship("billing.Invoice", back_populates="refunds")
