# Module-qualified string targets across modules: "accounts.User" and
# "billing.Invoice", as the oracle imports each file under its stem.
from sqlalchemy.orm import declarative_base

Base = declarative_base()
