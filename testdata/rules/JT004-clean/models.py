# JT004 near-miss: a secondary table of its two keys (unique together) and a
# surrogate id the database numbers.
from sqlalchemy import Column, ForeignKey, Integer, String, Table, UniqueConstraint
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


memberships = Table(
    "memberships",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("group_id", ForeignKey("groups.id", ondelete="CASCADE"), nullable=False),
    UniqueConstraint("user_id", "group_id"),
)


class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    groups = relationship("Group", secondary=memberships)


class Group(Base):
    __tablename__ = "groups"
    id = Column(Integer, primary_key=True)
