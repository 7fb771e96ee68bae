# Classic declarative from sqlalchemy.orm: a one-to-many pair joined by
# back_populates, ON DELETE CASCADE with passive_deletes on the parent side.
from sqlalchemy import Column, ForeignKey, Integer, String, Text
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class User(Base):
    __tablename__ = "users"

    id = Column(Integer, primary_key=True)
    name = Column(String(50), nullable=False)
    email = Column(String(120), unique=True)
    bio = Column(Text)

    addresses = relationship(
        "Address", back_populates="user", cascade="all, delete-orphan", passive_deletes=True
    )


class Address(Base):
    __tablename__ = "addresses"

    id = Column(Integer, primary_key=True)
    user_id = Column(Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True)
    street = Column(String(200))

    user = relationship("User", back_populates="addresses")
