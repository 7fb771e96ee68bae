# SQLAlchemy error (configure): backref="name" on Tag.item collides with the
# plain column Item.name.
from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import backref, declarative_base, relationship

Base = declarative_base()


class Item(Base):
    __tablename__ = "items"
    id = Column(Integer, primary_key=True)
    name = Column(String(40))


class Tag(Base):
    __tablename__ = "tags"
    id = Column(Integer, primary_key=True)
    item_id = Column(Integer, ForeignKey("items.id"))
    item = relationship("Item", backref="name")
