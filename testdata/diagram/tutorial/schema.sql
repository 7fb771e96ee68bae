-- The demo schema: the SQLAlchemy tutorial's users/addresses and
-- students/courses, as a team might have shipped it to production, with
-- the pitfalls relmap exists to find planted in it. `scripts/demo` loads
-- this into build/demo.db and runs `relmap check` on it.

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    fullname TEXT,
    email TEXT NOT NULL UNIQUE
);

-- One-to-many with ON DELETE CASCADE. Pitfalls: SQLite ignores the cascade
-- unless each connection runs PRAGMA foreign_keys = ON (SQLITE001), and
-- nothing indexes user_id, so every delete of a user scans addresses (FK006).
CREATE TABLE addresses (
    id INTEGER PRIMARY KEY,
    email_address TEXT NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE
);

CREATE TABLE students (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);

-- Pitfall: ON DELETE SET NULL on a NOT NULL column (FK007): deleting a
-- teacher fails instead of clearing the course's teacher.
CREATE TABLE courses (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    teacher_id INTEGER NOT NULL REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX ix_courses_teacher_id ON courses (teacher_id);

-- The many-to-many association table. Pitfall: no primary key or unique
-- constraint over (student_id, course_id), so a student can be enrolled in
-- the same course twice (JT001).
CREATE TABLE enrollments (
    student_id INTEGER NOT NULL REFERENCES students (id) ON DELETE CASCADE,
    course_id INTEGER NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    enrolled_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX ix_enrollments_student_id ON enrollments (student_id);
CREATE INDEX ix_enrollments_course_id ON enrollments (course_id);

INSERT INTO users (id, name, fullname, email) VALUES
    (1, 'spongebob', 'Spongebob Squarepants', 'spongebob@sqlalchemy.org'),
    (2, 'sandy', 'Sandy Cheeks', 'sandy@sqlalchemy.org'),
    (3, 'patrick', 'Patrick Star', 'patrick@sqlalchemy.org');

-- Pitfall: orphan rows (SQLITE002). User 4 was deleted on a connection
-- without PRAGMA foreign_keys = ON, so the cascade never ran.
INSERT INTO addresses (id, email_address, user_id) VALUES
    (1, 'spongebob@sqlalchemy.org', 1),
    (2, 'sandy@sqlalchemy.org', 2),
    (3, 'sandy@squirrelpower.org', 2),
    (4, 'squidward@sqlalchemy.org', 4),
    (5, 'squidward@clarinet.org', 4);

INSERT INTO students (id, name) VALUES (1, 'Patrick'), (2, 'Spongebob');
INSERT INTO courses (id, title, teacher_id) VALUES (1, 'Boating', 2), (2, 'Karate', 2);
INSERT INTO enrollments (student_id, course_id) VALUES (1, 1), (2, 1), (2, 2), (2, 2);
