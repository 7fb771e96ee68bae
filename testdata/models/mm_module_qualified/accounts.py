# accounts module: User, refers to billing.Invoice by a qualified string.
from sqlalchemy import Column, Integer, String
from sqlalchemy.orm import relationship

from base import Base


class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    login = Column(String(40), unique=True)
    invoices = relationship("billing.Invoice", back_populates="user")
