-- Covers: every ON DELETE and ON UPDATE action (CASCADE, SET NULL, SET DEFAULT, RESTRICT, NO ACTION, not written), inline and as table constraints.
CREATE TABLE parents (
    id integer PRIMARY KEY,
    code text NOT NULL UNIQUE
);

CREATE TABLE children (
    id integer PRIMARY KEY,
    p_cascade integer REFERENCES parents (id) ON DELETE CASCADE,
    p_set_null integer REFERENCES parents (id) ON DELETE SET NULL,
    p_set_default integer DEFAULT 0 REFERENCES parents (id) ON DELETE SET DEFAULT,
    p_restrict integer REFERENCES parents (id) ON DELETE RESTRICT,
    p_no_action integer REFERENCES parents (id) ON DELETE NO ACTION,
    p_plain integer REFERENCES parents (id),
    p_both integer REFERENCES parents (id) ON UPDATE CASCADE ON DELETE SET NULL,
    p_code text,
    p_code2 text,
    CONSTRAINT children_code_fkey FOREIGN KEY (p_code) REFERENCES parents (code)
        ON UPDATE CASCADE ON DELETE RESTRICT,
    CONSTRAINT children_code2_fkey FOREIGN KEY (p_code2) REFERENCES parents (code)
        MATCH SIMPLE ON UPDATE SET NULL ON DELETE NO ACTION
);

CREATE TABLE grandchildren (
    id integer PRIMARY KEY,
    child_id integer NOT NULL,
    FOREIGN KEY (child_id) REFERENCES children ON UPDATE RESTRICT ON DELETE CASCADE
);

CREATE TABLE defaults_on_update (
    id integer PRIMARY KEY,
    parent_id integer DEFAULT 0,
    CONSTRAINT d_fkey FOREIGN KEY (parent_id) REFERENCES parents (id)
        MATCH FULL ON UPDATE SET DEFAULT ON DELETE SET DEFAULT
);
