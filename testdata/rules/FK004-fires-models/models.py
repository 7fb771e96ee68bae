# Pitfall: a ForeignKeyConstraint with one local column but two referenced
# columns (the composite primary key of lines).
from sqlalchemy import Column, ForeignKeyConstraint, Integer
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Line(Base):
    __tablename__ = "lines"
    order_id = Column(Integer, primary_key=True)
    line_no = Column(Integer, primary_key=True)


class Shipment(Base):
    __tablename__ = "shipments"
    __table_args__ = (
        ForeignKeyConstraint(["order_id"], ["lines.order_id", "lines.line_no"]),
    )
    id = Column(Integer, primary_key=True)
    order_id = Column(Integer)
