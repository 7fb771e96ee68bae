# Mixins: plain columns, a @declared_attr __tablename__ (cls.__name__.lower()),
# and @declared_attr for a ForeignKey column and a relationship.
from sqlalchemy import Column, DateTime, ForeignKey, Integer, String, func
from sqlalchemy.orm import declarative_base, declared_attr, relationship

Base = declarative_base()


class TableNameMixin:
    @declared_attr
    def __tablename__(cls):
        return cls.__name__.lower()


class IdMixin:
    id = Column(Integer, primary_key=True)


class TimestampMixin:
    created = Column(DateTime, default=func.now())
    updated = Column(DateTime, onupdate=func.now())


class OwnedMixin:
    @declared_attr
    def owner_id(cls):
        return Column(Integer, ForeignKey("owner.id", ondelete="CASCADE"), nullable=False)

    @declared_attr
    def owner(cls):
        return relationship("Owner")


class Owner(TableNameMixin, IdMixin, Base):
    name = Column(String(50))


class Document(TableNameMixin, IdMixin, TimestampMixin, OwnedMixin, Base):
    title = Column(String(100))


class Folder(TableNameMixin, IdMixin, OwnedMixin, Base):
    path = Column(String(255), unique=True)
