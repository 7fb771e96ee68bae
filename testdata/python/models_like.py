"""A SQLAlchemy-style module: what relmap's model reader reads."""
import datetime
import enum
from typing import List, Optional

import sqlalchemy as sa
from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlmodel import Field, SQLModel


class Base(DeclarativeBase):
    pass


association = Table(
    "association",
    Base.metadata,
    Column("left_id", ForeignKey("left.id"), primary_key=True),
    Column("right_id", ForeignKey("right.id"), primary_key=True),
)


class Status(enum.Enum):
    ACTIVE = "active"
    GONE = "gone"


class User(Base):
    __tablename__ = "users"
    __table_args__ = (sa.UniqueConstraint("email", name="uq_email"), {"schema": "app"})

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(255), unique=True, index=True)
    name = Column(sa.String(50), nullable=False, default="")
    created: Mapped[datetime.datetime] = mapped_column(default=datetime.datetime.utcnow)
    status: Mapped[Status] = mapped_column(sa.Enum(Status), server_default=sa.text("'active'"))
    addresses: Mapped[List["Address"]] = relationship(back_populates="user", cascade="all, delete-orphan")
    manager_id = Column(Integer, ForeignKey("app.users.id", ondelete="SET NULL"))
    manager = relationship("User", remote_side=[id], backref=sa.orm.backref("reports"))

    def __repr__(self) -> str:
        return f"User({self.id!r}, {self.email!r})"


class Address(Base):
    __tablename__ = "addresses"
    id = Column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey(User.id))
    user: Mapped["User"] = relationship(back_populates="addresses")
    street: Mapped[Optional[str]]


class Hero(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: Optional[int] = Field(default=None, foreign_key="team.id")


if __name__ == "__main__":
    engine = sa.create_engine("sqlite://", echo=True)
    Base.metadata.create_all(engine)
