# backref("name", ...) with options: a one-to-one backref (uselist=False) and
# a backref carrying cascade and passive_deletes.
from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import backref, declarative_base, relationship

Base = declarative_base()


class Person(Base):
    __tablename__ = "people"
    id = Column(Integer, primary_key=True)
    name = Column(String(60))


class Passport(Base):
    __tablename__ = "passports"
    id = Column(Integer, primary_key=True)
    person_id = Column(Integer, ForeignKey("people.id"), unique=True, nullable=False)
    number = Column(String(20))
    person = relationship("Person", backref=backref("passport", uselist=False, cascade="all, delete-orphan"))


class Visit(Base):
    __tablename__ = "visits"
    id = Column(Integer, primary_key=True)
    person_id = Column(Integer, ForeignKey("people.id", ondelete="CASCADE"), nullable=False)
    country = Column(String(2))
    person = relationship(
        "Person",
        backref=backref("visits", cascade="all, delete-orphan", passive_deletes=True, lazy="dynamic"),
    )
