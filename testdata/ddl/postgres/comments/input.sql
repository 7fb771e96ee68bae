-- Covers: COMMENT ON TABLE / COLUMN / SCHEMA / INDEX / CONSTRAINT with quotes, semicolons and E'' escapes in the text, and comments that look like SQL.
CREATE TABLE products (
    id integer PRIMARY KEY, -- an inline comment; with a semicolon
    name text NOT NULL,
    /* a block comment CREATE TABLE fake (x int); */
    price numeric(12,2)
);

CREATE TABLE reviews (
    id integer PRIMARY KEY,
    product_id integer NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    body text
);

CREATE INDEX reviews_product_idx ON reviews (product_id);

COMMENT ON SCHEMA public IS 'standard public schema';
COMMENT ON TABLE products IS 'What we sell; it''s a "table" -- not a comment';
COMMENT ON COLUMN products.price IS 'Price in EUR; CREATE TABLE inside a string (x int);';
COMMENT ON COLUMN public.reviews.body IS E'Free text.\nSecond line with \'quotes\' and a backslash \\;';
COMMENT ON INDEX reviews_product_idx IS 'for FK lookups';
COMMENT ON CONSTRAINT reviews_product_id_fkey ON reviews IS 'drop reviews with their product';
COMMENT ON TABLE reviews IS NULL;
