# Mixins in their own module (no Base import): id, timestamps and a
# declared_attr __tablename__ that lower-cases the class name.
from sqlalchemy import Column, DateTime, Integer, func
from sqlalchemy.orm import declared_attr


class AutoTable:
    @declared_attr
    def __tablename__(cls):
        return cls.__name__.lower()


class PkMixin:
    id = Column(Integer, primary_key=True)


class Timestamps:
    created_at = Column(DateTime, server_default=func.now(), nullable=False)
