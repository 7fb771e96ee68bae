# 1.4 typed style: passive_deletes on a viewonly=True relationship (1.4 warns,
# 2.x ignores it).
from typing import List

from sqlalchemy import Column, ForeignKey, Integer
from sqlalchemy.orm import Mapped, declarative_base, relationship

Base = declarative_base()


class Board(Base):
    __tablename__ = "boards"
    id: Mapped[int] = Column(Integer, primary_key=True)
    cards: Mapped[List["Card"]] = relationship("Card", viewonly=True, passive_deletes=True)


class Card(Base):
    __tablename__ = "cards"
    id: Mapped[int] = Column(Integer, primary_key=True)
    board_id: Mapped[int] = Column(
        ForeignKey("boards.id", ondelete="CASCADE"), nullable=False, index=True
    )
