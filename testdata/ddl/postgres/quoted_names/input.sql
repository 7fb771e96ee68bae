-- Covers: quoted mixed-case names, names with spaces and keywords, unquoted mixed-case names that PostgreSQL folds to lower case.
CREATE TABLE "Customer" (
    "CustomerId" integer NOT NULL,
    "Full Name" text NOT NULL,
    "order" integer,
    "select" text,
    CONSTRAINT "PK_Customer" PRIMARY KEY ("CustomerId")
);

-- Unquoted: stored as invoice / invoiceid / customerid.
CREATE TABLE Invoice (
    InvoiceId integer PRIMARY KEY,
    CustomerId integer NOT NULL,
    Total numeric(10,2),
    CONSTRAINT "FK_Invoice_Customer" FOREIGN KEY (CustomerId) REFERENCES "Customer" ("CustomerId")
);

CREATE TABLE "user" (
    "id" integer PRIMARY KEY,
    "group" text,
    "Invoice" integer REFERENCES invoice (invoiceid)
);

CREATE TABLE "line item" (
    "line no" integer NOT NULL,
    "InvoiceId" integer NOT NULL REFERENCES INVOICE (INVOICEID) ON DELETE CASCADE,
    "Qty" integer DEFAULT 1,
    PRIMARY KEY ("InvoiceId", "line no")
);

CREATE INDEX "IX_Invoice_CustomerId" ON Invoice (CustomerId);
CREATE UNIQUE INDEX "ux ""quoted"" name" ON "Customer" ("Full Name");
