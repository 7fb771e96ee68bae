# __mapper_args__ beyond inheritance: a version counter column, eager
# defaults, and a mapper-level primary key on a table without one.
from sqlalchemy import Column, Integer, String, Table
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Widget(Base):
    __tablename__ = "widgets"
    id = Column(Integer, primary_key=True)
    name = Column(String(40))
    version = Column(Integer, nullable=False)
    __mapper_args__ = {"version_id_col": version, "eager_defaults": True}


log_table = Table(
    "audit_log",
    Base.metadata,
    Column("seq", Integer, nullable=False),
    Column("message", String(200)),
)


class AuditEntry(Base):
    __table__ = log_table
    __mapper_args__ = {"primary_key": [log_table.c.seq]}
