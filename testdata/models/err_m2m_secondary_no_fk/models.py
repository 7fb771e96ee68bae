# SQLAlchemy error (configure): the secondary table has a foreign key to one
# side only, so the many-to-many has no join path to the other.
from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import backref, declarative_base, relationship

Base = declarative_base()


links = Table(
    "links",
    Base.metadata,
    Column("left_id", Integer, ForeignKey("lefts.id"), primary_key=True),
    Column("right_id", Integer, primary_key=True),
)


class Left(Base):
    __tablename__ = "lefts"
    id = Column(Integer, primary_key=True)
    rights = relationship("Right", secondary=links)


class Right(Base):
    __tablename__ = "rights"
    id = Column(Integer, primary_key=True)
