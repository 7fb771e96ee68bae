-- DEFERRABLE clauses on foreign keys, and a cycle that one of them breaks.
CREATE TABLE departments (
    id         INTEGER PRIMARY KEY,
    manager_id INTEGER NOT NULL
        REFERENCES employees (id) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE employees (
    id            INTEGER PRIMARY KEY,
    department_id INTEGER NOT NULL REFERENCES departments (id),
    mentor_id     INTEGER REFERENCES employees (id) DEFERRABLE,
    buddy_id      INTEGER,
    FOREIGN KEY (buddy_id) REFERENCES employees (id)
        NOT DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX employees_department ON employees (department_id);
CREATE INDEX employees_mentor ON employees (mentor_id);
CREATE INDEX employees_buddy ON employees (buddy_id);
CREATE INDEX departments_manager ON departments (manager_id);
