# @as_declarative() on a base class whose declared_attr __tablename__ derives
# every table name from the class name (cls.__name__.lower()).
from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import as_declarative, declared_attr, relationship


@as_declarative()
class Base:
    @declared_attr
    def __tablename__(cls):
        return cls.__name__.lower()

    id = Column(Integer, primary_key=True)


class Department(Base):
    name = Column(String(60), nullable=False)
    staff = relationship("Staff", back_populates="department")


class Staff(Base):
    department_id = Column(Integer, ForeignKey("department.id"))
    full_name = Column(String(100))
    department = relationship("Department", back_populates="staff")
