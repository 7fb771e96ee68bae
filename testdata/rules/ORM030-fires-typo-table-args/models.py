from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()

from sqlalchemy import UniqueConstraint


class User(Base):
    __tablename__ = "users"
    __table_args__ = ({"sqlite_autoincrement": True}, UniqueConstraint("email"))
    id = Column(Integer, primary_key=True)
    email = Column(String(100))
    addresses = relationship("Address", back_populate="user")


class Address(Base):
    __tablename__ = "addresses"
    id = Column(Integer, primary_key=True)
    user_id = Column(Integer, ForeignKey("users.id"))
