CREATE TABLE customers (id INTEGER PRIMARY KEY);
CREATE TABLE archived_customers (id INTEGER PRIMARY KEY);
CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER REFERENCES customers(id),
  FOREIGN KEY (customer_id) REFERENCES archived_customers(id)
);
