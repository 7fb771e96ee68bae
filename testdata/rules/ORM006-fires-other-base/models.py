# Two declarative bases: Invoice (on AccountingBase) names "Customer", which
# is mapped on the other base. SQLAlchemy looks the string up in
# AccountingBase's registry only and fails to configure the mappers.
from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()
AccountingBase = declarative_base()


class Customer(Base):
    __tablename__ = "customers"
    id = Column(Integer, primary_key=True)
    name = Column(String(80), nullable=False)


class Invoice(AccountingBase):
    __tablename__ = "invoices"
    id = Column(Integer, primary_key=True)
    customer_id = Column(Integer, nullable=False, index=True)
    customer = relationship("Customer")
