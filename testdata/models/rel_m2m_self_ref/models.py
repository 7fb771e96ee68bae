# Self-referential many-to-many (followers) with primaryjoin and secondaryjoin
# strings over the association table.
from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()

follows = Table(
    "follows",
    Base.metadata,
    Column("follower_id", Integer, ForeignKey("accounts.id"), primary_key=True),
    Column("followed_id", Integer, ForeignKey("accounts.id"), primary_key=True),
)


class Account(Base):
    __tablename__ = "accounts"
    id = Column(Integer, primary_key=True)
    handle = Column(String(30), unique=True)
    following = relationship(
        "Account",
        secondary=follows,
        primaryjoin=id == follows.c.follower_id,
        secondaryjoin="Account.id == follows.c.followed_id",
        back_populates="followers",
    )
    followers = relationship(
        "Account",
        secondary=follows,
        primaryjoin="Account.id == follows.c.followed_id",
        secondaryjoin="Account.id == follows.c.follower_id",
        back_populates="following",
    )
