CREATE TABLE nodes (
  id INTEGER PRIMARY KEY REFERENCES nodes(id),
  parent_id INTEGER
);
