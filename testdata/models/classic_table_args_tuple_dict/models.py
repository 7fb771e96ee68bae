# __table_args__ as a tuple of constraints ended by a dict of options
# (schema), with a composite foreign key to the schema-qualified table.
from sqlalchemy import Column, ForeignKeyConstraint, Integer, String, UniqueConstraint
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Warehouse(Base):
    __tablename__ = "warehouses"
    __table_args__ = (
        UniqueConstraint("site", "code"),
        {"schema": "main"},
    )
    id = Column(Integer, primary_key=True)
    site = Column(String(10), nullable=False)
    code = Column(String(10), nullable=False)


class Bin(Base):
    __tablename__ = "bins"
    __table_args__ = (
        ForeignKeyConstraint(
            ["wh_site", "wh_code"],
            ["main.warehouses.site", "main.warehouses.code"],
            ondelete="CASCADE",
            name="fk_bin_warehouse",
        ),
        {"sqlite_autoincrement": True},
    )
    id = Column(Integer, primary_key=True)
    wh_site = Column(String(10), nullable=False)
    wh_code = Column(String(10), nullable=False)
    label = Column(String(20))
    warehouse = relationship("Warehouse", backref="bins")
