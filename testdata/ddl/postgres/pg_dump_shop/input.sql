-- Covers: a realistic multi-schema pg_dump (auth + shop + public, 25 tables, data in COPY blocks), written by tests/pg/make-pg-dump.sh from tests/pg/shop.sql.
--
-- PostgreSQL database dump
--

\restrict relmapShopDumpFixture0123456789abcdefghijklmnopqrstuvwxyzABCDEF

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: auth; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA auth;


ALTER SCHEMA auth OWNER TO postgres;

--
-- Name: shop; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA shop;


ALTER SCHEMA shop OWNER TO postgres;

--
-- Name: SCHEMA shop; Type: COMMENT; Schema: -; Owner: postgres
--

COMMENT ON SCHEMA shop IS 'catalogue, carts and orders';


--
-- Name: money_amount; Type: DOMAIN; Schema: shop; Owner: postgres
--

CREATE DOMAIN shop.money_amount AS numeric(12,2)
	CONSTRAINT money_amount_check CHECK ((VALUE >= (0)::numeric));


ALTER DOMAIN shop.money_amount OWNER TO postgres;

--
-- Name: order_status; Type: TYPE; Schema: shop; Owner: postgres
--

CREATE TYPE shop.order_status AS ENUM (
    'pending',
    'paid',
    'shipped',
    'delivered',
    'cancelled'
);


ALTER TYPE shop.order_status OWNER TO postgres;

--
-- Name: touch_updated_at(); Type: FUNCTION; Schema: shop; Owner: postgres
--

CREATE FUNCTION shop.touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;


ALTER FUNCTION shop.touch_updated_at() OWNER TO postgres;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: api_keys; Type: TABLE; Schema: auth; Owner: postgres
--

CREATE TABLE auth.api_keys (
    id integer NOT NULL,
    user_id bigint NOT NULL,
    prefix character(8) NOT NULL,
    secret_hash bytea NOT NULL,
    scopes text[] DEFAULT '{}'::text[] NOT NULL,
    revoked boolean DEFAULT false NOT NULL
);


ALTER TABLE auth.api_keys OWNER TO postgres;

--
-- Name: api_keys_id_seq; Type: SEQUENCE; Schema: auth; Owner: postgres
--

CREATE SEQUENCE auth.api_keys_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE auth.api_keys_id_seq OWNER TO postgres;

--
-- Name: api_keys_id_seq; Type: SEQUENCE OWNED BY; Schema: auth; Owner: postgres
--

ALTER SEQUENCE auth.api_keys_id_seq OWNED BY auth.api_keys.id;


--
-- Name: audit_log; Type: TABLE; Schema: auth; Owner: postgres
--

