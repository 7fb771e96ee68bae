# Pitfall: the key references customers.email, which is neither the primary
# key nor unique (SQLite: "foreign key mismatch"; PostgreSQL/MySQL refuse it).
from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Customer(Base):
    __tablename__ = "customers"
    id = Column(Integer, primary_key=True)
    email = Column(String(200), nullable=False)


class Order(Base):
    __tablename__ = "orders"
    id = Column(Integer, primary_key=True)
    customer_email = Column(String(200), ForeignKey("customers.email"))
