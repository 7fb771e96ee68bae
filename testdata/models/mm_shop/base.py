# Multi-module shop: base.py holds the declarative Base; customers.py,
# orders.py and catalog.py each import it and refer to each other's classes
# only by string (no imports between them).
from sqlalchemy.orm import declarative_base

Base = declarative_base()
