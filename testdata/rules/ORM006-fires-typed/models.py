# ORM006 (typed 1.4 style): the target is a plain, unmapped class.
from typing import List, Optional

from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import Mapped, declarative_base, relationship

Base = declarative_base()


class Settings:
    theme = "dark"


class Profile(Base):
    __tablename__ = "profiles"
    id: Mapped[int] = Column(Integer, primary_key=True)
    settings: Mapped["Settings"] = relationship("Settings")
