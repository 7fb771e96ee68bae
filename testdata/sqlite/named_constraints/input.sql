-- Named constraints of every kind, column-level and table-level, and
-- CHECK constraints.
CREATE TABLE accounts (
    id      INTEGER CONSTRAINT accounts_pk PRIMARY KEY AUTOINCREMENT,
    handle  TEXT NOT NULL CONSTRAINT accounts_handle_uq UNIQUE,
    balance INTEGER NOT NULL DEFAULT 0 CONSTRAINT balance_non_negative CHECK (balance >= 0)
);

CREATE TABLE transfers (
    id        INTEGER PRIMARY KEY,
    from_id   INTEGER NOT NULL,
    to_id     INTEGER NOT NULL,
    amount    INTEGER NOT NULL CHECK (amount > 0),
    CONSTRAINT transfers_from_fk FOREIGN KEY (from_id) REFERENCES accounts (id),
    CONSTRAINT transfers_to_fk FOREIGN KEY (to_id) REFERENCES accounts (id),
    CONSTRAINT transfers_distinct CHECK (from_id <> to_id),
    CONSTRAINT transfers_once UNIQUE (from_id, to_id, amount)
);
CREATE INDEX transfers_to ON transfers (to_id);
