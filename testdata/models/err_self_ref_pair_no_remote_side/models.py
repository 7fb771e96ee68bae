# SQLAlchemy error (configure): a self-referential back_populates pair where
# neither side has remote_side, so both come out one-to-many.
from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import backref, declarative_base, relationship

Base = declarative_base()


class Node(Base):
    __tablename__ = "nodes"
    id = Column(Integer, primary_key=True)
    parent_id = Column(Integer, ForeignKey("nodes.id"))
    parent = relationship("Node", back_populates="children")
    children = relationship("Node", back_populates="parent")
