# Joined-table inheritance: each subclass has its own table whose primary key
# is a foreign key to the parent's; __mapper_args__ sets the discriminator.
from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Company(Base):
    __tablename__ = "companies"
    id = Column(Integer, primary_key=True)
    name = Column(String(50))
    employees = relationship("Employee", back_populates="company")


class Employee(Base):
    __tablename__ = "employees"
    id = Column(Integer, primary_key=True)
    name = Column(String(50))
    type = Column(String(20))
    company_id = Column(ForeignKey("companies.id"))
    company = relationship("Company", back_populates="employees")
    __mapper_args__ = {"polymorphic_identity": "employee", "polymorphic_on": type}


class Engineer(Employee):
    __tablename__ = "engineers"
    id = Column(Integer, ForeignKey("employees.id", ondelete="CASCADE"), primary_key=True)
    language = Column(String(30))
    __mapper_args__ = {"polymorphic_identity": "engineer"}


class Manager(Employee):
    __tablename__ = "managers"
    id = Column(Integer, ForeignKey("employees.id", ondelete="CASCADE"), primary_key=True)
    budget = Column(Integer)
    __mapper_args__ = {"polymorphic_identity": "manager"}
