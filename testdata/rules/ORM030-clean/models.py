from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()

from sqlalchemy import UniqueConstraint


class User(Base):
    __tablename__ = "users"
    __table_args__ = (UniqueConstraint("email"), {"sqlite_autoincrement": True})
    id = Column(Integer, primary_key=True)
    email = Column(String(100), sqlite_on_conflict_unique="IGNORE")
    addresses = relationship(
        "Address", back_populates="user", cascade="all, delete-orphan", passive_deletes=True
    )


class Address(Base):
    __tablename__ = "addresses"
    id = Column(Integer, primary_key=True)
    user_id = Column(Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False)
    user = relationship("User", back_populates="addresses")
