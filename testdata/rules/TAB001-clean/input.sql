CREATE TABLE events (id INTEGER PRIMARY KEY, name TEXT NOT NULL, happened_at TEXT NOT NULL);
CREATE VIEW recent_events AS SELECT name FROM events;
