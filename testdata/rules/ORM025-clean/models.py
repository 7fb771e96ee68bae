from sqlalchemy import Column, ForeignKey, Integer
from sqlalchemy.orm import declarative_base, declared_attr, relationship

Base = declarative_base()


class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)


class OwnedMixin:
    @declared_attr
    def owner_id(cls):
        return Column(Integer, ForeignKey("users.id"))

    @declared_attr
    def owner(cls):
        return relationship("User")


class Document(OwnedMixin, Base):
    __tablename__ = "documents"
    id = Column(Integer, primary_key=True)
