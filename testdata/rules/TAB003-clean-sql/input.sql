-- Near misses: every constraint names existing columns; an expression index.
CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL,
    display_name TEXT,
    UNIQUE (email)
);
CREATE INDEX ix_accounts_name ON accounts (display_name);
CREATE INDEX ix_accounts_email_lower ON accounts (lower(email));
