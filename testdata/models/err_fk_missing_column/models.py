# SQLAlchemy error (create_all, NoReferencedColumnError): a foreign key to a
# column the referenced table does not have.
from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import backref, declarative_base, relationship

Base = declarative_base()


class Country(Base):
    __tablename__ = "countries"
    code = Column(String(2), primary_key=True)


class City(Base):
    __tablename__ = "cities"
    id = Column(Integer, primary_key=True)
    country_id = Column(String(2), ForeignKey("countries.id"))
