#!/usr/bin/python3
"""sa_compare.py - compare `relmap dump` with what SQLAlchemy itself builds.

For every model case (a directory of .py files under testdata/models/) this
runs the SQLAlchemy oracle (sa_oracle.py, which imports the files in a fresh
interpreter) and `relmap dump CASE_DIR` (which reads them statically), and
compares the two models:

  tables         (schema, name); per table the columns (name, nullable,
                 primary_key, and the type when both sides give one: case
                 and whitespace ignored) and the primary-key column list
  foreign keys   per table, the set of (columns, ref_table, ref_columns,
                 ON DELETE, ON UPDATE), actions upper-cased
  classes        class name -> table name
  relationships  (class, attribute) -> target, direction, uselist,
                 secondary table, from_backref, partner (SQLAlchemy's
                 back_populates after configure)

Cases with an `oracle-skip` file are skipped. A case whose files fail to
import under SQLAlchemy is a broken fixture: it fails. A case where
SQLAlchemy fails later (configure, create_all, fk_check, drop_all) is an
"error case": only tables and foreign keys are compared, and when the
configure error is an unresolvable relationship (no or ambiguous join path,
unknown target, unknown secondary or FK target) relmap must report at least
one relationship with direction null.

Findings mode (--findings): instead of the models, compares what SQLAlchemy
raises with what `relmap check --format json` reports, for every case folder
(under testdata/models and testdata/rules; `oracle-skip` ones are skipped):

  error case     for each error SQLAlchemy raises at configure, create_all or
                 fk_check, relmap must report an error-severity finding of
                 the matching rule (SA_RULES maps exception types and
                 messages to rule ids). A rule that is not in relmap's
                 catalogue yet is listed as "rule not yet implemented" and
                 skipped, not failed; an error no entry maps is listed too.
  probe          a case with a file `probe-expect` (JSON) must have its
                 oracle_probe() give exactly that: the run-time failure a
                 pitfall causes, shown with real SQLAlchemy on SQLite.
  clean case     when SQLAlchemy reports no error and no warning, and the
                 case is not a pitfall case (a folder named pit_*, a
                 rules case named *-fires*, or one with a file `pitfall`
                 naming the pitfall), relmap must report nothing of
                 severity warning or above; each such finding is printed.

Usage
  sa_compare.py --relmap BUILD/relmap CASE_DIR...
  sa_compare.py --relmap BUILD/relmap --all testdata/models
  sa_compare.py --relmap BUILD/relmap --explain testdata/models/CASE
Options
  --oracle PATH   sa_oracle.py (default: ../shared/tools/sa_oracle.py
                  relative to the repository root)
  --timeout S     per-case timeout of the oracle and of relmap (default 60)
  --findings      the findings mode above (with --all, given once per area)
Exit status: 0 all compared cases agree, 1 some case differs or failed,
2 usage error or the oracle itself could not run.

Standard library only; nothing is cached.
"""

import argparse
import json
import os
import subprocess
import sys

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_ORACLE = os.path.join(REPO_ROOT, os.pardir, "shared", "tools", "sa_oracle.py")

# Oracle phases after import: an error there makes an "error case".
LATE_PHASES = ("configure", "create_all", "fk_check", "drop_all")

# Configure errors that mean "this relationship cannot be resolved" (relmap
# must then leave some direction null). Others (a backref clashing with an
# attribute, back_populates naming a non-relationship, a delete-orphan
# cascade on the wrong side) are declaration conflicts: relmap can still
# resolve the join. (back_populates naming a missing attribute is a
# declaration conflict too: the direction still follows from the keys.)
UNRESOLVED_TYPES = ("NoForeignKeysError", "AmbiguousForeignKeysError",
                    "NoReferencedTableError", "NoReferencedColumnError",
                    "UnmappedClassError")
UNRESOLVED_TEXT = ("failed to locate a name", "could not determine join condition",
                   "could not locate any relevant foreign key",
                   "could not determine relationship direction",
                   "expects a class or a mapper", "is not mapped",
                   "could not find table", "could not initialize target column")


