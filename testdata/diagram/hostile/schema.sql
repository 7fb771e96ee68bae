-- Names that must stay text in every format: markup, quotes and
-- ampersands, an entity, Creole and PlantUML preprocessor syntax, Mermaid
-- comment and DBML quoting characters, and a newline inside a name.
CREATE TABLE "<script>alert(1)</script>" (
    "id" INTEGER PRIMARY KEY,
    "a""b&c" TEXT NOT NULL DEFAULT 'it''s',
    "x&nbsp;y" "weird ""type""" UNIQUE
);
CREATE TABLE "!include /etc/passwd" (
    "--strike--" INTEGER PRIMARY KEY,
    "%getenv(""HOME"") \ `tick`" INTEGER
        REFERENCES "<script>alert(1)</script>" ("id") ON DELETE CASCADE,
    "line
break" TEXT
);
CREATE TABLE "Table" (
    "Ref" INTEGER REFERENCES "!include /etc/passwd" ("--strike--"),
    "note" TEXT
);
