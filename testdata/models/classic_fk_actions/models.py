# Every ON DELETE / ON UPDATE action as written to ForeignKey(), including a
# lower-case spelling.
from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Parent(Base):
    __tablename__ = "parents"
    id = Column(Integer, primary_key=True)
    code = Column(String(10), unique=True)


class Child(Base):
    __tablename__ = "children"
    id = Column(Integer, primary_key=True)
    p_cascade = Column(Integer, ForeignKey("parents.id", ondelete="CASCADE", onupdate="CASCADE"))
    p_setnull = Column(Integer, ForeignKey("parents.id", ondelete="set null"))
    p_restrict = Column(Integer, ForeignKey("parents.id", ondelete="RESTRICT", onupdate="NO ACTION"))
    p_default = Column(Integer, ForeignKey("parents.id", ondelete="SET DEFAULT"), server_default="0")
    p_code = Column(String(10), ForeignKey("parents.code", onupdate="CASCADE"))
    p_plain = Column(Integer, ForeignKey("parents.id"))
