# A composite primary key made of two primary_key=True columns and a composite
# ForeignKeyConstraint pointing at it, with ON UPDATE CASCADE.
from sqlalchemy import Column, ForeignKeyConstraint, Integer, String
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Invoice(Base):
    __tablename__ = "invoices"
    year = Column(Integer, primary_key=True)
    number = Column(Integer, primary_key=True)
    customer = Column(String(80))
    lines = relationship("InvoiceLine", back_populates="invoice", cascade="all, delete-orphan")


class InvoiceLine(Base):
    __tablename__ = "invoice_lines"
    __table_args__ = (
        ForeignKeyConstraint(
            ("invoice_year", "invoice_number"),
            ("invoices.year", "invoices.number"),
            onupdate="CASCADE",
            ondelete="CASCADE",
        ),
    )
    id = Column(Integer, primary_key=True)
    invoice_year = Column(Integer, nullable=False)
    invoice_number = Column(Integer, nullable=False)
    text = Column(String(200))
    invoice = relationship("Invoice", back_populates="lines")
