CREATE TABLE orders (id INTEGER PRIMARY KEY, code TEXT NOT NULL, customer_id INTEGER,
  placed_at TEXT);
CREATE UNIQUE INDEX ux_orders_code ON orders (code);
CREATE INDEX ix_orders_code_placed ON orders (code, placed_at);
CREATE INDEX ix_orders_customer_placed ON orders (customer_id, placed_at);
CREATE INDEX ix_orders_placed_customer ON orders (placed_at, customer_id);
