# Two relationships on one class write children.parent_id, and neither names
# the other (SQLAlchemy warns that they conflict).
from sqlalchemy import Boolean, Column, ForeignKey, Integer
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Parent(Base):
    __tablename__ = "parents"
    id = Column(Integer, primary_key=True)
    children = relationship("Child", back_populates="parent")
    favourite_children = relationship(
        "Child", primaryjoin="and_(Parent.id == Child.parent_id, Child.favourite == True)"
    )


class Child(Base):
    __tablename__ = "children"
    id = Column(Integer, primary_key=True)
    parent_id = Column(Integer, ForeignKey("parents.id"), index=True)
    favourite = Column(Boolean, nullable=False, default=False)
    parent = relationship("Parent", back_populates="children")
