-- Covers: schema-qualified names, two schemas (auth, shop) plus public, a table name used in two schemas, cross-schema foreign keys.
CREATE SCHEMA auth;
CREATE SCHEMA IF NOT EXISTS shop;

CREATE TABLE auth.users (
    id integer PRIMARY KEY,
    email text NOT NULL UNIQUE,
    created_at timestamp with time zone NOT NULL DEFAULT now()
);

CREATE TABLE auth.sessions (
    token text PRIMARY KEY,
    user_id integer NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
    expires_at timestamp without time zone
);

-- The same name as auth.users, in another schema.
CREATE TABLE shop.users (
    id integer PRIMARY KEY,
    auth_user_id integer REFERENCES auth.users (id) ON DELETE SET NULL,
    display_name character varying(80)
);

CREATE TABLE shop.orders (
    id bigint PRIMARY KEY,
    user_id integer NOT NULL REFERENCES shop.users (id),
    placed_at date
);

CREATE TABLE settings (
    key text PRIMARY KEY,
    value text,
    changed_by integer REFERENCES auth.users
);

CREATE INDEX sessions_user_id_idx ON auth.sessions (user_id);
CREATE INDEX orders_user_id_idx ON shop.orders USING btree (user_id);
