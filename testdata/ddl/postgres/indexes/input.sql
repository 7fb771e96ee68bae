-- Covers: partial and expression indexes, CREATE INDEX USING btree/gin/hash, UNIQUE indexes, IF NOT EXISTS, CONCURRENTLY, INCLUDE, DESC NULLS LAST, opclasses, an index created without a name.
CREATE TABLE accounts (
    id integer PRIMARY KEY,
    email character varying(255) NOT NULL,
    tenant_id integer NOT NULL,
    deleted_at timestamp with time zone,
    tags text[],
    score numeric(8,2),
    nickname text
);

CREATE UNIQUE INDEX accounts_email_live ON accounts USING btree (lower((email)::text)) WHERE (deleted_at IS NULL);
CREATE INDEX accounts_tenant_idx ON public.accounts USING btree (tenant_id);
CREATE INDEX IF NOT EXISTS accounts_tenant_score ON accounts (tenant_id, score DESC NULLS LAST);
CREATE INDEX CONCURRENTLY accounts_deleted ON accounts (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX accounts_tags ON accounts USING gin (tags);
CREATE INDEX accounts_nick_hash ON ONLY accounts USING hash (nickname);
CREATE INDEX accounts_email_pattern ON accounts (email varchar_pattern_ops);
CREATE UNIQUE INDEX accounts_tenant_email ON accounts (tenant_id, email) INCLUDE (nickname);
CREATE INDEX accounts_domain ON accounts ((split_part(email, '@', 2)), id);
CREATE INDEX ON accounts (score);
