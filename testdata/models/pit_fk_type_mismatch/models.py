# Pitfall SQLAlchemy does not report: the foreign key column is a string,
# the referenced primary key an integer.
from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Tenant(Base):
    __tablename__ = "tenants"
    id = Column(Integer, primary_key=True)
    name = Column(String(50))


class Device(Base):
    __tablename__ = "devices"
    id = Column(Integer, primary_key=True)
    tenant_id = Column(String(36), ForeignKey("tenants.id"))
    tenant = relationship("Tenant", backref="devices")
