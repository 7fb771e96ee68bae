CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  tenant_id INTEGER NOT NULL,
  email TEXT,
  UNIQUE (tenant_id, email)
);