# --------------------------------------------------------------------------
# normalisation: both sides into one plain shape
# --------------------------------------------------------------------------

def _norm_type(t):
    if t is None:
        return None
    t = " ".join(str(t).split()).upper()
    return t.replace(" (", "(").replace("( ", "(").replace(" )", ")").replace(", ", ",") or None


def _norm_action(a):
    if a is None:
        return None
    a = " ".join(str(a).split()).upper()
    return a or None


def _qual(schema, name):
    return "%s.%s" % (schema, name) if schema else name


def _unqual(name):
    return None if name is None else str(name).rpartition(".")[2]


def norm_oracle(o):
    """The oracle's JSON for one case -> {tables, fks, classes, rels}."""
    tables, fks, classes, rels = {}, {}, {}, {}
    keyname = {}
    for t in o.get("tables") or []:
        key = _qual(t.get("schema"), t["name"])
        cols = {}
        for c in t.get("columns") or []:
            cols[c["name"]] = {"type": _norm_type(c.get("type")),
                               "nullable": bool(c.get("nullable")),
                               "primary_key": bool(c.get("primary_key"))}
            keyname[(key, c.get("key", c["name"]))] = c["name"]
        tables[key] = {"columns": cols, "primary_key": list(t.get("primary_key") or [])}
    for f in o.get("foreign_keys") or []:
        tkey = f["table"]
        cols = tuple(keyname.get((tkey, k), k) for k in f.get("columns") or [])
        fks.setdefault(tkey, set()).add(
            (cols, f.get("ref_table"), tuple(f.get("ref_columns") or []),
             _norm_action(f.get("ondelete")), _norm_action(f.get("onupdate"))))
    for c in o.get("classes") or []:
        classes[c["class"]] = c.get("table")
    for r in o.get("relationships") or []:
        rels[(r["class"], r["attr"])] = {
            "target": r.get("target"),
            "direction": r.get("direction"),
            "uselist": r.get("uselist"),
            "secondary": r.get("secondary"),
            "from_backref": bool(r.get("from_backref")),
            "partner": r.get("back_populates_effective"),
        }
    return {"tables": tables, "fks": fks, "classes": classes, "rels": rels}


def norm_relmap(r):
    """`relmap dump` JSON -> {tables, fks, classes, rels}."""
    tables, fks, classes, rels = {}, {}, {}, {}
    raw = r.get("tables") or []
    pk_of = {}
    for t in raw:
        key = _qual(t.get("schema"), t["name"])
        pk_of[key] = list(t.get("primary_key") or [])
        pk_of.setdefault(t["name"], pk_of[key])
    for t in raw:
        key = _qual(t.get("schema"), t["name"])
        cols = {}
        for c in t.get("columns") or []:
            cols[c["name"]] = {"type": _norm_type(c.get("type")),
                               "nullable": bool(c.get("nullable")),
                               "primary_key": bool(c.get("primary_key"))}
        tables[key] = {"columns": cols, "primary_key": list(t.get("primary_key") or [])}
        for f in t.get("foreign_keys") or []:
            ref = f.get("ref_table")
            if f.get("ref_schema") and ref and "." not in ref:
                ref = _qual(f["ref_schema"], ref)
            ref_cols = list(f.get("ref_columns") or [])
            if not ref_cols:  # empty = the referenced primary key
                ref_cols = pk_of.get(ref, [])
            fks.setdefault(key, set()).add(
                (tuple(f.get("columns") or []), ref, tuple(ref_cols),
                 _norm_action(f.get("on_delete")), _norm_action(f.get("on_update"))))
    for c in r.get("classes") or []:
        classes[c["name"]] = c.get("table")
        for rel in c.get("relationships") or []:
            rels[(c["name"], rel["name"])] = {
                "target": rel.get("target"),
                "direction": rel.get("direction"),
                "uselist": rel.get("uselist"),
                "secondary": rel.get("secondary"),
                "from_backref": bool(rel.get("from_backref")),
                "partner": rel.get("partner"),
            }
    return {"tables": tables, "fks": fks, "classes": classes, "rels": rels}


