-- Covers: composite primary keys, composite unique constraints, composite foreign keys (in and out of column order), a junction table.
CREATE TABLE tenants (
    id integer PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE projects (
    tenant_id integer NOT NULL REFERENCES tenants (id),
    project_no integer NOT NULL,
    title text NOT NULL,
    PRIMARY KEY (tenant_id, project_no),
    UNIQUE (tenant_id, title)
);

CREATE TABLE tasks (
    tenant_id integer NOT NULL,
    project_no integer NOT NULL,
    task_no integer NOT NULL,
    summary text,
    CONSTRAINT tasks_pkey PRIMARY KEY (tenant_id, project_no, task_no),
    CONSTRAINT tasks_project_fkey FOREIGN KEY (tenant_id, project_no)
        REFERENCES projects (tenant_id, project_no) ON DELETE CASCADE
);

-- Key columns listed in another order than the referenced key's.
CREATE TABLE task_links (
    tenant_id integer NOT NULL,
    from_project integer NOT NULL,
    from_task integer NOT NULL,
    to_project integer NOT NULL,
    to_task integer NOT NULL,
    PRIMARY KEY (tenant_id, from_project, from_task, to_project, to_task),
    FOREIGN KEY (tenant_id, from_project, from_task) REFERENCES tasks (tenant_id, project_no, task_no),
    FOREIGN KEY (to_task, to_project, tenant_id) REFERENCES tasks (task_no, project_no, tenant_id),
    UNIQUE (from_task, to_task, tenant_id, from_project, to_project)
);

CREATE TABLE labels (
    id integer PRIMARY KEY,
    name text UNIQUE
);

CREATE TABLE task_labels (
    tenant_id integer NOT NULL,
    project_no integer NOT NULL,
    task_no integer NOT NULL,
    label_id integer NOT NULL REFERENCES labels,
    PRIMARY KEY (tenant_id, project_no, task_no, label_id),
    FOREIGN KEY (tenant_id, project_no, task_no) REFERENCES tasks
);
