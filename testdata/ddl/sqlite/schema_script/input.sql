-- A schema script as an application keeps it: keys with actions, an
-- index, a trigger whose body holds semicolons, and some seed data.
CREATE TABLE customers (
    id    INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name  TEXT
);

CREATE TABLE orders (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    placed_at   TEXT DEFAULT CURRENT_TIMESTAMP,
    total       NUMERIC CHECK (total >= 0)
);

CREATE TABLE order_lines (
    order_id INTEGER NOT NULL,
    line_no  INTEGER NOT NULL,
    sku      TEXT NOT NULL,
    PRIMARY KEY (order_id, line_no),
    FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE
);

CREATE TRIGGER orders_touch AFTER UPDATE ON orders BEGIN
    UPDATE orders SET placed_at = CASE WHEN new.placed_at IS NULL THEN CURRENT_TIMESTAMP END
     WHERE id = new.id;
    SELECT 1;
END;

INSERT INTO customers (id, email) VALUES (1, 'a@example.com; not a statement');
