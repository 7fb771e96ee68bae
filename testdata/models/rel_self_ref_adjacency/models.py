# Self-referential adjacency list: children (one-to-many, no remote_side
# needed) paired with parent (many-to-one, remote_side=[id]).
from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Node(Base):
    __tablename__ = "nodes"
    id = Column(Integer, primary_key=True)
    parent_id = Column(Integer, ForeignKey("nodes.id", ondelete="CASCADE"))
    label = Column(String(50))

    children = relationship("Node", back_populates="parent", cascade="all, delete-orphan")
    parent = relationship("Node", back_populates="children", remote_side=[id])
