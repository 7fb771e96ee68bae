# Many-to-many with secondary=lambda: table, and a second many-to-many
# between the same classes that is viewonly.
from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Group(Base):
    __tablename__ = "groups"
    id = Column(Integer, primary_key=True)
    name = Column(String(40))
    members = relationship("Member", secondary=lambda: memberships, back_populates="groups")
    admins = relationship("Member", secondary=lambda: memberships, viewonly=True,
                          primaryjoin="Group.id == memberships.c.group_id",
                          secondaryjoin="and_(Member.id == memberships.c.member_id, memberships.c.is_admin == 1)")


class Member(Base):
    __tablename__ = "members"
    id = Column(Integer, primary_key=True)
    nick = Column(String(40))
    groups = relationship("Group", secondary=lambda: memberships, back_populates="members")


memberships = Table(
    "memberships",
    Base.metadata,
    Column("group_id", ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True),
    Column("member_id", ForeignKey("members.id", ondelete="CASCADE"), primary_key=True),
    Column("is_admin", Integer, server_default="0"),
)
