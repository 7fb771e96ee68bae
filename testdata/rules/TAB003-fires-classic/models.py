# SQLAlchemy error (import): a UniqueConstraint in __table_args__ names a
# column the table does not have (a typo of "email").
from sqlalchemy import Column, Integer, String, UniqueConstraint
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Account(Base):
    __tablename__ = "accounts"
    id = Column(Integer, primary_key=True)
    email = Column(String(100), nullable=False)
    __table_args__ = (UniqueConstraint("emial"),)
