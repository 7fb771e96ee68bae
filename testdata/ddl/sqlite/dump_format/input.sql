PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE IF NOT EXISTS "user accounts" ("id" integer PRIMARY KEY, [login] varchar(40) NOT NULL, `plan` text);
INSERT INTO "user accounts" VALUES(1,'root','free');
CREATE TABLE sessions (
  token TEXT PRIMARY KEY,
  account_id INT REFERENCES "user accounts" ON DELETE SET NULL,
  expires REAL
) WITHOUT ROWID;
CREATE TABLE audit (at TEXT, account_id INTEGER REFERENCES "user accounts"(id) MATCH SIMPLE DEFERRABLE INITIALLY DEFERRED) STRICT;
CREATE UNIQUE INDEX sessions_account ON sessions (account_id) WHERE expires IS NOT NULL;
CREATE VIEW active AS SELECT s.token, a.login AS who FROM sessions s JOIN "user accounts" a ON a.id = s.account_id;
COMMIT;
