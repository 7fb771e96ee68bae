-- Partial indexes, expression indexes and a unique index.
CREATE TABLE users (
    id        INTEGER PRIMARY KEY,
    email     TEXT NOT NULL,
    deleted   INTEGER NOT NULL DEFAULT 0,
    team_id   INTEGER
);

CREATE UNIQUE INDEX users_email_live ON users (lower(email))
    WHERE deleted = 0;
CREATE INDEX users_team ON users (team_id) WHERE team_id IS NOT NULL;
CREATE INDEX users_domain ON users (substr(email, instr(email, '@') + 1) COLLATE NOCASE DESC, id);
