# Pitfall SQLAlchemy does not report: ON DELETE CASCADE on SQLite, with an
# engine URL written in the sources and no PRAGMA foreign_keys=ON listener.
# SQLite then ignores the action: deleting the parent leaves its children.
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
    cart_id = Column(Integer, ForeignKey("carts.id", ondelete="CASCADE"), nullable=False)
    sku = Column(String(20))
    cart = relationship("Cart", back_populates="items")


def oracle_probe(engine):
    # the same schema on a connection without the pragma, as the app would run
    plain = create_engine("sqlite://")
    Base.metadata.create_all(plain)
    with plain.begin() as conn:
        conn.execute(text("INSERT INTO carts (id) VALUES (1)"))
        conn.execute(text("INSERT INTO cart_items (id, cart_id, sku) VALUES (1, 1, 'a'), (2, 1, 'b')"))
        conn.execute(text("DELETE FROM carts WHERE id = 1"))
        orphans = conn.execute(text("SELECT count(*) FROM cart_items")).scalar()
    return {"cart_items left after deleting their cart (pragma off)": orphans}
