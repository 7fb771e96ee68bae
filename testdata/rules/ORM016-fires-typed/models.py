# 1.4 typed style: the scalar annotation Mapped["Passport"] makes a one-to-one
# on the parent's side, but passports.person_id is not unique.
from sqlalchemy import Column, ForeignKey, Integer
from sqlalchemy.orm import Mapped, declarative_base, relationship

Base = declarative_base()


class Person(Base):
    __tablename__ = "people"
    id: Mapped[int] = Column(Integer, primary_key=True)
    passport: Mapped["Passport"] = relationship("Passport", back_populates="person")


class Passport(Base):
    __tablename__ = "passports"
    id: Mapped[int] = Column(Integer, primary_key=True)
    person_id: Mapped[int] = Column(ForeignKey("people.id"), nullable=False, index=True)
    person: Mapped["Person"] = relationship("Person", back_populates="passport")
