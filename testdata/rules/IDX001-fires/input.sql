CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER, placed_at TEXT);
CREATE INDEX ix_orders_customer ON orders (customer_id);
CREATE INDEX ix_orders_customer_placed ON orders (customer_id, placed_at);
CREATE INDEX ix_orders_customer_again ON orders (customer_id, placed_at);
