# SQLAlchemy error (configure), 1.4 typed style: a self-referential
# back_populates pair, neither side with remote_side.
from typing import List, Optional

from sqlalchemy import Column, ForeignKey, Integer
from sqlalchemy.orm import Mapped, declarative_base, relationship

Base = declarative_base()


class Node(Base):
    __tablename__ = "nodes"
    id: Mapped[int] = Column(Integer, primary_key=True)
    parent_id: Mapped[Optional[int]] = Column(ForeignKey("nodes.id"), index=True)
    children: Mapped[List["Node"]] = relationship("Node", back_populates="parent")
    parent: Mapped[Optional["Node"]] = relationship("Node", back_populates="children")
