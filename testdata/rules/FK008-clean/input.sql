CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  owner_id INTEGER NOT NULL REFERENCES owners(id) DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE owners (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id)
);
CREATE TABLE customers (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id)
);
CREATE TABLE nodes (
  id INTEGER PRIMARY KEY,
  parent_id INTEGER NOT NULL REFERENCES nodes(id)  -- a self-reference is not a cycle
);
