-- Names that must stay text in every format: markup, quotes, unicode,
-- a control character. The key of "<script>" names a table that does not
-- exist (FK001), so its name appears in a message and a source line.
CREATE TABLE "<script>" (
    id INTEGER PRIMARY KEY,
    "a ""quoted"" col" TEXT,
    "café" TEXT,
    "tab	name" INTEGER REFERENCES "<img src=x onerror=alert(1)>"(id)
);
CREATE TABLE "ünïcödé ✓" (
    id INTEGER PRIMARY KEY,
    "bell" INTEGER REFERENCES "<script>"(id)
);
-- Invalid UTF-8 (0xFF, 0xFE) and an escape sequence in names: shown as
-- U+FFFD and \x1B, never passed to the terminal or into JSON as they are.
CREATE TABLE "bad�[31mred" (id INTEGER PRIMARY KEY, x INTEGER REFERENCES "nope�"(id));
