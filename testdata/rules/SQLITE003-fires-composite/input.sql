CREATE TABLE regions (
  country TEXT,
  code TEXT,
  name TEXT NOT NULL,
  PRIMARY KEY (country, code)
);
