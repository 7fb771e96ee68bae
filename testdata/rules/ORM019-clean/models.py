# Near misses: the delete cascade on the one-to-many side, a many-to-one with
# single_parent=True (the profile belongs to one user), and a many-to-one with
# the default cascade.
from sqlalchemy import Column, ForeignKey, Integer
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Customer(Base):
    __tablename__ = "customers"
    id = Column(Integer, primary_key=True)
    orders = relationship("Order", back_populates="customer", cascade="all, delete-orphan")


class Order(Base):
    __tablename__ = "orders"
    id = Column(Integer, primary_key=True)
    customer_id = Column(Integer, ForeignKey("customers.id"), nullable=False, index=True)
    customer = relationship("Customer", back_populates="orders")
    profile_id = Column(Integer, ForeignKey("profiles.id"), unique=True)
    profile = relationship("Profile", cascade="all", single_parent=True)


class Profile(Base):
    __tablename__ = "profiles"
    id = Column(Integer, primary_key=True)
