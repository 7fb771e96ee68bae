from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)


class OwnedMixin:
    owner_id = Column(Integer, ForeignKey("users.id"))
    owner = relationship("User")


class Document(OwnedMixin, Base):
    __tablename__ = "documents"
    id = Column(Integer, primary_key=True)
