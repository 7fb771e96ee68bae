-- Every kind of edge end: NOT NULL and nullable keys, a unique key (1:1),
-- a composite key to a composite primary key (one edge), a self-reference,
-- a key to a unique column rather than the primary key, a junction table
-- with a surrogate id and a timestamp, a view, and a key to a table that
-- does not exist (not drawn).
CREATE TABLE makers (
    code TEXT NOT NULL,
    country TEXT NOT NULL,
    name TEXT,
    PRIMARY KEY (code, country)
);
CREATE TABLE parts (
    id INTEGER PRIMARY KEY,
    sku TEXT NOT NULL UNIQUE,
    maker_code TEXT NOT NULL,
    maker_country TEXT NOT NULL,
    replaced_by INTEGER REFERENCES parts (id) ON DELETE SET NULL,
    FOREIGN KEY (maker_code, maker_country) REFERENCES makers (code, country) ON DELETE CASCADE
);
CREATE TABLE part_specs (
    part_id INTEGER PRIMARY KEY REFERENCES parts (id) ON DELETE CASCADE,
    weight_g REAL,
    notes TEXT DEFAULT 'n/a'
);
CREATE TABLE stock (
    sku TEXT NOT NULL REFERENCES parts (sku),
    warehouse_id INTEGER REFERENCES warehouses (id),
    quantity INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE suppliers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL
);
CREATE TABLE part_suppliers (
    id INTEGER PRIMARY KEY,
    part_id INTEGER NOT NULL REFERENCES parts (id) ON DELETE CASCADE,
    supplier_id INTEGER NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (part_id, supplier_id)
);
CREATE INDEX ix_stock_sku ON stock (sku);
CREATE VIEW cheap_parts AS SELECT id, sku FROM parts;
