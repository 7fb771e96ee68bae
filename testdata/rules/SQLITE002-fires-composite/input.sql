CREATE TABLE regions (country TEXT NOT NULL, code TEXT NOT NULL, PRIMARY KEY (country, code));
CREATE TABLE offices (
  id INTEGER PRIMARY KEY,
  country TEXT,
  region TEXT,
  FOREIGN KEY (country, region) REFERENCES regions (country, code)
);
INSERT INTO regions (country, code) VALUES ('FR', 'IDF'), ('DE', 'BY');
-- rowid 3: each value exists, but not the pair; rowid 4: no such country;
-- rowid 5: a NULL in the key is never checked (MATCH SIMPLE)
INSERT INTO offices (id, country, region) VALUES (1, 'FR', 'IDF'), (2, 'DE', 'BY'), (3, 'FR', 'BY'), (4, 'IT', 'LAZ'), (5, 'ES', NULL);
