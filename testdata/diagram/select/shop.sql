-- A small shop for the selection cases: a hub (customers), a chain
-- (order_items -> orders -> customers), a junction (product_tags), a log
-- that points at the hub, and a table joined to nothing.
CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE suppliers (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE categories (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES categories (id),
                         name TEXT NOT NULL);
CREATE TABLE products (id INTEGER PRIMARY KEY,
                       supplier_id INTEGER NOT NULL REFERENCES suppliers (id),
                       category_id INTEGER REFERENCES categories (id), name TEXT NOT NULL);
CREATE TABLE orders (id INTEGER PRIMARY KEY,
                     customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
                     placed_at TIMESTAMP NOT NULL);
CREATE TABLE order_items (order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
                          product_id INTEGER NOT NULL REFERENCES products (id),
                          quantity INTEGER NOT NULL, PRIMARY KEY (order_id, product_id));
CREATE TABLE tags (id INTEGER PRIMARY KEY, label TEXT NOT NULL UNIQUE);
CREATE TABLE product_tags (product_id INTEGER NOT NULL REFERENCES products (id),
                           tag_id INTEGER NOT NULL REFERENCES tags (id),
                           PRIMARY KEY (product_id, tag_id));
CREATE TABLE audit_log (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers (id),
                        happened_at TIMESTAMP NOT NULL, what TEXT NOT NULL);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT);
