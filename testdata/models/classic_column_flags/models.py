# Column flags: primary_key, nullable, unique, index, default and
# server_default, autoincrement, and a column named differently in the table.
import datetime

from sqlalchemy import Boolean, Column, Date, DateTime, Float, Integer, LargeBinary, String, Text, text
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Product(Base):
    __tablename__ = "products"
    id = Column(Integer, primary_key=True, autoincrement=True)
    sku = Column(String(32), unique=True, nullable=False)
    name = Column(String(120), nullable=False, index=True)
    description = Column(Text, nullable=True)
    price = Column(Float, nullable=False, default=0.0)
    in_stock = Column(Boolean, server_default=text("1"))
    added = Column(Date, default=datetime.date.today)
    updated = Column(DateTime, server_default=text("CURRENT_TIMESTAMP"), onupdate=datetime.datetime.utcnow)
    image = Column(LargeBinary)
    slug = Column(String(64), index=True, unique=True)
