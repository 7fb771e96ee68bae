-- Views are listed with their columns, and have no keys.
CREATE TABLE authors (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE books (
    id        INTEGER PRIMARY KEY,
    author_id INTEGER NOT NULL REFERENCES authors (id),
    title     TEXT NOT NULL
);
CREATE INDEX books_author ON books (author_id);

CREATE VIEW book_list AS
    SELECT b.id, b.title, a.name AS author
    FROM books b JOIN authors a ON a.id = b.author_id;

CREATE VIEW author_counts (author_id, n) AS
    SELECT author_id, count(*) FROM books GROUP BY author_id;
