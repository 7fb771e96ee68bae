# cascade="all" on a many-to-one: deleting one order deletes the customer
# that other orders still share.
from sqlalchemy import Column, ForeignKey, Integer
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, declarative_base, relationship

Base = declarative_base()


class Customer(Base):
    __tablename__ = "customers"
    id = Column(Integer, primary_key=True)


class Order(Base):
    __tablename__ = "orders"
    id = Column(Integer, primary_key=True)
    customer_id = Column(Integer, ForeignKey("customers.id"), index=True)
    customer = relationship("Customer", cascade="all")


def oracle_probe(engine):
    with Session(engine) as s:
        c = Customer(id=1)
        s.add_all([Order(id=1, customer=c), Order(id=2, customer=c)])
        s.commit()
        s.delete(s.get(Order, 1))
        deleted = sorted(type(o).__name__ for o in s.deleted)
        try:
            s.commit()
            return {"deleted with order 1": deleted, "commit": "succeeded"}
        except IntegrityError as e:
            s.rollback()
            return {"deleted with order 1": deleted, "commit": "IntegrityError"}
