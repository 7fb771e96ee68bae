# ON DELETE actions on SQLite, an engine URL written in the sources, and no
# PRAGMA foreign_keys=ON listener: SQLite ignores the actions.
from sqlalchemy import Column, ForeignKey, Integer, String, create_engine, text
from sqlalchemy.orm import declarative_base, relationship

engine = create_engine("sqlite:///shop.db")
Base = declarative_base()


class Cart(Base):
    __tablename__ = "carts"
    id = Column(Integer, primary_key=True)
    items = relationship("CartItem", back_populates="cart", passive_deletes=True)


class CartItem(Base):
    __tablename__ = "cart_items"
    id = Column(Integer, primary_key=True)
    cart_id = Column(Integer, ForeignKey("carts.id", ondelete="CASCADE"), nullable=False, index=True)
    coupon_id = Column(Integer, ForeignKey("coupons.id", ondelete="SET NULL"), index=True)
    sku = Column(String(20))
    cart = relationship("Cart", back_populates="items")


class Coupon(Base):
    __tablename__ = "coupons"
    id = Column(Integer, primary_key=True)


def oracle_probe(engine):
    plain = create_engine("sqlite://")
    Base.metadata.create_all(plain)
    with plain.begin() as conn:
        conn.execute(text("INSERT INTO carts (id) VALUES (1)"))
        conn.execute(text("INSERT INTO cart_items (id, cart_id, sku) VALUES (1, 1, 'a')"))
        conn.execute(text("DELETE FROM carts WHERE id = 1"))
        left = conn.execute(text("SELECT count(*) FROM cart_items")).scalar()
    return {"cart_items left after deleting their cart (pragma off)": left}
