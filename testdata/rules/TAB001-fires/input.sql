CREATE TABLE events (name TEXT NOT NULL, happened_at TEXT NOT NULL);
