# Pitfall: the primary key references itself (nodes.id -> nodes.id), so each
# row can only reference itself; the key belongs on parent_id.
from sqlalchemy import Column, ForeignKey, Integer
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Node(Base):
    __tablename__ = "nodes"
    id = Column(Integer, ForeignKey("nodes.id"), primary_key=True)
    parent_id = Column(Integer)
