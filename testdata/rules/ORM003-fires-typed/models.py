# ORM003 (typed 1.4 style): back_populates names the key column team_id, not a
# relationship.
from typing import List, Optional

from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import Mapped, declarative_base, relationship

Base = declarative_base()


class Team(Base):
    __tablename__ = "teams"
    id: Mapped[int] = Column(Integer, primary_key=True)
    members: Mapped[List["Member"]] = relationship("Member", back_populates="team_id")


class Member(Base):
    __tablename__ = "members"
    id: Mapped[int] = Column(Integer, primary_key=True)
    team_id: Mapped[int] = Column(ForeignKey("teams.id"), index=True)
