-- Findings with related locations and fixes: a duplicated key (FK009,
-- pointing at the first key), a key without an index (FK006, with a
-- CREATE INDEX fix), and a two-table cycle of NOT NULL keys (FK008).
CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);
CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL,
    FOREIGN KEY (customer_id) REFERENCES customers (id),
    FOREIGN KEY (customer_id) REFERENCES customers (id)
);
CREATE TABLE teams (
    id INTEGER PRIMARY KEY,
    captain_id INTEGER NOT NULL REFERENCES players (id)
);
CREATE TABLE players (
    id INTEGER PRIMARY KEY,
    team_id INTEGER NOT NULL REFERENCES teams (id)
);
CREATE INDEX ix_players_team ON players (team_id);
CREATE INDEX ix_teams_captain ON teams (captain_id);
