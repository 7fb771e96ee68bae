# Project facts: the database URL comes from the environment with a
# PostgreSQL default (os.getenv and os.environ.get); no engine is made here,
# so no driver is needed. The keys' ON DELETE actions are enforced by
# PostgreSQL: no pragma is needed.
import os

from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import declarative_base, relationship

DATABASE_URL = os.getenv("DATABASE_URL", "postgresql://app:secret@localhost:5432/app")
READ_REPLICA_URL = os.environ.get("REPLICA_URL", "postgresql+psycopg2://ro@replica/app")

Base = declarative_base()


class Tenant(Base):
    __tablename__ = "tenants"
    id = Column(Integer, primary_key=True)
    slug = Column(String(40), unique=True, nullable=False)
    users = relationship("TenantUser", back_populates="tenant", passive_deletes=True)


class TenantUser(Base):
    __tablename__ = "tenant_users"
    id = Column(Integer, primary_key=True)
    tenant_id = Column(Integer, ForeignKey("tenants.id", ondelete="CASCADE"), nullable=False, index=True)
    email = Column(String(120))
    tenant = relationship("Tenant", back_populates="users")
