CREATE TABLE users (id INTEGER PRIMARY KEY);
CREATE TABLE addresses (
  id INTEGER PRIMARY KEY,
  user_id INTEGER REFERENCES users(id)
);
INSERT INTO users (id) VALUES (1);
INSERT INTO addresses (id, user_id) VALUES (1, 1), (2, NULL);
