-- A composite primary key referenced by a composite foreign key, written
-- in the other order than the parent declares its columns.
CREATE TABLE shipments (
    warehouse_id INTEGER NOT NULL,
    shipment_no  INTEGER NOT NULL,
    sent_at      TEXT,
    PRIMARY KEY (warehouse_id, shipment_no)
);

CREATE TABLE shipment_lines (
    warehouse_id INTEGER NOT NULL,
    shipment_no  INTEGER NOT NULL,
    line_no      INTEGER NOT NULL,
    sku          TEXT NOT NULL,
    PRIMARY KEY (warehouse_id, shipment_no, line_no),
    FOREIGN KEY (warehouse_id, shipment_no)
        REFERENCES shipments (warehouse_id, shipment_no) ON DELETE CASCADE
);
