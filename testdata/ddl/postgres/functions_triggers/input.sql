-- Covers: CREATE FUNCTION with $$ and $tag$ bodies holding semicolons and fake DDL, a trigger, a DO block, a procedure, CREATE VIEW and an enum type; only the tables are modelled.
CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped; really', 'cancelled');

CREATE TABLE orders (
    id integer PRIMARY KEY,
    status order_status NOT NULL DEFAULT 'new',
    updated_at timestamp with time zone
);

CREATE FUNCTION touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    -- CREATE TABLE not_a_table (id int);
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

CREATE OR REPLACE FUNCTION public.make_note(msg text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    AS $body$
DECLARE
    q text := $q$CREATE TABLE fake (id int); $$ still inside $q$;
BEGIN
    RETURN msg || ';' || q;
END;
$body$;

CREATE FUNCTION add_one(integer) RETURNS integer
    LANGUAGE sql IMMUTABLE
    AS 'SELECT $1 + 1;';

CREATE PROCEDURE noop()
    LANGUAGE plpgsql
    AS $$ BEGIN PERFORM 1; END $$;

CREATE TRIGGER orders_touch BEFORE UPDATE ON orders
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_tables WHERE tablename = 'orders') THEN
        RAISE EXCEPTION 'orders missing; stop';
    END IF;
END
$$;

CREATE TABLE order_notes (
    id integer PRIMARY KEY,
    order_id integer NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    note text
);

CREATE VIEW open_orders AS
    SELECT id, status FROM orders WHERE status <> 'cancelled';
