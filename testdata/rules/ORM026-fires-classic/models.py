from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Employee(Base):
    __tablename__ = "employees"
    id = Column(Integer, primary_key=True)
    type = Column(String(20))
    __mapper_args__ = {"polymorphic_on": type, "polymorphic_identity": "employee"}


class Manager(Employee):
    __tablename__ = "managers"
    id = Column(Integer, ForeignKey("employees.id"), primary_key=True)
    mentor_id = Column(Integer, ForeignKey("employees.id"))
    __mapper_args__ = {"polymorphic_identity": "manager"}
