# Near miss: a viewonly=True relationship with only read options, beside the
# writing one that carries the cascade.
from sqlalchemy import Boolean, Column, ForeignKey, Integer
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Order(Base):
    __tablename__ = "orders"
    id = Column(Integer, primary_key=True)
    lines = relationship("Line", back_populates="order", cascade="all, delete-orphan")
    open_lines = relationship(
        "Line",
        primaryjoin="and_(Order.id == Line.order_id, Line.done == False)",
        viewonly=True,
        lazy="selectin",
    )


class Line(Base):
    __tablename__ = "lines"
    id = Column(Integer, primary_key=True)
    order_id = Column(Integer, ForeignKey("orders.id"), nullable=False, index=True)
    done = Column(Boolean, nullable=False, default=False)
    order = relationship("Order", back_populates="lines")
