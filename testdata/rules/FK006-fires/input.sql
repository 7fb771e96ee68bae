CREATE TABLE customers (id INTEGER PRIMARY KEY);
CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  placed_at TEXT,
  customer_id INTEGER NOT NULL REFERENCES customers(id)
);
-- the key's column is second here: this index does not help
CREATE INDEX ix_orders_placed_customer ON orders (placed_at, customer_id);
