# Pitfall SQLAlchemy does not report: ON DELETE SET NULL on a NOT NULL
# column; deleting the parent in the database fails.
from sqlalchemy import Column, ForeignKey, Integer, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Warehouse(Base):
    __tablename__ = "warehouses"
    id = Column(Integer, primary_key=True)


class Stock(Base):
    __tablename__ = "stock"
    id = Column(Integer, primary_key=True)
    warehouse_id = Column(Integer, ForeignKey("warehouses.id", ondelete="SET NULL"), nullable=False)


def oracle_probe(engine):
    try:
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO warehouses (id) VALUES (1)"))
            conn.execute(text("INSERT INTO stock (id, warehouse_id) VALUES (1, 1)"))
            conn.execute(text("DELETE FROM warehouses WHERE id = 1"))
        return {"delete": "succeeded"}
    except IntegrityError as e:
        return {"delete": "IntegrityError", "detail": str(e.orig)}
