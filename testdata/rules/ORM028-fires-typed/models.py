from typing import List, Optional

from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Plugin(Base):
    __tablename__ = "plugins"
    id: Mapped[int] = mapped_column(primary_key=True)
    registry: Mapped[str] = mapped_column(String(100))
