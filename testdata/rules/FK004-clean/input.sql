CREATE TABLE lines (
  order_id INTEGER NOT NULL,
  line_no INTEGER NOT NULL,
  PRIMARY KEY (order_id, line_no)
);
CREATE TABLE shipments (
  id INTEGER PRIMARY KEY,
  order_id INTEGER,
  line_no INTEGER,
  FOREIGN KEY (order_id, line_no) REFERENCES lines
);
