# Self-referential relationships written from each end: a one-to-many with a
# backref whose remote_side makes the partner many-to-one, and a standalone
# many-to-one with remote_side given as a string.
from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import backref, declarative_base, relationship

Base = declarative_base()


class Category(Base):
    __tablename__ = "categories"
    id = Column(Integer, primary_key=True)
    parent_id = Column(Integer, ForeignKey("categories.id"))
    name = Column(String(40))
    subcategories = relationship("Category", backref=backref("parent", remote_side=[id]))


class Employee(Base):
    __tablename__ = "employees"
    id = Column(Integer, primary_key=True)
    boss_id = Column(Integer, ForeignKey("employees.id"))
    name = Column(String(40))
    boss = relationship("Employee", remote_side="Employee.id")
    reports = relationship("Employee", viewonly=True)