def _same_table_name(a, b):
    """Table names as a class or secondary= names them: equal, or equal
    once the schema is dropped from the side that has one."""
    if a == b:
        return True
    if a is None or b is None:
        return False
    if "." in str(a) and "." in str(b):
        return False
    return _unqual(a) == _unqual(b)


# --------------------------------------------------------------------------
# comparison
# --------------------------------------------------------------------------

def _fk_str(fk):
    cols, ref, ref_cols, od, ou = fk
    s = "(%s) -> %s(%s)" % (", ".join(cols), ref, ", ".join(ref_cols))
    if od:
        s += " ON DELETE " + od
    if ou:
        s += " ON UPDATE " + ou
    return s


def compare_schema(o, r):
    """Tables, columns, primary keys and foreign keys. Returns a list of
    (what, oracle value, relmap value)."""
    diffs = []
    for key in sorted(set(o["tables"]) | set(r["tables"])):
        ot, rt = o["tables"].get(key), r["tables"].get(key)
        if ot is None or rt is None:
            diffs.append(("table %s" % key, "present" if ot else "missing",
                          "present" if rt else "missing"))
            continue
        for cname in sorted(set(ot["columns"]) | set(rt["columns"])):
            oc, rc = ot["columns"].get(cname), rt["columns"].get(cname)
            if oc is None or rc is None:
                diffs.append(("column %s.%s" % (key, cname), "present" if oc else "missing",
                              "present" if rc else "missing"))
                continue
            for field in ("nullable", "primary_key"):
                if oc[field] != rc[field]:
                    diffs.append(("column %s.%s %s" % (key, cname, field), oc[field], rc[field]))
            if oc["type"] and rc["type"] and oc["type"] != rc["type"]:
                diffs.append(("column %s.%s type" % (key, cname), oc["type"], rc["type"]))
        if ot["primary_key"] != rt["primary_key"]:
            diffs.append(("primary key of %s" % key, ot["primary_key"], rt["primary_key"]))
    for key in sorted(set(o["fks"]) | set(r["fks"])):
        of, rf = o["fks"].get(key, set()), r["fks"].get(key, set())
        for fk in sorted(of - rf):
            diffs.append(("foreign key of %s" % key, _fk_str(fk), "missing"))
        for fk in sorted(rf - of):
            diffs.append(("foreign key of %s" % key, "missing", _fk_str(fk)))
    return diffs


def compare_orm(o, r):
    diffs = []
    for name in sorted(set(o["classes"]) | set(r["classes"])):
        if name not in o["classes"] or name not in r["classes"]:
            diffs.append(("class %s" % name, "present" if name in o["classes"] else "missing",
                          "present" if name in r["classes"] else "missing"))
        elif not _same_table_name(o["classes"][name], r["classes"][name]):
            diffs.append(("table of class %s" % name, o["classes"][name], r["classes"][name]))
    for key in sorted(set(o["rels"]) | set(r["rels"])):
        what = "relationship %s.%s" % key
        orl, rrl = o["rels"].get(key), r["rels"].get(key)
        if orl is None or rrl is None:
            diffs.append((what, "present" if orl else "missing", "present" if rrl else "missing"))
            continue
        for field in ("target", "direction", "uselist", "from_backref", "partner"):
            if orl[field] != rrl[field]:
                diffs.append(("%s %s" % (what, field), orl[field], rrl[field]))
        if not _same_table_name(orl["secondary"], rrl["secondary"]):
            diffs.append(("%s secondary" % what, orl["secondary"], rrl["secondary"]))
    return diffs


def error_kind(err):
    """'unresolved' for a configure error about a relationship relmap cannot
    resolve either, else 'declaration'."""
    if err.get("type") in UNRESOLVED_TYPES:
        return "unresolved"
    msg = (err.get("message") or err.get("first_line") or "").lower()
    if any(t in msg for t in UNRESOLVED_TEXT):
        return "unresolved"
    return "declaration"


