CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  tenant_id INTEGER NOT NULL,
  email TEXT NOT NULL,
  handle TEXT,
  UNIQUE (tenant_id, email)
);
CREATE UNIQUE INDEX ux_accounts_handle ON accounts (handle) WHERE handle IS NOT NULL;
