-- Statements relmap models but cannot parse: each gives SYNTAX001 at the
-- first token it could not place, and the next statement is read anyway.
CREATE TABLE parents (id INTEGER PRIMARY KEY);

CREATE TABLE children (
    id        INTEGER PRIMARY KEY,
    parent_id INTEGER REFERENCES parents (id) ON DELETE,
    name      TEXT
);

CREATE TABLE pets (id INTEGER PRIMARY KEY, owner_id INTEGER, FOREIGN KEY owner_id REFERENCES parents);

CREATE INDEX ON;

CREATE TABLE toys (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parents (id)) WITHOUT;

-- Not modelled, so never complained about:
SELECT * FROM nowhere WHERE ((;
CREATE TABLE after_all (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parents (id));