def classify(oracle):
    """'broken' (import failed or the oracle failed), 'error' (SQLAlchemy
    raised after import) or 'ok'."""
    errs = oracle.get("errors") or []
    if oracle.get("oracle_failure") or any(e.get("phase") in ("import", "oracle") for e in errs):
        return "broken"
    if any(e.get("phase") in LATE_PHASES for e in errs):
        return "error"
    return "ok"


def compare_case(oracle, relmap):
    """Verdict for one case: a list of (what, oracle value, relmap value);
    empty when the two agree."""
    kind = classify(oracle)
    if kind == "broken":
        first = (oracle.get("errors") or [{}])[0]
        return [("oracle could not import the case (broken fixture)",
                 "%s: %s" % (first.get("type"), first.get("first_line")), "-")]
    o, r = norm_oracle(oracle), norm_relmap(relmap)
    diffs = compare_schema(o, r)
    if kind == "ok":
        return diffs + compare_orm(o, r)
    conf = [e for e in oracle.get("errors") or [] if e.get("phase") == "configure"]
    if any(error_kind(e) == "unresolved" for e in conf):
        if not any(v["direction"] is None for v in r["rels"].values()):
            diffs.append(("an unresolved relationship (direction null), SQLAlchemy: %s"
                          % conf[0].get("first_line", "")[:160],
                          "configure error", "every relationship resolved"))
    return diffs


# --------------------------------------------------------------------------
# running the two sides
# --------------------------------------------------------------------------

def find_cases(root):
    out = []
    for name in sorted(os.listdir(root)):
        d = os.path.join(root, name)
        if os.path.isdir(d) and not name.startswith((".", "_")) and \
                any(f.endswith(".py") for f in os.listdir(d)):
            out.append(d)
    return out


def skip_reason(case_dir):
    p = os.path.join(case_dir, "oracle-skip")
    if not os.path.exists(p):
        return None
    with open(p, encoding="utf-8") as f:
        return f.read().strip() or "oracle-skip"


def run_oracle(oracle, cases, timeout):
    """The oracle over all cases, in one call per CPU run side by side (it
    starts one interpreter per case, about 0.9 s each). Returns
    {case_dir: result}."""
    jobs = max(1, min(os.cpu_count() or 1, len(cases)))
    chunks = [cases[i::jobs] for i in range(jobs)]
    procs = []
    for chunk in chunks:
        cmd = [sys.executable, oracle, "--cases", "--compact", "--timeout", str(timeout)] + chunk
        procs.append(subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE))
    results = {}
    for chunk, proc in zip(chunks, procs):
        out, err = proc.communicate()
        try:
            got = json.loads(out.decode("utf-8", "replace"))
        except ValueError:
            raise SystemExit("sa_compare: the oracle failed (exit %d): %s"
                             % (proc.returncode, err.decode("utf-8", "replace")[-2000:]))
        if len(got) != len(chunk):
            raise SystemExit("sa_compare: the oracle returned %d results for %d cases"
                             % (len(got), len(chunk)))
        results.update(zip(chunk, got))
    return results


