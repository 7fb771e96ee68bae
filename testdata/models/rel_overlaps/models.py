# Two relationships writing the same foreign key, silenced with overlaps=
# on each (no back_populates between them).
from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Shelf(Base):
    __tablename__ = "shelves"
    id = Column(Integer, primary_key=True)
    label = Column(String(20))
    items = relationship("Item", overlaps="shelf")


class Item(Base):
    __tablename__ = "items"
    id = Column(Integer, primary_key=True)
    shelf_id = Column(Integer, ForeignKey("shelves.id"))
    name = Column(String(40))
    shelf = relationship("Shelf", overlaps="items")
