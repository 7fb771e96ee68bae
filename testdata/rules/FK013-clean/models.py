# Must not fire: every ON DELETE / ON UPDATE value is a valid referential
# action (CASCADE, SET NULL, SET DEFAULT, RESTRICT, NO ACTION; any case).
from sqlalchemy import Column, ForeignKey, Integer
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Customer(Base):
    __tablename__ = "customers"
    id = Column(Integer, primary_key=True)


class Order(Base):
    __tablename__ = "orders"
    id = Column(Integer, primary_key=True)
    c_cascade = Column(Integer, ForeignKey("customers.id", ondelete="CASCADE", onupdate="CASCADE"))
    c_set_null = Column(Integer, ForeignKey("customers.id", ondelete="set null"))
    c_set_default = Column(Integer, ForeignKey("customers.id", ondelete="SET DEFAULT"), server_default="0")
    c_restrict = Column(Integer, ForeignKey("customers.id", ondelete="RESTRICT", onupdate="NO ACTION"))
