-- Rows that violate their foreign keys (written with enforcement off), and
-- a key SQLite cannot check at all ("foreign key mismatch").
CREATE TABLE customers (
    id    INTEGER PRIMARY KEY,
    email TEXT
);
INSERT INTO customers VALUES (1, 'a@example.com'), (2, 'b@example.com');

CREATE TABLE orders (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER REFERENCES customers (id)
);
CREATE INDEX orders_customer ON orders (customer_id);
INSERT INTO orders VALUES (10, 1), (11, 7), (12, 2), (13, 8), (14, NULL),
    (15, 9), (16, 9), (17, 9), (18, 9);

CREATE TABLE invoices (
    id             INTEGER PRIMARY KEY,
    customer_email TEXT REFERENCES customers (email)
);
CREATE INDEX invoices_email ON invoices (customer_email);
INSERT INTO invoices VALUES (100, 'nobody@example.com');
