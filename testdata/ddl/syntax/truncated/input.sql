CREATE TABLE parents (id INTEGER PRIMARY KEY);
CREATE TABLE children (
    id INTEGER PRIMARY KEY,
    parent_id INTEGER REFERENCES parents (id) ON DELETE CASCADE,
    note TEXT DEFAULT 'never closed
