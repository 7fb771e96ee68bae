# SQLAlchemy/SQLite error (fk_check, "foreign key mismatch"): the foreign key
# references a column that is neither a primary key nor unique.
from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import backref, declarative_base, relationship

Base = declarative_base()


class Department(Base):
    __tablename__ = "departments"
    id = Column(Integer, primary_key=True)
    code = Column(String(10))


class Employee(Base):
    __tablename__ = "employees"
    id = Column(Integer, primary_key=True)
    department_code = Column(String(10), ForeignKey("departments.code"))
    department = relationship("Department", backref="employees")
