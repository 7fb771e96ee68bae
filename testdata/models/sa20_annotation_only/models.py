# 2.0 typed style where most columns are annotation-only (no mapped_column),
# types from a type_annotation_map, server defaults and indexes via
# mapped_column keywords.
import datetime
from decimal import Decimal
from typing import Annotated

from sqlalchemy import ForeignKey, Numeric, String, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

intpk = Annotated[int, mapped_column(primary_key=True)]
str50 = Annotated[str, 50]


class Base(DeclarativeBase):
    type_annotation_map = {str50: String(50), Decimal: Numeric(12, 2)}


class Invoice(Base):
    __tablename__ = "invoices"
    id: Mapped[intpk]
    customer: Mapped[str50]
    total: Mapped[Decimal]
    paid: Mapped[bool] = mapped_column(default=False)
    issued: Mapped[datetime.datetime] = mapped_column(server_default=func.now())
    note: Mapped[str | None]


class Payment(Base):
    __tablename__ = "payments"
    id: Mapped[intpk]
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id", ondelete="CASCADE"), index=True)
    amount: Mapped[Decimal]
