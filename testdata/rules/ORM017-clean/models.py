# Near misses: a pair with remote_side on the many-to-one side, a backref
# pair (the backref takes the opposite direction), and a plain collection.
from sqlalchemy import Column, ForeignKey, Integer
from sqlalchemy.orm import backref, declarative_base, relationship

Base = declarative_base()


class Node(Base):
    __tablename__ = "nodes"
    id = Column(Integer, primary_key=True)
    parent_id = Column(Integer, ForeignKey("nodes.id"), index=True)
    parent = relationship("Node", back_populates="children", remote_side=[id])
    children = relationship("Node", back_populates="parent")


class Category(Base):
    __tablename__ = "categories"
    id = Column(Integer, primary_key=True)
    parent_id = Column(Integer, ForeignKey("categories.id"), index=True)
    subcategories = relationship("Category", backref=backref("parent", remote_side=[id]))


class Comment(Base):
    __tablename__ = "comments"
    id = Column(Integer, primary_key=True)
    reply_to_id = Column(Integer, ForeignKey("comments.id"), index=True)
    replies = relationship("Comment")
