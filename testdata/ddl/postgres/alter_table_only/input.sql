-- Covers: keys added the way pg_dump writes them (ALTER TABLE ONLY ... ADD CONSTRAINT ... PRIMARY KEY / UNIQUE / FOREIGN KEY), ALTER TABLE IF EXISTS, ADD COLUMN, several comma-separated actions, ALTER COLUMN ... SET NOT NULL.
CREATE TABLE public.authors (
    id integer NOT NULL,
    name text NOT NULL,
    country_code character(2)
);

CREATE TABLE public.books (
    id integer NOT NULL,
    author_id integer NOT NULL,
    isbn character varying(13),
    title text NOT NULL
);

CREATE TABLE public.countries (
    code character(2) NOT NULL,
    name text
);

ALTER TABLE ONLY public.authors
    ADD CONSTRAINT authors_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.books
    ADD CONSTRAINT books_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.books
    ADD CONSTRAINT books_isbn_key UNIQUE (isbn);

ALTER TABLE ONLY public.countries
    ADD CONSTRAINT countries_pkey PRIMARY KEY (code);

ALTER TABLE ONLY public.books
    ADD CONSTRAINT books_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.authors(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.authors
    ADD CONSTRAINT authors_country_code_fkey FOREIGN KEY (country_code) REFERENCES public.countries(code) ON UPDATE CASCADE;

-- Two actions in one statement, and a column added later.
ALTER TABLE public.books
    ADD COLUMN co_author_id integer,
    ADD CONSTRAINT books_co_author_fkey FOREIGN KEY (co_author_id) REFERENCES public.authors(id) ON DELETE SET NULL;

ALTER TABLE IF EXISTS public.books ADD COLUMN IF NOT EXISTS published_on date;
ALTER TABLE IF EXISTS public.no_such_table ADD COLUMN ignored integer;
ALTER TABLE public.countries ALTER COLUMN name SET NOT NULL;
ALTER TABLE ONLY public.authors ADD CONSTRAINT authors_name_key UNIQUE (name, country_code);

CREATE INDEX books_author_id_idx ON public.books USING btree (author_id);