CREATE TABLE auth.audit_log (
    id bigint NOT NULL,
    user_id bigint,
    action text NOT NULL,
    details jsonb,
    at timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE auth.audit_log OWNER TO postgres;

--
-- Name: audit_log_id_seq; Type: SEQUENCE; Schema: auth; Owner: postgres
--

CREATE SEQUENCE auth.audit_log_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE auth.audit_log_id_seq OWNER TO postgres;

--
-- Name: audit_log_id_seq; Type: SEQUENCE OWNED BY; Schema: auth; Owner: postgres
--

ALTER SEQUENCE auth.audit_log_id_seq OWNED BY auth.audit_log.id;


--
-- Name: password_resets; Type: TABLE; Schema: auth; Owner: postgres
--

CREATE TABLE auth.password_resets (
    token character(64) NOT NULL,
    user_id bigint NOT NULL,
    requested_at timestamp with time zone DEFAULT now() NOT NULL,
    used_at timestamp with time zone
);


ALTER TABLE auth.password_resets OWNER TO postgres;

--
-- Name: roles; Type: TABLE; Schema: auth; Owner: postgres
--

CREATE TABLE auth.roles (
    id integer NOT NULL,
    name text NOT NULL,
    description text
);


ALTER TABLE auth.roles OWNER TO postgres;

--
-- Name: roles_id_seq; Type: SEQUENCE; Schema: auth; Owner: postgres
--

CREATE SEQUENCE auth.roles_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE auth.roles_id_seq OWNER TO postgres;

--
-- Name: roles_id_seq; Type: SEQUENCE OWNED BY; Schema: auth; Owner: postgres
--

ALTER SEQUENCE auth.roles_id_seq OWNED BY auth.roles.id;


--
-- Name: sessions; Type: TABLE; Schema: auth; Owner: postgres
--

CREATE TABLE auth.sessions (
    id uuid NOT NULL,
    user_id bigint NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    user_agent text
);


ALTER TABLE auth.sessions OWNER TO postgres;

--
-- Name: user_roles; Type: TABLE; Schema: auth; Owner: postgres
--

CREATE TABLE auth.user_roles (
    user_id bigint NOT NULL,
    role_id integer NOT NULL,
    granted_at timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE auth.user_roles OWNER TO postgres;

--
-- Name: users; Type: TABLE; Schema: auth; Owner: postgres
--

CREATE TABLE auth.users (
    id bigint NOT NULL,
    email character varying(320) NOT NULL,
    password_hash text NOT NULL,
    is_active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    last_login_at timestamp with time zone
);


ALTER TABLE auth.users OWNER TO postgres;

--
-- Name: TABLE users; Type: COMMENT; Schema: auth; Owner: postgres
--

COMMENT ON TABLE auth.users IS 'Everyone who can log in; customers and staff alike.';


--
-- Name: users_id_seq; Type: SEQUENCE; Schema: auth; Owner: postgres
--

ALTER TABLE auth.users ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME auth.users_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: schema_migrations; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.schema_migrations (
    version character varying(14) NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE public.schema_migrations OWNER TO postgres;

--
-- Name: Wishlist; Type: TABLE; Schema: shop; Owner: postgres
--

CREATE TABLE shop."Wishlist" (
    "customerId" integer NOT NULL,
    "productId" bigint NOT NULL,
    "addedAt" timestamp with time zone DEFAULT now()
);


ALTER TABLE shop."Wishlist" OWNER TO postgres;

--
-- Name: addresses; Type: TABLE; Schema: shop; Owner: postgres
--

CREATE TABLE shop.addresses (
    id integer NOT NULL,
    customer_id integer NOT NULL,
    line1 text NOT NULL,
    line2 text,
    postcode character varying(16) NOT NULL,
    country_code character(2) DEFAULT 'DE'::bpchar NOT NULL
);


ALTER TABLE shop.addresses OWNER TO postgres;

--
-- Name: addresses_id_seq; Type: SEQUENCE; Schema: shop; Owner: postgres
--

CREATE SEQUENCE shop.addresses_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE shop.addresses_id_seq OWNER TO postgres;

--
-- Name: addresses_id_seq; Type: SEQUENCE OWNED BY; Schema: shop; Owner: postgres
--

ALTER SEQUENCE shop.addresses_id_seq OWNED BY shop.addresses.id;


--
-- Name: cart_items; Type: TABLE; Schema: shop; Owner: postgres
--

CREATE TABLE shop.cart_items (
    cart_id uuid NOT NULL,
    product_id bigint NOT NULL,
    quantity integer DEFAULT 1 NOT NULL
);


ALTER TABLE shop.cart_items OWNER TO postgres;

--
-- Name: carts; Type: TABLE; Schema: shop; Owner: postgres
--

CREATE TABLE shop.carts (
    id uuid NOT NULL,
    customer_id integer,
    created_at timestamp without time zone DEFAULT now() NOT NULL
);


ALTER TABLE shop.carts OWNER TO postgres;

--
-- Name: categories; Type: TABLE; Schema: shop; Owner: postgres
--

CREATE TABLE shop.categories (
    id integer NOT NULL,
    parent_id integer,
    slug text NOT NULL,
    name text NOT NULL
);


ALTER TABLE shop.categories OWNER TO postgres;

--
-- Name: categories_id_seq; Type: SEQUENCE; Schema: shop; Owner: postgres
--

CREATE SEQUENCE shop.categories_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE shop.categories_id_seq OWNER TO postgres;

--
-- Name: categories_id_seq; Type: SEQUENCE OWNED BY; Schema: shop; Owner: postgres
--

ALTER SEQUENCE shop.categories_id_seq OWNED BY shop.categories.id;


--
-- Name: coupons; Type: TABLE; Schema: shop; Owner: postgres
--

CREATE TABLE shop.coupons (
    code text NOT NULL,
    percent_off smallint NOT NULL,
    valid_until date,
    CONSTRAINT coupons_percent_off_check CHECK (((percent_off >= 1) AND (percent_off <= 100)))
);


ALTER TABLE shop.coupons OWNER TO postgres;

--
-- Name: customers; Type: TABLE; Schema: shop; Owner: postgres
--

CREATE TABLE shop.customers (
    id integer NOT NULL,
    user_id bigint,
    full_name text NOT NULL,
    phone character varying(32)
);


ALTER TABLE shop.customers OWNER TO postgres;

--
-- Name: customers_id_seq; Type: SEQUENCE; Schema: shop; Owner: postgres
--

CREATE SEQUENCE shop.customers_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE shop.customers_id_seq OWNER TO postgres;

--
-- Name: customers_id_seq; Type: SEQUENCE OWNED BY; Schema: shop; Owner: postgres
--

ALTER SEQUENCE shop.customers_id_seq OWNED BY shop.customers.id;


--
-- Name: inventory; Type: TABLE; Schema: shop; Owner: postgres
--

CREATE TABLE shop.inventory (
    product_id bigint NOT NULL,
    warehouse_code character(3) NOT NULL,
    quantity integer DEFAULT 0 NOT NULL
);


ALTER TABLE shop.inventory OWNER TO postgres;

--
-- Name: order_coupons; Type: TABLE; Schema: shop; Owner: postgres
--

CREATE TABLE shop.order_coupons (
    order_id bigint NOT NULL,
    coupon_code text NOT NULL
);


ALTER TABLE shop.order_coupons OWNER TO postgres;

--
-- Name: order_items; Type: TABLE; Schema: shop; Owner: postgres
--

CREATE TABLE shop.order_items (
    order_id bigint NOT NULL,
    line_no smallint NOT NULL,
    product_id bigint NOT NULL,
    quantity integer NOT NULL,
    unit_price numeric(12,2) NOT NULL,
    CONSTRAINT order_items_quantity_check CHECK ((quantity > 0))
);


ALTER TABLE shop.order_items OWNER TO postgres;

--
-- Name: orders; Type: TABLE; Schema: shop; Owner: postgres
--

CREATE TABLE shop.orders (
    id bigint NOT NULL,
    customer_id integer NOT NULL,
    shipping_address_id integer,
    status shop.order_status DEFAULT 'pending'::shop.order_status NOT NULL,
    placed_at timestamp with time zone DEFAULT now() NOT NULL,
    total shop.money_amount DEFAULT 0 NOT NULL,
    updated_at timestamp with time zone
);


ALTER TABLE shop.orders OWNER TO postgres;

--
-- Name: order_totals; Type: VIEW; Schema: shop; Owner: postgres
--

CREATE VIEW shop.order_totals AS
 SELECT o.id,
    o.customer_id,
    sum(((i.quantity)::numeric * i.unit_price)) AS total
   FROM (shop.orders o
     JOIN shop.order_items i ON ((i.order_id = o.id)))
  GROUP BY o.id, o.customer_id;


ALTER TABLE shop.order_totals OWNER TO postgres;

--
-- Name: orders_id_seq; Type: SEQUENCE; Schema: shop; Owner: postgres
--

CREATE SEQUENCE shop.orders_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE shop.orders_id_seq OWNER TO postgres;

--
-- Name: orders_id_seq; Type: SEQUENCE OWNED BY; Schema: shop; Owner: postgres
--

ALTER SEQUENCE shop.orders_id_seq OWNED BY shop.orders.id;


--
-- Name: payments; Type: TABLE; Schema: shop; Owner: postgres
--

CREATE TABLE shop.payments (
    id bigint NOT NULL,
    order_id bigint NOT NULL,
    amount numeric(12,2) NOT NULL,
    provider text NOT NULL,
    provider_ref text,
    paid_at timestamp with time zone
);


ALTER TABLE shop.payments OWNER TO postgres;

--
-- Name: payments_id_seq; Type: SEQUENCE; Schema: shop; Owner: postgres
--

CREATE SEQUENCE shop.payments_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE shop.payments_id_seq OWNER TO postgres;

--
-- Name: payments_id_seq; Type: SEQUENCE OWNED BY; Schema: shop; Owner: postgres
--

ALTER SEQUENCE shop.payments_id_seq OWNED BY shop.payments.id;


--
-- Name: product_categories; Type: TABLE; Schema: shop; Owner: postgres
--

CREATE TABLE shop.product_categories (
    product_id bigint NOT NULL,
    category_id integer NOT NULL
);


ALTER TABLE shop.product_categories OWNER TO postgres;

--
-- Name: products; Type: TABLE; Schema: shop; Owner: postgres
--

CREATE TABLE shop.products (
    id bigint NOT NULL,
    sku character varying(32) NOT NULL,
    name text NOT NULL,
    description text,
    price shop.money_amount NOT NULL,
    weight_grams integer,
    attributes jsonb DEFAULT '{}'::jsonb NOT NULL,
    discontinued_at date,
    CONSTRAINT products_weight_grams_check CHECK ((weight_grams > 0))
);


ALTER TABLE shop.products OWNER TO postgres;

--
-- Name: COLUMN products.price; Type: COMMENT; Schema: shop; Owner: postgres
--

COMMENT ON COLUMN shop.products.price IS 'Gross price in EUR; never negative.';


--
-- Name: products_id_seq; Type: SEQUENCE; Schema: shop; Owner: postgres
--

ALTER TABLE shop.products ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME shop.products_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: reviews; Type: TABLE; Schema: shop; Owner: postgres
--

CREATE TABLE shop.reviews (
    id integer NOT NULL,
    product_id bigint NOT NULL,
    customer_id integer,
    rating smallint NOT NULL,
    body text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT reviews_rating_check CHECK (((rating >= 1) AND (rating <= 5)))
);


ALTER TABLE shop.reviews OWNER TO postgres;

--
-- Name: reviews_id_seq; Type: SEQUENCE; Schema: shop; Owner: postgres
--

CREATE SEQUENCE shop.reviews_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE shop.reviews_id_seq OWNER TO postgres;

--
-- Name: reviews_id_seq; Type: SEQUENCE OWNED BY; Schema: shop; Owner: postgres
--

ALTER SEQUENCE shop.reviews_id_seq OWNED BY shop.reviews.id;


--
-- Name: shipments; Type: TABLE; Schema: shop; Owner: postgres
--

CREATE TABLE shop.shipments (
    id integer NOT NULL,
    order_id bigint NOT NULL,
    warehouse_code character(3),
    tracking_no text,
    shipped_at timestamp with time zone
);


ALTER TABLE shop.shipments OWNER TO postgres;

--
-- Name: shipments_id_seq; Type: SEQUENCE; Schema: shop; Owner: postgres
--

CREATE SEQUENCE shop.shipments_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE shop.shipments_id_seq OWNER TO postgres;

--
-- Name: shipments_id_seq; Type: SEQUENCE OWNED BY; Schema: shop; Owner: postgres
--

ALTER SEQUENCE shop.shipments_id_seq OWNED BY shop.shipments.id;


--
-- Name: warehouses; Type: TABLE; Schema: shop; Owner: postgres
--

CREATE TABLE shop.warehouses (
    code character(3) NOT NULL,
    city text NOT NULL
);


ALTER TABLE shop.warehouses OWNER TO postgres;

--
-- Name: api_keys id; Type: DEFAULT; Schema: auth; Owner: postgres
--

ALTER TABLE ONLY auth.api_keys ALTER COLUMN id SET DEFAULT nextval('auth.api_keys_id_seq'::regclass);


--
-- Name: audit_log id; Type: DEFAULT; Schema: auth; Owner: postgres
--

ALTER TABLE ONLY auth.audit_log ALTER COLUMN id SET DEFAULT nextval('auth.audit_log_id_seq'::regclass);


--
-- Name: roles id; Type: DEFAULT; Schema: auth; Owner: postgres
--

ALTER TABLE ONLY auth.roles ALTER COLUMN id SET DEFAULT nextval('auth.roles_id_seq'::regclass);


--
-- Name: addresses id; Type: DEFAULT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.addresses ALTER COLUMN id SET DEFAULT nextval('shop.addresses_id_seq'::regclass);


--
-- Name: categories id; Type: DEFAULT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.categories ALTER COLUMN id SET DEFAULT nextval('shop.categories_id_seq'::regclass);


--
-- Name: customers id; Type: DEFAULT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.customers ALTER COLUMN id SET DEFAULT nextval('shop.customers_id_seq'::regclass);


--
-- Name: orders id; Type: DEFAULT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.orders ALTER COLUMN id SET DEFAULT nextval('shop.orders_id_seq'::regclass);


--
-- Name: payments id; Type: DEFAULT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.payments ALTER COLUMN id SET DEFAULT nextval('shop.payments_id_seq'::regclass);


--
-- Name: reviews id; Type: DEFAULT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.reviews ALTER COLUMN id SET DEFAULT nextval('shop.reviews_id_seq'::regclass);


--
-- Name: shipments id; Type: DEFAULT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.shipments ALTER COLUMN id SET DEFAULT nextval('shop.shipments_id_seq'::regclass);


--
-- Data for Name: api_keys; Type: TABLE DATA; Schema: auth; Owner: postgres
--

COPY auth.api_keys (id, user_id, prefix, secret_hash, scopes, revoked) FROM stdin;
\.


--
-- Data for Name: audit_log; Type: TABLE DATA; Schema: auth; Owner: postgres
--

COPY auth.audit_log (id, user_id, action, details, at) FROM stdin;
1	1	login	{"ip": "192.0.2.1", "note": "tab\\there; semi"}	2024-02-02 10:00:00+00
2	2	export	\N	2024-02-03 11:00:00+00
3	\N	system	{"msg": "line one\\nline two \\\\ backslash"}	2024-02-04 12:00:00+00
\.


--
-- Data for Name: password_resets; Type: TABLE DATA; Schema: auth; Owner: postgres
--

COPY auth.password_resets (token, user_id, requested_at, used_at) FROM stdin;
\.


--
-- Data for Name: roles; Type: TABLE DATA; Schema: auth; Owner: postgres
--

COPY auth.roles (id, name, description) FROM stdin;
1	admin	Can do everything
2	staff	Back office
3	customer	\N
\.


--
-- Data for Name: sessions; Type: TABLE DATA; Schema: auth; Owner: postgres
--

COPY auth.sessions (id, user_id, created_at, expires_at, user_agent) FROM stdin;
\.


--
-- Data for Name: user_roles; Type: TABLE DATA; Schema: auth; Owner: postgres
--

COPY auth.user_roles (user_id, role_id, granted_at) FROM stdin;
1	1	2024-02-01 00:00:00+00
2	2	2024-02-01 00:00:00+00
3	2	2024-02-01 00:00:00+00
4	3	2024-02-01 00:00:00+00
5	3	2024-02-01 00:00:00+00
6	3	2024-02-01 00:00:00+00
7	3	2024-02-01 00:00:00+00
8	3	2024-02-01 00:00:00+00
9	3	2024-02-01 00:00:00+00
10	3	2024-02-01 00:00:00+00
11	3	2024-02-01 00:00:00+00
12	3	2024-02-01 00:00:00+00
13	3	2024-02-01 00:00:00+00
14	3	2024-02-01 00:00:00+00
15	3	2024-02-01 00:00:00+00
16	3	2024-02-01 00:00:00+00
17	3	2024-02-01 00:00:00+00
18	3	2024-02-01 00:00:00+00
19	3	2024-02-01 00:00:00+00
20	3	2024-02-01 00:00:00+00
21	3	2024-02-01 00:00:00+00
22	3	2024-02-01 00:00:00+00
23	3	2024-02-01 00:00:00+00
24	3	2024-02-01 00:00:00+00
25	3	2024-02-01 00:00:00+00
26	3	2024-02-01 00:00:00+00
27	3	2024-02-01 00:00:00+00
28	3	2024-02-01 00:00:00+00
29	3	2024-02-01 00:00:00+00
30	3	2024-02-01 00:00:00+00
31	3	2024-02-01 00:00:00+00
32	3	2024-02-01 00:00:00+00
33	3	2024-02-01 00:00:00+00
34	3	2024-02-01 00:00:00+00
35	3	2024-02-01 00:00:00+00
36	3	2024-02-01 00:00:00+00
37	3	2024-02-01 00:00:00+00
38	3	2024-02-01 00:00:00+00
39	3	2024-02-01 00:00:00+00
40	3	2024-02-01 00:00:00+00
\.


--
-- Data for Name: users; Type: TABLE DATA; Schema: auth; Owner: postgres
--

COPY auth.users (id, email, password_hash, is_active, created_at, last_login_at) FROM stdin;
1	user1@example.com	6e6fdf956d04289354dcf1619e28fe77	t	2024-01-02 00:00:00+00	\N
2	user2@example.com	6d5779b9b85bd4f11e44c9772e0de602	t	2024-01-03 00:00:00+00	\N
3	user3@example.com	de1774aac52706b13a39a08ad3ca7dfe	t	2024-01-04 00:00:00+00	\N
4	user4@example.com	94406f55920a2c6a7c9b68e4bbe41fb8	t	2024-01-05 00:00:00+00	\N
5	user5@example.com	5802b867241e0c83cbda61ec986dea0d	t	2024-01-06 00:00:00+00	\N
6	user6@example.com	a25359ea6e40de0d523cd27b4e47a635	t	2024-01-07 00:00:00+00	\N
7	user7@example.com	fa73ef60e7e1adb5c227eedc9bec3244	t	2024-01-08 00:00:00+00	\N
8	user8@example.com	3182f4288ec5053e679ca2025bfb56eb	t	2024-01-09 00:00:00+00	\N
9	user9@example.com	159df4fecfdaf332c4293dfcac7063b7	t	2024-01-10 00:00:00+00	\N
10	user10@example.com	436f267dfa2dce83e192c2132530dd70	t	2024-01-11 00:00:00+00	\N
11	user11@example.com	8b7f89be0bd7050edfde2b53fd6d5653	t	2024-01-12 00:00:00+00	\N
12	user12@example.com	75536a4fcef42df4aaa464950ef957d2	t	2024-01-13 00:00:00+00	\N
13	user13@example.com	4364ed99cddb7c4e269145986d6de815	t	2024-01-14 00:00:00+00	\N
14	user14@example.com	5d0aa2671c12eca82dbfaa48d8bfe609	t	2024-01-15 00:00:00+00	\N
15	user15@example.com	9a69a7c09034c8941a4241f272f8eb98	t	2024-01-16 00:00:00+00	\N
16	user16@example.com	433d76c104b8044f9154a60f4fa9da2b	t	2024-01-17 00:00:00+00	\N
17	user17@example.com	14eeddbc63a8346fe8ab70bfec492ff0	t	2024-01-18 00:00:00+00	\N
18	user18@example.com	d500f2e02a3321f8ac80d62937da1355	t	2024-01-19 00:00:00+00	\N
19	user19@example.com	addef596128251330cb322da77cfc676	t	2024-01-20 00:00:00+00	\N
20	user20@example.com	70cf5a6ec0776b4f700be1c5f83a7b3b	t	2024-01-21 00:00:00+00	\N
21	user21@example.com	067490e2d67398cb6a014115b08f8f3c	t	2024-01-22 00:00:00+00	\N
22	user22@example.com	e7e0f1f70b667d5af30f711f9d1ebc4b	t	2024-01-23 00:00:00+00	\N
23	user23@example.com	3f77c31a927f46ae8b6b36f5356af288	t	2024-01-24 00:00:00+00	\N
24	user24@example.com	f1989646013b7a98cb7464d18a9ad36f	t	2024-01-25 00:00:00+00	\N
25	user25@example.com	25527c7e9d8d3bcff12d2e7a043ef5b1	t	2024-01-26 00:00:00+00	\N
26	user26@example.com	3ecd2993a83efd8fb600f18dc03a6033	t	2024-01-27 00:00:00+00	\N
27	user27@example.com	e3f88e98f262ffb863953cae347cb131	t	2024-01-28 00:00:00+00	\N
28	user28@example.com	e0d7af606ef45333b5dff986962139ff	t	2024-01-29 00:00:00+00	\N
29	user29@example.com	6885a49dfb7996da6be17193eebd89fb	t	2024-01-30 00:00:00+00	\N
30	user30@example.com	93e53156f5e5b613086ada7dc6ef9920	t	2024-01-31 00:00:00+00	\N
31	user31@example.com	53d72bf291a577457277e82c64fc249a	t	2024-02-01 00:00:00+00	\N
32	user32@example.com	010d4c50b030a4e0f78396ce77b8f006	t	2024-02-02 00:00:00+00	\N
33	user33@example.com	1bf48bcb38ec14cddbb19ecbbac73f38	t	2024-02-03 00:00:00+00	\N
34	user34@example.com	31451b80e2e048afc3e0cfbb2cf148d4	t	2024-02-04 00:00:00+00	\N
35	user35@example.com	eade58f7f3e8a1e2840e72c430be4f7b	t	2024-02-05 00:00:00+00	\N
36	user36@example.com	246fd411243d527fba6f32aac88313f5	t	2024-02-06 00:00:00+00	\N
37	user37@example.com	ec0e9deff1c56d76619607ce3dd53648	t	2024-02-07 00:00:00+00	\N
38	user38@example.com	ea896238f9de16f7d237d043ef101741	t	2024-02-08 00:00:00+00	\N
39	user39@example.com	770b90e13d75ef2deaf7a21d10aaa539	t	2024-02-09 00:00:00+00	\N
40	user40@example.com	0a45e1c0d168103007c2cd78e0826852	t	2024-02-10 00:00:00+00	\N
\.


--
-- Data for Name: schema_migrations; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.schema_migrations (version, applied_at) FROM stdin;
20240101000000	2024-01-01 00:00:00+00
20240315120000	2024-03-15 12:00:00+00
\.


--
-- Data for Name: Wishlist; Type: TABLE DATA; Schema: shop; Owner: postgres
--

COPY shop."Wishlist" ("customerId", "productId", "addedAt") FROM stdin;
1	2	2024-05-01 00:00:00+00
1	3	\N
\.


--
-- Data for Name: addresses; Type: TABLE DATA; Schema: shop; Owner: postgres
--

COPY shop.addresses (id, customer_id, line1, line2, postcode, country_code) FROM stdin;
1	1	Street 1	\N	10001	DE
2	2	Street 2	\N	10002	DE
3	3	Street 3	\N	10003	DE
4	4	Street 4	\N	10004	DE
5	5	Street 5	\N	10005	DE
6	6	Street 6	\N	10006	DE
7	7	Street 7	\N	10007	DE
8	8	Street 8	\N	10008	DE
9	9	Street 9	\N	10009	DE
10	10	Street 10	\N	10010	DE
11	11	Street 11	\N	10011	DE
12	12	Street 12	\N	10012	DE
13	13	Street 13	\N	10013	DE
14	14	Street 14	\N	10014	DE
15	15	Street 15	\N	10015	DE
16	16	Street 16	\N	10016	DE
17	17	Street 17	\N	10017	DE
18	18	Street 18	\N	10018	DE
19	19	Street 19	\N	10019	DE
20	20	Street 20	\N	10020	DE
21	21	Street 21	\N	10021	DE
22	22	Street 22	\N	10022	DE
23	23	Street 23	\N	10023	DE
24	24	Street 24	\N	10024	DE
25	25	Street 25	\N	10025	DE
26	26	Street 26	\N	10026	DE
27	27	Street 27	\N	10027	DE
28	28	Street 28	\N	10028	DE
29	29	Street 29	\N	10029	DE
30	30	Street 30	\N	10030	DE
31	31	Street 31	\N	10031	DE
32	32	Street 32	\N	10032	DE
33	33	Street 33	\N	10033	DE
34	34	Street 34	\N	10034	DE
35	35	Street 35	\N	10035	DE
36	36	Street 36	\N	10036	DE
37	37	Street 37	\N	10037	DE
\.


--
-- Data for Name: cart_items; Type: TABLE DATA; Schema: shop; Owner: postgres
--

COPY shop.cart_items (cart_id, product_id, quantity) FROM stdin;
\.


--
-- Data for Name: carts; Type: TABLE DATA; Schema: shop; Owner: postgres
--

COPY shop.carts (id, customer_id, created_at) FROM stdin;
\.


--
-- Data for Name: categories; Type: TABLE DATA; Schema: shop; Owner: postgres
--

COPY shop.categories (id, parent_id, slug, name) FROM stdin;
1	\N	garden	Garden
2	1	tools	Tools
3	1	plants	Plants
4	\N	kitchen	Kitchen; Dining
5	4	knives	Knives & "Blades"
\.


--
-- Data for Name: coupons; Type: TABLE DATA; Schema: shop; Owner: postgres
--

COPY shop.coupons (code, percent_off, valid_until) FROM stdin;
WELCOME10	10	2030-01-01
SPRING	15	\N
\.


--
-- Data for Name: customers; Type: TABLE DATA; Schema: shop; Owner: postgres
--

COPY shop.customers (id, user_id, full_name, phone) FROM stdin;
1	4	Customer 4	\N
2	5	Customer 5 O'Brien \\ Jr.	\N
3	6	Customer 6	\N
4	7	Customer 7	\N
5	8	Customer 8	\N
6	9	Customer 9	\N
7	10	Customer 10	\N
8	11	Customer 11	\N
9	12	Customer 12	\N
10	13	Customer 13	\N
11	14	Customer 14	\N
12	15	Customer 15	\N
13	16	Customer 16	\N
14	17	Customer 17	\N
15	18	Customer 18	\N
16	19	Customer 19	\N
17	20	Customer 20	\N
18	21	Customer 21	\N
19	22	Customer 22	\N
20	23	Customer 23	\N
21	24	Customer 24	\N
22	25	Customer 25	\N
23	26	Customer 26	\N
24	27	Customer 27	\N
25	28	Customer 28	\N
26	29	Customer 29	\N
27	30	Customer 30	\N
28	31	Customer 31	\N
29	32	Customer 32	\N
30	33	Customer 33	\N
31	34	Customer 34	\N
32	35	Customer 35	\N
33	36	Customer 36	\N
34	37	Customer 37	\N
35	38	Customer 38	\N
36	39	Customer 39	\N
37	40	Customer 40	\N
\.


--
-- Data for Name: inventory; Type: TABLE DATA; Schema: shop; Owner: postgres
--

COPY shop.inventory (product_id, warehouse_code, quantity) FROM stdin;
1	HAM	2
2	BER	4
3	HAM	6
4	BER	8
5	HAM	10
6	BER	12
7	HAM	14
8	BER	16
9	HAM	18
10	BER	20
11	HAM	22
12	BER	24
13	HAM	26
14	BER	28
15	HAM	30
16	BER	32
17	HAM	34
18	BER	36
19	HAM	38
20	BER	40
21	HAM	42
22	BER	44
23	HAM	46
24	BER	48
25	HAM	50
26	BER	52
27	HAM	54
28	BER	56
29	HAM	58
30	BER	60
31	HAM	62
32	BER	64
33	HAM	66
34	BER	68
35	HAM	70
36	BER	72
37	HAM	74
38	BER	76
39	HAM	78
40	BER	80
41	HAM	82
42	BER	84
43	HAM	86
44	BER	88
45	HAM	90
46	BER	92
47	HAM	94
48	BER	96
49	HAM	98
50	BER	100
51	HAM	102
52	BER	104
53	HAM	106
54	BER	108
55	HAM	110
56	BER	112
57	HAM	114
58	BER	116
59	HAM	118
60	BER	120
\.


--
-- Data for Name: order_coupons; Type: TABLE DATA; Schema: shop; Owner: postgres
--

COPY shop.order_coupons (order_id, coupon_code) FROM stdin;
4	WELCOME10
8	WELCOME10
12	WELCOME10
16	WELCOME10
20	WELCOME10
24	WELCOME10
28	WELCOME10
32	WELCOME10
36	WELCOME10
\.


--
-- Data for Name: order_items; Type: TABLE DATA; Schema: shop; Owner: postgres
--

COPY shop.order_items (order_id, line_no, product_id, quantity, unit_price) FROM stdin;
1	1	2	1	9.99
2	1	3	1	9.99
3	1	4	1	9.99
4	1	5	1	9.99
5	1	6	1	9.99
6	1	7	1	9.99
7	1	8	1	9.99
8	1	9	1	9.99
9	1	10	1	9.99
10	1	11	1	9.99
11	1	12	1	9.99
12	1	13	1	9.99
13	1	14	1	9.99
14	1	15	1	9.99
15	1	16	1	9.99
16	1	17	1	9.99
17	1	18	1	9.99
18	1	19	1	9.99
19	1	20	1	9.99
20	1	21	1	9.99
21	1	22	1	9.99
22	1	23	1	9.99
23	1	24	1	9.99
24	1	25	1	9.99
25	1	26	1	9.99
26	1	27	1	9.99
27	1	28	1	9.99
28	1	29	1	9.99
29	1	30	1	9.99
30	1	31	1	9.99
31	1	32	1	9.99
32	1	33	1	9.99
33	1	34	1	9.99
34	1	35	1	9.99
35	1	36	1	9.99
36	1	37	1	9.99
37	1	38	1	9.99
1	2	3	2	19.98
2	2	5	2	19.98
3	2	7	2	19.98
4	2	9	2	19.98
5	2	11	2	19.98
6	2	13	2	19.98
7	2	15	2	19.98
8	2	17	2	19.98
9	2	19	2	19.98
10	2	21	2	19.98
11	2	23	2	19.98
12	2	25	2	19.98
13	2	27	2	19.98
14	2	29	2	19.98
15	2	31	2	19.98
16	2	33	2	19.98
17	2	35	2	19.98
18	2	37	2	19.98
19	2	39	2	19.98
20	2	41	2	19.98
21	2	43	2	19.98
22	2	45	2	19.98
23	2	47	2	19.98
24	2	49	2	19.98
25	2	51	2	19.98
26	2	53	2	19.98
27	2	55	2	19.98
28	2	57	2	19.98
29	2	59	2	19.98
30	2	1	2	19.98
31	2	3	2	19.98
32	2	5	2	19.98
33	2	7	2	19.98
34	2	9	2	19.98
35	2	11	2	19.98
36	2	13	2	19.98
37	2	15	2	19.98
1	3	4	3	29.97
2	3	7	3	29.97
3	3	10	3	29.97
4	3	13	3	29.97
5	3	16	3	29.97
6	3	19	3	29.97
7	3	22	3	29.97
8	3	25	3	29.97
9	3	28	3	29.97
10	3	31	3	29.97
11	3	34	3	29.97
12	3	37	3	29.97
13	3	40	3	29.97
14	3	43	3	29.97
15	3	46	3	29.97
16	3	49	3	29.97
17	3	52	3	29.97
18	3	55	3	29.97
19	3	58	3	29.97
20	3	1	3	29.97
21	3	4	3	29.97
22	3	7	3	29.97
23	3	10	3	29.97
24	3	13	3	29.97
25	3	16	3	29.97
26	3	19	3	29.97
27	3	22	3	29.97
28	3	25	3	29.97
29	3	28	3	29.97
30	3	31	3	29.97
31	3	34	3	29.97
32	3	37	3	29.97
33	3	40	3	29.97
34	3	43	3	29.97
35	3	46	3	29.97
36	3	49	3	29.97
37	3	52	3	29.97
\.


--
-- Data for Name: orders; Type: TABLE DATA; Schema: shop; Owner: postgres
--

COPY shop.orders (id, customer_id, shipping_address_id, status, placed_at, total, updated_at) FROM stdin;
1	1	1	paid	2024-03-01 01:00:00+00	0.00	\N
2	2	2	shipped	2024-03-01 02:00:00+00	0.00	\N
3	3	3	delivered	2024-03-01 03:00:00+00	0.00	\N
4	4	4	cancelled	2024-03-01 04:00:00+00	0.00	\N
5	5	5	pending	2024-03-01 05:00:00+00	0.00	\N
6	6	6	paid	2024-03-01 06:00:00+00	0.00	\N
7	7	7	shipped	2024-03-01 07:00:00+00	0.00	\N
8	8	8	delivered	2024-03-01 08:00:00+00	0.00	\N
9	9	9	cancelled	2024-03-01 09:00:00+00	0.00	\N
10	10	10	pending	2024-03-01 10:00:00+00	0.00	\N
11	11	11	paid	2024-03-01 11:00:00+00	0.00	\N
12	12	12	shipped	2024-03-01 12:00:00+00	0.00	\N
13	13	13	delivered	2024-03-01 13:00:00+00	0.00	\N
14	14	14	cancelled	2024-03-01 14:00:00+00	0.00	\N
15	15	15	pending	2024-03-01 15:00:00+00	0.00	\N
16	16	16	paid	2024-03-01 16:00:00+00	0.00	\N
17	17	17	shipped	2024-03-01 17:00:00+00	0.00	\N
18	18	18	delivered	2024-03-01 18:00:00+00	0.00	\N
19	19	19	cancelled	2024-03-01 19:00:00+00	0.00	\N
20	20	20	pending	2024-03-01 20:00:00+00	0.00	\N
21	21	21	paid	2024-03-01 21:00:00+00	0.00	\N
22	22	22	shipped	2024-03-01 22:00:00+00	0.00	\N
23	23	23	delivered	2024-03-01 23:00:00+00	0.00	\N
24	24	24	cancelled	2024-03-02 00:00:00+00	0.00	\N
25	25	25	pending	2024-03-02 01:00:00+00	0.00	\N
26	26	26	paid	2024-03-02 02:00:00+00	0.00	\N
27	27	27	shipped	2024-03-02 03:00:00+00	0.00	\N
28	28	28	delivered	2024-03-02 04:00:00+00	0.00	\N
29	29	29	cancelled	2024-03-02 05:00:00+00	0.00	\N
30	30	30	pending	2024-03-02 06:00:00+00	0.00	\N
31	31	31	paid	2024-03-02 07:00:00+00	0.00	\N
32	32	32	shipped	2024-03-02 08:00:00+00	0.00	\N
33	33	33	delivered	2024-03-02 09:00:00+00	0.00	\N
34	34	34	cancelled	2024-03-02 10:00:00+00	0.00	\N
35	35	35	pending	2024-03-02 11:00:00+00	0.00	\N
36	36	36	paid	2024-03-02 12:00:00+00	0.00	\N
37	37	37	shipped	2024-03-02 13:00:00+00	0.00	\N
\.


--
-- Data for Name: payments; Type: TABLE DATA; Schema: shop; Owner: postgres
--

COPY shop.payments (id, order_id, amount, provider, provider_ref, paid_at) FROM stdin;
1	1	29.97	card	ref-1	2024-03-01 01:00:00+00
2	2	29.97	card	ref-2	2024-03-01 02:00:00+00
3	3	29.97	card	ref-3	2024-03-01 03:00:00+00
4	4	29.97	card	ref-4	2024-03-01 04:00:00+00
5	6	29.97	card	ref-6	2024-03-01 06:00:00+00
6	7	29.97	card	ref-7	2024-03-01 07:00:00+00
7	8	29.97	card	ref-8	2024-03-01 08:00:00+00
8	9	29.97	card	ref-9	2024-03-01 09:00:00+00
9	11	29.97	card	ref-11	2024-03-01 11:00:00+00
10	12	29.97	card	ref-12	2024-03-01 12:00:00+00
11	13	29.97	card	ref-13	2024-03-01 13:00:00+00
12	14	29.97	card	ref-14	2024-03-01 14:00:00+00
13	16	29.97	card	ref-16	2024-03-01 16:00:00+00
14	17	29.97	card	ref-17	2024-03-01 17:00:00+00
15	18	29.97	card	ref-18	2024-03-01 18:00:00+00
16	19	29.97	card	ref-19	2024-03-01 19:00:00+00
17	21	29.97	card	ref-21	2024-03-01 21:00:00+00
18	22	29.97	card	ref-22	2024-03-01 22:00:00+00
19	23	29.97	card	ref-23	2024-03-01 23:00:00+00
20	24	29.97	card	ref-24	2024-03-02 00:00:00+00
21	26	29.97	card	ref-26	2024-03-02 02:00:00+00
22	27	29.97	card	ref-27	2024-03-02 03:00:00+00
23	28	29.97	card	ref-28	2024-03-02 04:00:00+00
24	29	29.97	card	ref-29	2024-03-02 05:00:00+00
25	31	29.97	card	ref-31	2024-03-02 07:00:00+00
26	32	29.97	card	ref-32	2024-03-02 08:00:00+00
27	33	29.97	card	ref-33	2024-03-02 09:00:00+00
28	34	29.97	card	ref-34	2024-03-02 10:00:00+00
29	36	29.97	card	ref-36	2024-03-02 12:00:00+00
30	37	29.97	card	ref-37	2024-03-02 13:00:00+00
\.


--
-- Data for Name: product_categories; Type: TABLE DATA; Schema: shop; Owner: postgres
--

COPY shop.product_categories (product_id, category_id) FROM stdin;
1	3
2	4
3	5
4	2
5	3
6	4
7	5
8	2
9	3
10	4
11	5
12	2
13	3
14	4
15	5
16	2
17	3
18	4
19	5
20	2
21	3
22	4
23	5
24	2
25	3
26	4
27	5
28	2
29	3
30	4
31	5
32	2
33	3
34	4
35	5
36	2
37	3
38	4
39	5
40	2
41	3
42	4
43	5
44	2
45	3
46	4
47	5
48	2
49	3
50	4
51	5
52	2
53	3
54	4
55	5
56	2
57	3
58	4
59	5
60	2
\.


--
-- Data for Name: products; Type: TABLE DATA; Schema: shop; Owner: postgres
--

COPY shop.products (id, sku, name, description, price, weight_grams, attributes, discontinued_at) FROM stdin;
1	SKU-00001	Product 1	Description of product 1\twith a tab	3.25	101	{"color": "green"}	\N
2	SKU-00002	Product 2	Description of product 2\twith a tab	6.50	102	{"color": "blue"}	\N
3	SKU-00003	Product 3	Description of product 3\twith a tab	9.75	103	{"color": "red"}	\N
4	SKU-00004	Product 4	Description of product 4\twith a tab	13.00	104	{"color": "green"}	\N
5	SKU-00005	Product 5	Description of product 5\twith a tab	16.25	105	{"color": "blue"}	\N
6	SKU-00006	Product 6	Description of product 6\twith a tab	19.50	106	{"color": "red"}	\N
7	SKU-00007	Product 7	\N	22.75	107	{"color": "green"}	\N
8	SKU-00008	Product 8	Description of product 8\twith a tab	26.00	108	{"color": "blue"}	\N
9	SKU-00009	Product 9	Description of product 9\twith a tab	29.25	109	{"color": "red"}	\N
10	SKU-00010	Product 10	Description of product 10\twith a tab	32.50	110	{"color": "green"}	\N
11	SKU-00011	Product 11	Description of product 11\twith a tab	35.75	111	{"color": "blue"}	\N
12	SKU-00012	Product 12	Description of product 12\twith a tab	39.00	112	{"color": "red"}	\N
13	SKU-00013	Product 13	Description of product 13\twith a tab	42.25	113	{"color": "green"}	\N
14	SKU-00014	Product 14	\N	45.50	114	{"color": "blue"}	\N
15	SKU-00015	Product 15	Description of product 15\twith a tab	48.75	115	{"color": "red"}	\N
16	SKU-00016	Product 16	Description of product 16\twith a tab	52.00	116	{"color": "green"}	\N
17	SKU-00017	Product 17	Description of product 17\twith a tab	55.25	117	{"color": "blue"}	\N
18	SKU-00018	Product 18	Description of product 18\twith a tab	58.50	118	{"color": "red"}	\N
19	SKU-00019	Product 19	Description of product 19\twith a tab	61.75	119	{"color": "green"}	\N
20	SKU-00020	Product 20	Description of product 20\twith a tab	65.00	120	{"color": "blue"}	\N
21	SKU-00021	Product 21	\N	68.25	121	{"color": "red"}	\N
22	SKU-00022	Product 22	Description of product 22\twith a tab	71.50	122	{"color": "green"}	\N
23	SKU-00023	Product 23	Description of product 23\twith a tab	74.75	123	{"color": "blue"}	\N
24	SKU-00024	Product 24	Description of product 24\twith a tab	78.00	124	{"color": "red"}	\N
25	SKU-00025	Product 25	Description of product 25\twith a tab	81.25	125	{"color": "green"}	\N
26	SKU-00026	Product 26	Description of product 26\twith a tab	84.50	126	{"color": "blue"}	\N
27	SKU-00027	Product 27	Description of product 27\twith a tab	87.75	127	{"color": "red"}	\N
28	SKU-00028	Product 28	\N	91.00	128	{"color": "green"}	\N
29	SKU-00029	Product 29	Description of product 29\twith a tab	94.25	129	{"color": "blue"}	\N
30	SKU-00030	Product 30	Description of product 30\twith a tab	97.50	130	{"color": "red"}	\N
31	SKU-00031	Product 31	Description of product 31\twith a tab	100.75	131	{"color": "green"}	\N
32	SKU-00032	Product 32	Description of product 32\twith a tab	104.00	132	{"color": "blue"}	\N
33	SKU-00033	Product 33	Description of product 33\twith a tab	107.25	133	{"color": "red"}	\N
34	SKU-00034	Product 34	Description of product 34\twith a tab	110.50	134	{"color": "green"}	\N
35	SKU-00035	Product 35	\N	113.75	135	{"color": "blue"}	\N
36	SKU-00036	Product 36	Description of product 36\twith a tab	117.00	136	{"color": "red"}	\N
37	SKU-00037	Product 37	Description of product 37\twith a tab	120.25	137	{"color": "green"}	\N
38	SKU-00038	Product 38	Description of product 38\twith a tab	123.50	138	{"color": "blue"}	\N
39	SKU-00039	Product 39	Description of product 39\twith a tab	126.75	139	{"color": "red"}	\N
40	SKU-00040	Product 40	Description of product 40\twith a tab	130.00	140	{"color": "green"}	\N
41	SKU-00041	Product 41	Description of product 41\twith a tab	133.25	141	{"color": "blue"}	\N
42	SKU-00042	Product 42	\N	136.50	142	{"color": "red"}	\N
43	SKU-00043	Product 43	Description of product 43\twith a tab	139.75	143	{"color": "green"}	\N
44	SKU-00044	Product 44	Description of product 44\twith a tab	143.00	144	{"color": "blue"}	\N
45	SKU-00045	Product 45	Description of product 45\twith a tab	146.25	145	{"color": "red"}	\N
46	SKU-00046	Product 46	Description of product 46\twith a tab	149.50	146	{"color": "green"}	\N
47	SKU-00047	Product 47	Description of product 47\twith a tab	152.75	147	{"color": "blue"}	\N
48	SKU-00048	Product 48	Description of product 48\twith a tab	156.00	148	{"color": "red"}	\N
49	SKU-00049	Product 49	\N	159.25	149	{"color": "green"}	\N
50	SKU-00050	Product 50	Description of product 50\twith a tab	162.50	150	{"color": "blue"}	\N
51	SKU-00051	Product 51	Description of product 51\twith a tab	165.75	151	{"color": "red"}	\N
52	SKU-00052	Product 52	Description of product 52\twith a tab	169.00	152	{"color": "green"}	\N
53	SKU-00053	Product 53	Description of product 53\twith a tab	172.25	153	{"color": "blue"}	\N
54	SKU-00054	Product 54	Description of product 54\twith a tab	175.50	154	{"color": "red"}	\N
55	SKU-00055	Product 55	Description of product 55\twith a tab	178.75	155	{"color": "green"}	\N
56	SKU-00056	Product 56	\N	182.00	156	{"color": "blue"}	\N
57	SKU-00057	Product 57	Description of product 57\twith a tab	185.25	157	{"color": "red"}	\N
58	SKU-00058	Product 58	Description of product 58\twith a tab	188.50	158	{"color": "green"}	\N
59	SKU-00059	Product 59	Description of product 59\twith a tab	191.75	159	{"color": "blue"}	\N
60	SKU-00060	Product 60	Description of product 60\twith a tab	195.00	160	{"color": "red"}	\N
\.


--
-- Data for Name: reviews; Type: TABLE DATA; Schema: shop; Owner: postgres
--

COPY shop.reviews (id, product_id, customer_id, rating, body, created_at) FROM stdin;
1	2	2	2	Review 1; fine	2024-04-01 00:00:00+00
2	3	3	3	Review 2; fine	2024-04-01 00:00:00+00
3	4	4	4	\N	2024-04-01 00:00:00+00
4	5	5	5	Review 4; fine	2024-04-01 00:00:00+00
5	6	6	1	Review 5; fine	2024-04-01 00:00:00+00
6	7	7	2	\N	2024-04-01 00:00:00+00
7	8	8	3	Review 7; fine	2024-04-01 00:00:00+00
8	9	9	4	Review 8; fine	2024-04-01 00:00:00+00
9	10	10	5	\N	2024-04-01 00:00:00+00
10	11	11	1	Review 10; fine	2024-04-01 00:00:00+00
11	12	12	2	Review 11; fine	2024-04-01 00:00:00+00
12	13	13	3	\N	2024-04-01 00:00:00+00
13	14	14	4	Review 13; fine	2024-04-01 00:00:00+00
14	15	15	5	Review 14; fine	2024-04-01 00:00:00+00
15	16	16	1	\N	2024-04-01 00:00:00+00
16	17	17	2	Review 16; fine	2024-04-01 00:00:00+00
17	18	18	3	Review 17; fine	2024-04-01 00:00:00+00
18	19	19	4	\N	2024-04-01 00:00:00+00
19	20	20	5	Review 19; fine	2024-04-01 00:00:00+00
20	21	21	1	Review 20; fine	2024-04-01 00:00:00+00
21	22	22	2	\N	2024-04-01 00:00:00+00
22	23	23	3	Review 22; fine	2024-04-01 00:00:00+00
23	24	24	4	Review 23; fine	2024-04-01 00:00:00+00
24	25	25	5	\N	2024-04-01 00:00:00+00
25	26	26	1	Review 25; fine	2024-04-01 00:00:00+00
\.


--
-- Data for Name: shipments; Type: TABLE DATA; Schema: shop; Owner: postgres
--

COPY shop.shipments (id, order_id, warehouse_code, tracking_no, shipped_at) FROM stdin;
\.


--
-- Data for Name: warehouses; Type: TABLE DATA; Schema: shop; Owner: postgres
--

COPY shop.warehouses (code, city) FROM stdin;
BER	Berlin
HAM	Hamburg
\.


--
-- Name: api_keys_id_seq; Type: SEQUENCE SET; Schema: auth; Owner: postgres
--

SELECT pg_catalog.setval('auth.api_keys_id_seq', 1, false);


--
-- Name: audit_log_id_seq; Type: SEQUENCE SET; Schema: auth; Owner: postgres
--

SELECT pg_catalog.setval('auth.audit_log_id_seq', 3, true);


--
-- Name: roles_id_seq; Type: SEQUENCE SET; Schema: auth; Owner: postgres
--

SELECT pg_catalog.setval('auth.roles_id_seq', 3, true);


--
-- Name: users_id_seq; Type: SEQUENCE SET; Schema: auth; Owner: postgres
--

SELECT pg_catalog.setval('auth.users_id_seq', 40, true);


--
-- Name: addresses_id_seq; Type: SEQUENCE SET; Schema: shop; Owner: postgres
--

SELECT pg_catalog.setval('shop.addresses_id_seq', 37, true);


--
-- Name: categories_id_seq; Type: SEQUENCE SET; Schema: shop; Owner: postgres
--

SELECT pg_catalog.setval('shop.categories_id_seq', 5, true);


--
-- Name: customers_id_seq; Type: SEQUENCE SET; Schema: shop; Owner: postgres
--

SELECT pg_catalog.setval('shop.customers_id_seq', 37, true);


--
-- Name: orders_id_seq; Type: SEQUENCE SET; Schema: shop; Owner: postgres
--

SELECT pg_catalog.setval('shop.orders_id_seq', 37, true);


--
-- Name: payments_id_seq; Type: SEQUENCE SET; Schema: shop; Owner: postgres
--

SELECT pg_catalog.setval('shop.payments_id_seq', 30, true);


--
-- Name: products_id_seq; Type: SEQUENCE SET; Schema: shop; Owner: postgres
--

SELECT pg_catalog.setval('shop.products_id_seq', 60, true);


--
-- Name: reviews_id_seq; Type: SEQUENCE SET; Schema: shop; Owner: postgres
--

SELECT pg_catalog.setval('shop.reviews_id_seq', 25, true);


--
-- Name: shipments_id_seq; Type: SEQUENCE SET; Schema: shop; Owner: postgres
--

SELECT pg_catalog.setval('shop.shipments_id_seq', 1, false);


--
-- Name: api_keys api_keys_pkey; Type: CONSTRAINT; Schema: auth; Owner: postgres
--

ALTER TABLE ONLY auth.api_keys
    ADD CONSTRAINT api_keys_pkey PRIMARY KEY (id);


--
-- Name: api_keys api_keys_prefix_key; Type: CONSTRAINT; Schema: auth; Owner: postgres
--

ALTER TABLE ONLY auth.api_keys
    ADD CONSTRAINT api_keys_prefix_key UNIQUE (prefix);


--
-- Name: audit_log audit_log_pkey; Type: CONSTRAINT; Schema: auth; Owner: postgres
--

ALTER TABLE ONLY auth.audit_log
    ADD CONSTRAINT audit_log_pkey PRIMARY KEY (id);


--
-- Name: password_resets password_resets_pkey; Type: CONSTRAINT; Schema: auth; Owner: postgres
--

ALTER TABLE ONLY auth.password_resets
    ADD CONSTRAINT password_resets_pkey PRIMARY KEY (token);


--
-- Name: roles roles_name_key; Type: CONSTRAINT; Schema: auth; Owner: postgres
--

ALTER TABLE ONLY auth.roles
    ADD CONSTRAINT roles_name_key UNIQUE (name);


--
-- Name: roles roles_pkey; Type: CONSTRAINT; Schema: auth; Owner: postgres
--

ALTER TABLE ONLY auth.roles
    ADD CONSTRAINT roles_pkey PRIMARY KEY (id);


--
-- Name: sessions sessions_pkey; Type: CONSTRAINT; Schema: auth; Owner: postgres
--

ALTER TABLE ONLY auth.sessions
    ADD CONSTRAINT sessions_pkey PRIMARY KEY (id);


--
-- Name: user_roles user_roles_pkey; Type: CONSTRAINT; Schema: auth; Owner: postgres
--

ALTER TABLE ONLY auth.user_roles
    ADD CONSTRAINT user_roles_pkey PRIMARY KEY (user_id, role_id);


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: auth; Owner: postgres
--

ALTER TABLE ONLY auth.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);


--
-- Name: schema_migrations schema_migrations_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.schema_migrations
    ADD CONSTRAINT schema_migrations_pkey PRIMARY KEY (version);


--
-- Name: Wishlist Wishlist_pkey; Type: CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop."Wishlist"
    ADD CONSTRAINT "Wishlist_pkey" PRIMARY KEY ("customerId", "productId");


--
-- Name: addresses addresses_pkey; Type: CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.addresses
    ADD CONSTRAINT addresses_pkey PRIMARY KEY (id);


--
-- Name: cart_items cart_items_pkey; Type: CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.cart_items
    ADD CONSTRAINT cart_items_pkey PRIMARY KEY (cart_id, product_id);


--
-- Name: carts carts_pkey; Type: CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.carts
    ADD CONSTRAINT carts_pkey PRIMARY KEY (id);


--
-- Name: categories categories_pkey; Type: CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.categories
    ADD CONSTRAINT categories_pkey PRIMARY KEY (id);


--
-- Name: categories categories_slug_key; Type: CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.categories
    ADD CONSTRAINT categories_slug_key UNIQUE (slug);


--
-- Name: coupons coupons_pkey; Type: CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.coupons
    ADD CONSTRAINT coupons_pkey PRIMARY KEY (code);


--
-- Name: customers customers_pkey; Type: CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.customers
    ADD CONSTRAINT customers_pkey PRIMARY KEY (id);


--
-- Name: customers customers_user_id_key; Type: CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.customers
    ADD CONSTRAINT customers_user_id_key UNIQUE (user_id);


--
-- Name: inventory inventory_pkey; Type: CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.inventory
    ADD CONSTRAINT inventory_pkey PRIMARY KEY (warehouse_code, product_id);


--
-- Name: order_coupons order_coupons_pkey; Type: CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.order_coupons
    ADD CONSTRAINT order_coupons_pkey PRIMARY KEY (order_id, coupon_code);


--
-- Name: order_items order_items_pkey; Type: CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.order_items
    ADD CONSTRAINT order_items_pkey PRIMARY KEY (order_id, line_no);


--
-- Name: orders orders_pkey; Type: CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.orders
    ADD CONSTRAINT orders_pkey PRIMARY KEY (id);


--
-- Name: payments payments_pkey; Type: CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.payments
    ADD CONSTRAINT payments_pkey PRIMARY KEY (id);


--
-- Name: payments payments_provider_provider_ref_key; Type: CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.payments
    ADD CONSTRAINT payments_provider_provider_ref_key UNIQUE (provider, provider_ref);


--
-- Name: product_categories product_categories_pkey; Type: CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.product_categories
    ADD CONSTRAINT product_categories_pkey PRIMARY KEY (product_id, category_id);


--
-- Name: products products_pkey; Type: CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.products
    ADD CONSTRAINT products_pkey PRIMARY KEY (id);


--
-- Name: products products_sku_key; Type: CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.products
    ADD CONSTRAINT products_sku_key UNIQUE (sku);


--
-- Name: reviews reviews_pkey; Type: CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.reviews
    ADD CONSTRAINT reviews_pkey PRIMARY KEY (id);


--
-- Name: shipments shipments_pkey; Type: CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.shipments
    ADD CONSTRAINT shipments_pkey PRIMARY KEY (id);


--
-- Name: warehouses warehouses_pkey; Type: CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.warehouses
    ADD CONSTRAINT warehouses_pkey PRIMARY KEY (code);


--
-- Name: audit_log_details_idx; Type: INDEX; Schema: auth; Owner: postgres
--

CREATE INDEX audit_log_details_idx ON auth.audit_log USING gin (details);


--
-- Name: sessions_expires_at_idx; Type: INDEX; Schema: auth; Owner: postgres
--

CREATE INDEX sessions_expires_at_idx ON auth.sessions USING btree (expires_at) WHERE (expires_at IS NOT NULL);


--
-- Name: sessions_user_id_idx; Type: INDEX; Schema: auth; Owner: postgres
--

CREATE INDEX sessions_user_id_idx ON auth.sessions USING btree (user_id);


--
-- Name: user_roles_role_id_idx; Type: INDEX; Schema: auth; Owner: postgres
--

CREATE INDEX user_roles_role_id_idx ON auth.user_roles USING btree (role_id);


--
-- Name: users_email_lower_key; Type: INDEX; Schema: auth; Owner: postgres
--

CREATE UNIQUE INDEX users_email_lower_key ON auth.users USING btree (lower((email)::text));


--
-- Name: orders_customer_id_idx; Type: INDEX; Schema: shop; Owner: postgres
--

CREATE INDEX orders_customer_id_idx ON shop.orders USING btree (customer_id);


--
-- Name: orders_open_idx; Type: INDEX; Schema: shop; Owner: postgres
--

CREATE INDEX orders_open_idx ON shop.orders USING btree (placed_at DESC) WHERE (status = ANY (ARRAY['pending'::shop.order_status, 'paid'::shop.order_status]));


--
-- Name: products_live_name_idx; Type: INDEX; Schema: shop; Owner: postgres
--

CREATE INDEX products_live_name_idx ON shop.products USING btree (name) WHERE (discontinued_at IS NULL);


--
-- Name: reviews_product_rating_idx; Type: INDEX; Schema: shop; Owner: postgres
--

CREATE INDEX reviews_product_rating_idx ON shop.reviews USING btree (product_id, rating DESC);


--
-- Name: orders orders_touch; Type: TRIGGER; Schema: shop; Owner: postgres
--

CREATE TRIGGER orders_touch BEFORE UPDATE ON shop.orders FOR EACH ROW EXECUTE FUNCTION shop.touch_updated_at();


--
-- Name: api_keys api_keys_user_fkey; Type: FK CONSTRAINT; Schema: auth; Owner: postgres
--

ALTER TABLE ONLY auth.api_keys
    ADD CONSTRAINT api_keys_user_fkey FOREIGN KEY (user_id) REFERENCES auth.users(id) ON DELETE CASCADE;


--
-- Name: audit_log audit_log_user_id_fkey; Type: FK CONSTRAINT; Schema: auth; Owner: postgres
--

ALTER TABLE ONLY auth.audit_log
    ADD CONSTRAINT audit_log_user_id_fkey FOREIGN KEY (user_id) REFERENCES auth.users(id) ON DELETE SET NULL;


--
-- Name: password_resets password_resets_user_id_fkey; Type: FK CONSTRAINT; Schema: auth; Owner: postgres
--

ALTER TABLE ONLY auth.password_resets
    ADD CONSTRAINT password_resets_user_id_fkey FOREIGN KEY (user_id) REFERENCES auth.users(id) ON DELETE CASCADE;


--
-- Name: sessions sessions_user_id_fkey; Type: FK CONSTRAINT; Schema: auth; Owner: postgres
--

ALTER TABLE ONLY auth.sessions
    ADD CONSTRAINT sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES auth.users(id) ON DELETE CASCADE;


--
-- Name: user_roles user_roles_role_id_fkey; Type: FK CONSTRAINT; Schema: auth; Owner: postgres
--

ALTER TABLE ONLY auth.user_roles
    ADD CONSTRAINT user_roles_role_id_fkey FOREIGN KEY (role_id) REFERENCES auth.roles(id) ON DELETE RESTRICT;


--
-- Name: user_roles user_roles_user_id_fkey; Type: FK CONSTRAINT; Schema: auth; Owner: postgres
--

ALTER TABLE ONLY auth.user_roles
    ADD CONSTRAINT user_roles_user_id_fkey FOREIGN KEY (user_id) REFERENCES auth.users(id) ON DELETE CASCADE;


--
-- Name: Wishlist Wishlist_customerId_fkey; Type: FK CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop."Wishlist"
    ADD CONSTRAINT "Wishlist_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES shop.customers(id) ON DELETE CASCADE;


--
-- Name: Wishlist Wishlist_productId_fkey; Type: FK CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop."Wishlist"
    ADD CONSTRAINT "Wishlist_productId_fkey" FOREIGN KEY ("productId") REFERENCES shop.products(id) ON DELETE CASCADE;


--
-- Name: addresses addresses_customer_id_fkey; Type: FK CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.addresses
    ADD CONSTRAINT addresses_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES shop.customers(id) ON DELETE CASCADE;


--
-- Name: cart_items cart_items_cart_id_fkey; Type: FK CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.cart_items
    ADD CONSTRAINT cart_items_cart_id_fkey FOREIGN KEY (cart_id) REFERENCES shop.carts(id) ON DELETE CASCADE;


--
-- Name: cart_items cart_items_product_id_fkey; Type: FK CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.cart_items
    ADD CONSTRAINT cart_items_product_id_fkey FOREIGN KEY (product_id) REFERENCES shop.products(id);


--
-- Name: carts carts_customer_id_fkey; Type: FK CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.carts
    ADD CONSTRAINT carts_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES shop.customers(id) ON DELETE CASCADE;


--
-- Name: categories categories_parent_id_fkey; Type: FK CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.categories
    ADD CONSTRAINT categories_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES shop.categories(id) ON DELETE SET NULL;


--
-- Name: customers customers_user_id_fkey; Type: FK CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.customers
    ADD CONSTRAINT customers_user_id_fkey FOREIGN KEY (user_id) REFERENCES auth.users(id) ON DELETE SET NULL;


--
-- Name: inventory inventory_product_id_fkey; Type: FK CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.inventory
    ADD CONSTRAINT inventory_product_id_fkey FOREIGN KEY (product_id) REFERENCES shop.products(id);


--
-- Name: inventory inventory_warehouse_code_fkey; Type: FK CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.inventory
    ADD CONSTRAINT inventory_warehouse_code_fkey FOREIGN KEY (warehouse_code) REFERENCES shop.warehouses(code) ON UPDATE CASCADE;


--
-- Name: order_coupons order_coupons_coupon_code_fkey; Type: FK CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.order_coupons
    ADD CONSTRAINT order_coupons_coupon_code_fkey FOREIGN KEY (coupon_code) REFERENCES shop.coupons(code) ON UPDATE CASCADE ON DELETE RESTRICT;


--
-- Name: order_coupons order_coupons_order_id_fkey; Type: FK CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.order_coupons
    ADD CONSTRAINT order_coupons_order_id_fkey FOREIGN KEY (order_id) REFERENCES shop.orders(id) ON DELETE CASCADE;


--
-- Name: order_items order_items_order_id_fkey; Type: FK CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.order_items
    ADD CONSTRAINT order_items_order_id_fkey FOREIGN KEY (order_id) REFERENCES shop.orders(id) ON DELETE CASCADE;


--
-- Name: order_items order_items_product_id_fkey; Type: FK CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.order_items
    ADD CONSTRAINT order_items_product_id_fkey FOREIGN KEY (product_id) REFERENCES shop.products(id) ON DELETE RESTRICT;


--
-- Name: orders orders_customer_id_fkey; Type: FK CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.orders
    ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES shop.customers(id);


--
-- Name: orders orders_shipping_address_id_fkey; Type: FK CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.orders
    ADD CONSTRAINT orders_shipping_address_id_fkey FOREIGN KEY (shipping_address_id) REFERENCES shop.addresses(id) ON DELETE SET NULL;


--
-- Name: payments payments_order_id_fkey; Type: FK CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.payments
    ADD CONSTRAINT payments_order_id_fkey FOREIGN KEY (order_id) REFERENCES shop.orders(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: product_categories product_categories_category_id_fkey; Type: FK CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.product_categories
    ADD CONSTRAINT product_categories_category_id_fkey FOREIGN KEY (category_id) REFERENCES shop.categories(id) ON DELETE CASCADE;


--
-- Name: product_categories product_categories_product_id_fkey; Type: FK CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.product_categories
    ADD CONSTRAINT product_categories_product_id_fkey FOREIGN KEY (product_id) REFERENCES shop.products(id) ON DELETE CASCADE;


--
-- Name: reviews reviews_customer_id_fkey; Type: FK CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.reviews
    ADD CONSTRAINT reviews_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES shop.customers(id) ON DELETE SET NULL;


--
-- Name: reviews reviews_product_id_fkey; Type: FK CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.reviews
    ADD CONSTRAINT reviews_product_id_fkey FOREIGN KEY (product_id) REFERENCES shop.products(id) ON DELETE CASCADE;


--
-- Name: shipments shipments_order_id_fkey; Type: FK CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.shipments
    ADD CONSTRAINT shipments_order_id_fkey FOREIGN KEY (order_id) REFERENCES shop.orders(id) ON DELETE CASCADE;


--
-- Name: shipments shipments_warehouse_code_fkey; Type: FK CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.shipments
    ADD CONSTRAINT shipments_warehouse_code_fkey FOREIGN KEY (warehouse_code) REFERENCES shop.warehouses(code);


--
-- Name: SCHEMA shop; Type: ACL; Schema: -; Owner: postgres
--

GRANT USAGE ON SCHEMA shop TO PUBLIC;


--
-- Name: TABLE categories; Type: ACL; Schema: shop; Owner: postgres
--

GRANT SELECT ON TABLE shop.categories TO PUBLIC;


--
-- Name: TABLE products; Type: ACL; Schema: shop; Owner: postgres
--

GRANT SELECT ON TABLE shop.products TO PUBLIC;


--
-- PostgreSQL database dump complete
--

\unrestrict relmapShopDumpFixture0123456789abcdefghijklmnopqrstuvwxyzABCDEF

