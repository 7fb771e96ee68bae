# Pitfall: ondelete="SET DEFAULT" on a column with no default, so the action
# writes NULL.
from sqlalchemy import Column, ForeignKey, Integer
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Status(Base):
    __tablename__ = "statuses"
    id = Column(Integer, primary_key=True)


class Order(Base):
    __tablename__ = "orders"
    id = Column(Integer, primary_key=True)
    status_id = Column(Integer, ForeignKey("statuses.id", ondelete="SET DEFAULT"))
