# SQLAlchemy error (import): a Core Table's Index names a column that was
# renamed (account -> account_id).
from sqlalchemy import Column, Index, Integer, MetaData, Table

metadata = MetaData()

audit = Table(
    "audit",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("account_id", Integer, nullable=False),
    Index("ix_audit_account", "account"),
)
