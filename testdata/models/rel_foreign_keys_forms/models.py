# foreign_keys= in its forms: a list of columns, a string naming one column,
# a single column attribute, and the "[Class.attr]" string.
from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Place(Base):
    __tablename__ = "places"
    id = Column(Integer, primary_key=True)
    name = Column(String(40))


class Trip(Base):
    __tablename__ = "trips"
    id = Column(Integer, primary_key=True)
    origin_id = Column(Integer, ForeignKey("places.id"))
    destination_id = Column(Integer, ForeignKey("places.id"))
    stopover_id = Column(Integer, ForeignKey("places.id"))
    fallback_id = Column(Integer, ForeignKey("places.id"))

    origin = relationship("Place", foreign_keys=[origin_id])
    destination = relationship("Place", foreign_keys="Trip.destination_id")
    stopover = relationship("Place", foreign_keys=stopover_id)
    fallback = relationship("Place", foreign_keys="[Trip.fallback_id]")
