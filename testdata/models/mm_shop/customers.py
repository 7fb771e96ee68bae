# The customer side of mm_shop.
from sqlalchemy import Column, Integer, String
from sqlalchemy.orm import relationship

from base import Base


class Customer(Base):
    __tablename__ = "customers"
    id = Column(Integer, primary_key=True)
    email = Column(String(120), unique=True, nullable=False)
    orders = relationship("Order", back_populates="customer", cascade="all, delete-orphan")
