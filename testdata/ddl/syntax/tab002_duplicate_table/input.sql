-- TAB002: a second CREATE TABLE of one name in one schema.
CREATE TABLE users (id integer PRIMARY KEY, email text);
-- IF NOT EXISTS does nothing when the table exists: not reported.
CREATE TABLE IF NOT EXISTS users (id integer PRIMARY KEY, email text);
-- public is the default schema: the same table again.
CREATE TABLE public.users (id integer PRIMARY KEY, name text);
-- Another schema: another table.
CREATE TABLE audit.users (id integer PRIMARY KEY, changed_at timestamptz);
