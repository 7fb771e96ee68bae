# Near miss: a SQLite URL and ON DELETE CASCADE, with the documented connect
# listener that enables the pragma on every connection.
from sqlalchemy import Column, ForeignKey, Integer, create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import declarative_base

engine = create_engine("sqlite:///shop.db")
Base = declarative_base()


@event.listens_for(Engine, "connect")
def set_sqlite_pragma(dbapi_connection, connection_record):
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


class Cart(Base):
    __tablename__ = "carts"
    id = Column(Integer, primary_key=True)


class CartItem(Base):
    __tablename__ = "cart_items"
    id = Column(Integer, primary_key=True)
    cart_id = Column(Integer, ForeignKey("carts.id", ondelete="CASCADE"), nullable=False, index=True)
