# SQLAlchemy error (configure): foreign_keys= names a column that is part of
# no foreign key to the target, so there is no join condition.
from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import backref, declarative_base, relationship

Base = declarative_base()


class Warehouse(Base):
    __tablename__ = "warehouses"
    id = Column(Integer, primary_key=True)


class Crate(Base):
    __tablename__ = "crates"
    id = Column(Integer, primary_key=True)
    warehouse_id = Column(Integer, ForeignKey("warehouses.id"))
    label_no = Column(Integer)
    warehouse = relationship("Warehouse", foreign_keys=[label_no])
