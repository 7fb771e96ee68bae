#!/usr/bin/env python3
"""The py_ast_oracle test: for every .py file under the given folders
(recursively, so new files count without edits), the outline printed by
relmap's parser (tests/tools/py_outline.c) must equal the one Python's ast
gives (ast_outline.py). A file ast cannot parse is skipped with a note.

usage: ast_oracle.py PY_OUTLINE_BINARY FOLDER...
"""
import difflib
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ast_outline  # noqa: E402


def python_files(roots):
    for root in roots:
        for folder, dirs, files in os.walk(root):
            dirs.sort()
            for name in sorted(files):
                if name.endswith(".py"):
                    yield os.path.join(folder, name)


def main():
    if len(sys.argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    binary, roots = sys.argv[1], sys.argv[2:]
    checked = skipped = failed = 0
    for path in python_files(roots):
        try:
            expected = ast_outline.outline(path)
        except (SyntaxError, ValueError) as e:
            print("note: %s skipped, ast cannot parse it (%s)" % (path, e))
            skipped += 1
            continue
        run = subprocess.run([binary, path], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        got = run.stdout.decode("utf-8", "replace").splitlines()
        checked += 1
        if got == expected and run.returncode == 0:
            continue
        failed += 1
        print("FAIL %s (py_outline exit %d)" % (path, run.returncode))
        for i, (a, b) in enumerate(zip(expected, got)):
            if a != b:
                print("  first difference at outline entry %d:\n    ast:    %s\n    relmap: %s"
                      % (i + 1, a, b))
                break
        diff = list(difflib.unified_diff(expected, got, "ast", "relmap", lineterm="", n=1))
        for line in diff[:40]:
            print("  " + line)
        if len(diff) > 40:
            print("  ... %d more diff lines" % (len(diff) - 40))
    print("py_ast_oracle: %d files checked, %d skipped, %d differ" % (checked, skipped, failed))
    if checked == 0:
        print("py_ast_oracle: no Python files found under %s" % ", ".join(roots))
        return 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
