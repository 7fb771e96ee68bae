# ORM003 near-miss: back_populates names a relationship the parent class
# defines (inherited by the mapped subclass).
from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Team(Base):
    __tablename__ = "teams"
    id = Column(Integer, primary_key=True)
    members = relationship("Member", back_populates="team")


class Person(Base):
    __tablename__ = "people"
    id = Column(Integer, primary_key=True)
    kind = Column(String(20))
    team_id = Column(Integer, ForeignKey("teams.id"), index=True)
    team = relationship("Team", back_populates="members")
    __mapper_args__ = {"polymorphic_on": kind, "polymorphic_identity": "person"}


class Member(Person):
    __mapper_args__ = {"polymorphic_identity": "member"}
