# ForeignKey given a column attribute of an already defined class
# (ForeignKey(Owner.id)) and a relationship given the class object itself.
from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Owner(Base):
    __tablename__ = "owners"
    id = Column(Integer, primary_key=True)
    name = Column(String(40))


class Pet(Base):
    __tablename__ = "pets"
    id = Column(Integer, primary_key=True)
    owner_id = Column(Integer, ForeignKey(Owner.id, ondelete="CASCADE"))
    name = Column(String(40), nullable=False)
    owner = relationship(Owner, backref="pets")