def run_relmap(relmap, case_dir, timeout):
    """Returns (json or None, error text or None)."""
    try:
        proc = subprocess.run([relmap, "dump", case_dir], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "relmap dump ran past %ss" % timeout
    except OSError as e:
        return None, "cannot run %s: %s" % (relmap, e)
    out = proc.stdout.decode("utf-8", "replace")
    err = proc.stderr.decode("utf-8", "replace").strip()
    try:
        return json.loads(out), None
    except ValueError:
        return None, "relmap dump exited %d without JSON: %s" % (proc.returncode, err[-500:])


def _show(v):
    return json.dumps(v) if not isinstance(v, str) else v


def explain(args, case_dir):
    oracle = run_oracle(args.oracle, [case_dir], args.timeout)[case_dir]
    rj, rerr = run_relmap(args.relmap, case_dir, args.timeout)
    print("== case %s: oracle says %s" % (os.path.basename(case_dir), classify(oracle)))
    for e in oracle.get("errors") or []:
        print("   SQLAlchemy %s error %s: %s" % (e.get("phase"), e.get("type"), e.get("first_line")))
    print("-- oracle (normalised)")
    print(_dump_norm(norm_oracle(oracle)))
    print("-- relmap (normalised)")
    if rj is None:
        print("   " + rerr)
        return 1
    print(_dump_norm(norm_relmap(rj)))
    diffs = compare_case(oracle, rj)
    print("-- differences: %d" % len(diffs))
    for what, ov, rv in diffs:
        print("   %s: oracle %s, relmap %s" % (what, _show(ov), _show(rv)))
    return 1 if diffs else 0


def _dump_norm(n):
    return json.dumps({
        "tables": n["tables"],
        "foreign_keys": {k: sorted(_fk_str(f) for f in v) for k, v in sorted(n["fks"].items())},
        "classes": n["classes"],
        "relationships": {"%s.%s" % k: v for k, v in sorted(n["rels"].items())},
    }, indent=2, sort_keys=True)


# --------------------------------------------------------------------------
# findings mode
# --------------------------------------------------------------------------

# Phases whose errors relmap must report as a finding.
# Import errors count too: SQLAlchemy raises some mistakes while the class
# statement runs (a reserved attribute name, a mixin's key column, a table
# defined twice, an unknown keyword).
FINDING_PHASES = ("import", "configure", "create_all", "fk_check")

# (exception type or None, lower-case message fragment or None, rule id):
# the first entry matching both (None matches anything) names the rule.
# "failed to locate a name" is ORM009 when the name is a secondary table
# (decided in expected_rule), else ORM006.
SA_RULES = (
    # before AmbiguousForeignKeysError in general: the inheritance join
    (None, "inherit condition", "ORM026"),
    # foreign_keys= naming a column in no key is ORM021's; no key at all, ORM007's
    ("NoForeignKeysError", None, "ORM007|ORM021"),
    ("AmbiguousForeignKeysError", None, "ORM008"),
    ("UnmappedClassError", None, "ORM006"),
    ("NoReferencedTableError", None, "FK001"),
    ("NoReferencedColumnError", None, "FK002"),
    (None, "foreign key mismatch", "FK003"),
    (None, "error creating backref", "ORM005"),
    (None, "has no property", "ORM003"),
    (None, "that is not a relationship", "ORM003"),
    (None, "reverse_property", "ORM004"),
    (None, "back_populates", "ORM004"),
    (None, "delete-orphan cascade", "ORM012"),
    (None, "are both of the same direction", "ORM017"),
    (None, "remote_side", "ORM017"),
    (None, "failed to locate a name", "ORM006"),
    ("NameError", "is not defined", "ORM024"),
    (None, "should not be combined with a viewonly", "ORM023"),
    ("KeyError", None, "TAB003"),
    (None, "number of constrained columns", "FK004"),
    (None, "unexpected sql phrase", "FK013"),
    (None, "does not have a mapped column named", "ORM021"),
    (None, "declared as @declared_attr", "ORM025"),
    (None, "is reserved for the metadata instance", "ORM028"),
    (None, "invalid cascade option", "ORM030"),
    ("TypeError", "unexpected keyword argument", "ORM030"),
    (None, "is already defined for this metadata", "TAB002"),
)

FINDING_SEVERITIES = ("warning", "error")


def _located_name(msg):
    """The X of "expression 'X' failed to locate a name"."""
    marker = "expression '"
    i = msg.find(marker)
    if i < 0:
        return None
    j = msg.find("'", i + len(marker))
    return msg[i + len(marker):j] if j > 0 else None


def expected_rule(err, dump=None):
    """The rule id relmap must report for one SQLAlchemy error, or None when
    no entry of SA_RULES maps it. `dump` (relmap's model JSON) tells a
    missing secondary table from a missing class."""
    etype = err.get("type") or ""
    msg = (err.get("message") or err.get("first_line") or "")
    low = msg.lower()
    for t, frag, rule in SA_RULES:
        if (t is None or t == etype) and (frag is None or frag in low):
            if rule == "ORM006" and frag == "failed to locate a name" and dump:
                name = _located_name(msg)
                for cls in dump.get("classes") or []:
                    for rel in cls.get("relationships") or []:
                        if name and rel.get("secondary") == name:
                            return "ORM009"
            return rule
    return None


def is_pitfall_case(case_dir):
    """A case with a pitfall of relmap's that SQLAlchemy does not report: a
    folder named pit_* or *-fires*, or one with a `pitfall` file saying
    which."""
    name = os.path.basename(os.path.normpath(case_dir))
    return (name.startswith("pit_") or "-fires" in name
            or os.path.exists(os.path.join(case_dir, "pitfall")))


def findings_verdict(case_dir, oracle, findings, known_rules, dump=None):
    """(failures, skips) of one case in findings mode: lists of text."""
    failures, skips = [], []
    kind = classify(oracle)
    # An import error a rule maps is the case's point, not a broken fixture.
    imports = [e for e in oracle.get("errors") or [] if e.get("phase") == "import"]
    if kind == "broken" and imports and not oracle.get("oracle_failure") and all(
            expected_rule(e, dump) for e in imports):
        kind = "error"
    if kind == "broken":
        first = (oracle.get("errors") or [{}])[0]
        return ["oracle could not import the case (broken fixture): %s: %s"
                % (first.get("type"), first.get("first_line"))], skips
    errors = [e for e in oracle.get("errors") or [] if e.get("phase") in FINDING_PHASES]
    for e in errors:
        what = "%s %s: %s" % (e.get("phase"), e.get("type"),
                              (e.get("first_line") or e.get("message") or "")[:160])
        rule = expected_rule(e, dump)
        accepted = [r for r in (rule or "").split("|") if r in known_rules]
        if rule is None:
            skips.append("no rule maps SQLAlchemy's %s" % what)
        elif not accepted:
            skips.append("rule not yet implemented: %s (SQLAlchemy %s)" % (rule, what))
        elif not any(f.get("rule") in accepted and f.get("severity") == "error" for f in findings):
            failures.append("no error-severity %s finding for SQLAlchemy's %s"
                            % (" or ".join(accepted), what))
    # What the case's oracle_probe() showed at run time (an IntegrityError on
    # delete, orphans left behind): the pitfall as it bites, held to the
    # file `probe-expect`.
    expect = os.path.join(case_dir, "probe-expect")
    if os.path.exists(expect):
        with open(expect) as f:
            want = json.load(f)
        got = oracle.get("probe_results")
        if got != want:
            failures.append("the run-time probe gave %s, probe-expect says %s"
                            % (json.dumps(got, sort_keys=True), json.dumps(want, sort_keys=True)))
    clean = not (oracle.get("errors") or []) and not (oracle.get("warnings") or [])
    if clean and not is_pitfall_case(case_dir):
        for f in findings:
            if f.get("severity") in FINDING_SEVERITIES:
                failures.append("SQLAlchemy reports nothing, relmap says %s:%s: %s: %s [%s]"
                                % (f.get("file"), f.get("line"), f.get("severity"),
                                   f.get("message"), f.get("rule")))
    return failures, skips


def run_relmap_check(relmap, case_dir, timeout):
    """Returns (findings list or None, error text or None). Runs in the case
    folder, as the golden test does, on every rule (the case's `args` are a
    golden-test matter)."""
    try:
        proc = subprocess.run([relmap, "check", "--format", "json", "."], cwd=case_dir,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "relmap check ran past %ss" % timeout
    except OSError as e:
        return None, "cannot run %s: %s" % (relmap, e)
    try:
        return json.loads(proc.stdout.decode("utf-8", "replace")).get("findings") or [], None
    except ValueError:
        return None, "relmap check exited %d without JSON: %s" % (
            proc.returncode, proc.stderr.decode("utf-8", "replace")[-500:])


def relmap_rule_ids(relmap, timeout):
    proc = subprocess.run([relmap, "rules", "--format", "json"], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=timeout)
    return {r["id"] for r in json.loads(proc.stdout.decode("utf-8"))["rules"]}


def findings_main(args, run, skipped):
    args.relmap = os.path.abspath(args.relmap)  # relmap check runs in each case folder
    known = relmap_rule_ids(args.relmap, args.timeout)
    oracle = run_oracle(args.oracle, [c for c, _ in run], args.timeout) if run else {}
    failed, nskips = 0, 0
    for c, _ in run:
        name = os.path.basename(os.path.normpath(c))
        findings, ferr = run_relmap_check(args.relmap, c, args.timeout)
        dump, _ = run_relmap(args.relmap, c, args.timeout)
        if findings is None:
            failures, skips = [ferr], []
        else:
            failures, skips = findings_verdict(c, oracle[c], findings, known, dump)
        for text in skips:
            nskips += 1
            print("skip %s: %s" % (name, text))
        if failures:
            failed += 1
            print("FAIL %s (%s case)" % (name, classify(oracle[c])))
            for text in failures:
                print("  %s: %s" % (name, text))
    for c, reason in skipped:
        print("skip %s: %s" % (os.path.basename(os.path.normpath(c)), reason))
    print("%d cases checked for findings, %d skipped, %d errors not checked, %d failed"
          % (len(run), len(skipped), nskips, failed))
    return 1 if failed else 0


SKIPPED = 77  # ctest's SKIP_RETURN_CODE


def main(argv=None):
    ap = argparse.ArgumentParser(description="Compare relmap dump with SQLAlchemy.")
    ap.add_argument("cases", nargs="*", help="case directories")
    ap.add_argument("--relmap", required=True, help="the relmap executable")
    ap.add_argument("--oracle", default=DEFAULT_ORACLE, help="sa_oracle.py")
    ap.add_argument("--all", metavar="DIR", action="append", default=[],
                    help="every case directory under DIR (may be repeated)")
    ap.add_argument("--findings", action="store_true",
                    help="compare SQLAlchemy's errors with relmap check's findings")
    ap.add_argument("--explain", metavar="CASE_DIR", help="print both sides for one case")
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--skip-if-missing", action="store_true",
                    help="exit 77 (skipped) when there is no oracle at --oracle")
    args = ap.parse_args(argv)
    args.oracle = os.path.normpath(args.oracle)
    if not os.path.exists(args.oracle):
        sys.stderr.write("sa_compare: no oracle at %s (use --oracle)\n" % args.oracle)
        return SKIPPED if args.skip_if_missing else 2
    if args.explain:
        return explain(args, args.explain)
    cases = list(args.cases)
    for root in args.all:
        cases += find_cases(root)
    if not cases:
        ap.error("no cases: give CASE_DIR... or --all DIR")
    skipped, run = [], []
    for c in cases:
        reason = skip_reason(c)
        (skipped if reason else run).append((c, reason))
    if args.findings:
        return findings_main(args, run, skipped)
    oracle = run_oracle(args.oracle, [c for c, _ in run], args.timeout) if run else {}
    failed = 0
    for c, _ in run:
        name = os.path.basename(os.path.normpath(c))
        rj, rerr = run_relmap(args.relmap, c, args.timeout)
        if rj is None:
            diffs = [("relmap dump", "-", rerr)]
        else:
            diffs = compare_case(oracle[c], rj)
        if diffs:
            failed += 1
            print("FAIL %s (%s case)" % (name, classify(oracle[c])))
            for what, ov, rv in diffs:
                print("  %s: %s: oracle %s | relmap %s" % (name, what, _show(ov), _show(rv)))
    for c, reason in skipped:
        print("skip %s: %s" % (os.path.basename(os.path.normpath(c)), reason))
    print("%d cases compared, %d skipped, %d failed" % (len(run), len(skipped), failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
