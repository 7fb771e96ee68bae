"""sa_import.py - what SQLAlchemy itself does with a generated models package.

Run by bench/run with Debian's /usr/bin/python3 (python3-sqlalchemy):
imports every module of the package (PKG on sys.path, base first), calls
configure_mappers() and create_all() on an in-memory SQLite engine, and
prints the seconds each step took as one JSON object. SQLAlchemy's own
warnings (overlapping relationships, unsortable cycles) are counted, not
printed.

Usage: python3 sa_import.py PKG
"""

import json
import os
import sys
import time
import warnings


def main():
    pkg = sys.argv[1]
    t0 = time.perf_counter()
    import sqlalchemy
    from sqlalchemy.orm import configure_mappers

    t1 = time.perf_counter()
    sys.path.insert(0, pkg)
    names = sorted(f[:-3] for f in os.listdir(pkg) if f.endswith(".py"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        modules = [__import__(name) for name in names]
        t2 = time.perf_counter()
        configure_mappers()
        t3 = time.perf_counter()
        engine = sqlalchemy.create_engine("sqlite://")
        modules[names.index("base")].Base.metadata.create_all(engine)
        t4 = time.perf_counter()
    print(json.dumps({
        "sqlalchemy": sqlalchemy.__version__,
        "import_sqlalchemy": t1 - t0,
        "import_models": t2 - t1,
        "configure": t3 - t2,
        "create_all": t4 - t3,
        "warnings": len(caught),
    }))


if __name__ == "__main__":
    main()
