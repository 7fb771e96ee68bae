-- Covers: DEFERRABLE INITIALLY DEFERRED, DEFERRABLE INITIALLY IMMEDIATE, NOT DEFERRABLE, on inline references, table constraints and ALTER TABLE.
CREATE TABLE nodes (
    id integer PRIMARY KEY,
    parent_id integer REFERENCES nodes (id) DEFERRABLE INITIALLY DEFERRED,
    first_child_id integer,
    next_id integer REFERENCES nodes (id) ON DELETE SET NULL DEFERRABLE,
    prev_id integer REFERENCES nodes (id) NOT DEFERRABLE INITIALLY IMMEDIATE
);

CREATE TABLE edges (
    a integer NOT NULL,
    b integer NOT NULL,
    PRIMARY KEY (a, b),
    CONSTRAINT edges_a_fkey FOREIGN KEY (a) REFERENCES nodes (id)
        ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT edges_b_fkey FOREIGN KEY (b) REFERENCES nodes (id)
        DEFERRABLE INITIALLY IMMEDIATE
);

ALTER TABLE ONLY nodes
    ADD CONSTRAINT nodes_first_child_fkey FOREIGN KEY (first_child_id) REFERENCES nodes(id) DEFERRABLE INITIALLY DEFERRED;
