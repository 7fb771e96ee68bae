# Aliased imports: `import sqlalchemy as sa` and `from sqlalchemy import orm`;
# every construct is reached through the module alias.
import sqlalchemy as sa
from sqlalchemy import orm

Base = orm.declarative_base()


class Customer(Base):
    __tablename__ = "customers"
    id = sa.Column(sa.Integer, primary_key=True)
    name = sa.Column(sa.String(100), nullable=False)
    orders = orm.relationship("Order", back_populates="customer")


class Order(Base):
    __tablename__ = "orders"
    id = sa.Column(sa.Integer, primary_key=True)
    customer_id = sa.Column(sa.Integer, sa.ForeignKey("customers.id", ondelete="SET NULL"))
    total = sa.Column(sa.Numeric(10, 2), nullable=False, default=0)
    customer = orm.relationship("Customer", back_populates="orders")
