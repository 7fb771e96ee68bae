CREATE TABLE customers (id INTEGER PRIMARY KEY);
CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  placed_at TEXT,
  customer_id INTEGER NOT NULL REFERENCES customers(id)
);
CREATE INDEX ix_orders_customer_placed ON orders (customer_id, placed_at);
