-- Covers: pg_dump COPY ... FROM stdin data blocks (tabs, \N, backslash escapes, rows that look like SQL, semicolons) ended by \., INSERT statements, and DDL after the data.
CREATE TABLE public.colors (
    id integer NOT NULL,
    name text NOT NULL,
    hex character(7)
);

CREATE TABLE public.notes (
    id integer NOT NULL,
    color_id integer,
    body text
);

COPY public.colors (id, name, hex) FROM stdin;
1	red	#ff0000
2	green	#00ff00
3	CREATE TABLE fake (id int);	\N
4	semi;colon	#000000
\.

COPY public.notes (id, color_id, body) FROM stdin;
1	1	line one\nline two
2	\N	tab\there; and 'quotes' and "double" and $$dollars$$
3	4	\\. is not the end
4	2	-- not a comment /* nor this
\.

INSERT INTO public.notes (id, color_id, body) VALUES (5, 3, 'CREATE TABLE x (a int); ''quoted''');

ALTER TABLE ONLY public.colors
    ADD CONSTRAINT colors_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.notes
    ADD CONSTRAINT notes_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.notes
    ADD CONSTRAINT notes_color_id_fkey FOREIGN KEY (color_id) REFERENCES public.colors(id);
