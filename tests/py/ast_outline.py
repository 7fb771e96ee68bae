#!/usr/bin/env python3
"""The outline of a Python file by Python's own ast module: the oracle for
relmap's parser, whose outline tests/tools/py_outline.c prints (see there
for the format). Exits 3 when ast cannot parse the file (a newer Python's
syntax, say): the comparison then skips it.

Calls are looked for where relmap's tree keeps them: not inside what
py_ast.h reduces to PY_E_OTHER (comprehensions, conditional expressions,
f-strings, slices, await, yield, :=) nor in lambda defaults.
"""
import ast
import sys

# Expressions relmap keeps as one PY_E_OTHER node: their insides are not in
# its tree, so the outline does not look into them either.
OPAQUE = tuple(getattr(ast, name) for name in (
    "IfExp", "ListComp", "SetComp", "DictComp", "GeneratorExp", "Await",
    "Yield", "YieldFrom", "NamedExpr", "JoinedStr", "Slice") if hasattr(ast, name))


def dotted(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return ".".join(reversed(parts))


def target(node, nested=False):
    if isinstance(node, (ast.Name, ast.Attribute)):
        return dotted(node) or "?"
    if isinstance(node, ast.Subscript):
        return (dotted(node.value) or "?") + "[]"
    if isinstance(node, ast.Starred):
        return "*" + target(node.value, True)
    if isinstance(node, (ast.Tuple, ast.List)):
        inner = ",".join(target(e, True) for e in node.elts)
        if isinstance(node, ast.List):
            return "[" + inner + "]"
        return "(" + inner + ")" if nested else inner
    return "?"


def calls(node, out):
    if node is None or isinstance(node, OPAQUE):
        return
    if isinstance(node, ast.Lambda):
        calls(node.body, out)
        return
    if isinstance(node, ast.Call):
        out.append(node)
    for child in ast.iter_child_nodes(node):
        calls(child, out)


def print_calls(scope, node, out):
    found = []
    calls(node, found)
    found.sort(key=lambda c: (c.lineno, c.col_offset, -c.end_lineno, -c.end_col_offset))
    for c in found:
        out.append("%d: call %s %s" % (c.lineno, scope, dotted(c.func) or "?"))


def inner(scope, name):
    return name if scope == "-" else scope + "." + name


def block(scope, stmts, out):
    for s in stmts:
        stmt(scope, s, out)


def stmt(scope, s, out):
    line = s.lineno
    if isinstance(s, ast.Import):
        for a in s.names:
            out.append("%d: import %s as %s" % (line, a.name, a.asname or "-"))
    elif isinstance(s, ast.ImportFrom):
        for a in s.names:
            out.append("%d: from %s%s import %s as %s"
                       % (line, "." * s.level, s.module or "", a.name, a.asname or "-"))
    elif isinstance(s, ast.Assign):
        out.append("%d: assign %s %s" % (line, scope, " = ".join(target(t) for t in s.targets)))
        print_calls(scope, s.value, out)
    elif isinstance(s, ast.AnnAssign):
        out.append("%d: assign %s %s" % (line, scope, target(s.target)))
        print_calls(scope, s.value, out)
    elif isinstance(s, ast.AugAssign):
        op = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//",
              ast.Mod: "%", ast.Pow: "**", ast.LShift: "<<", ast.RShift: ">>",
              ast.BitOr: "|", ast.BitXor: "^", ast.BitAnd: "&", ast.MatMult: "@"}[type(s.op)]
        out.append("%d: augassign %s %s %s" % (line, scope, target(s.target), op))
        print_calls(scope, s.value, out)
    elif isinstance(s, ast.Expr):
        print_calls(scope, s.value, out)
    elif isinstance(s, ast.ClassDef):
        name = inner(scope, s.name)
        bases = ",".join((None if isinstance(b, ast.Starred) else dotted(b)) or "?"
                         for b in s.bases)
        kws = ",".join(k.arg or "**" for k in s.keywords)
        out.append("%d: class %s bases=%s kw=%s" % (line, name, bases, kws))
        block(name, s.body, out)
    elif isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)):
        a = s.args
        params = [p.arg for p in a.posonlyargs + a.args]
        if a.vararg:
            params.append(a.vararg.arg)
        params += [p.arg for p in a.kwonlyargs]
        if a.kwarg:
            params.append(a.kwarg.arg)
        out.append("%d: def %s %s(%s)" % (line, scope, s.name, ",".join(params)))
        block(inner(scope, s.name), s.body, out)
    elif isinstance(s, (ast.If, ast.For, ast.AsyncFor, ast.While)):
        block(scope, s.body, out)
        block(scope, s.orelse, out)
    elif isinstance(s, (ast.With, ast.AsyncWith)):
        block(scope, s.body, out)
    elif isinstance(s, (ast.Try, getattr(ast, "TryStar", ast.Try))):
        block(scope, s.body, out)
        for h in s.handlers:
            block(scope, h.body, out)
        block(scope, s.orelse, out)
        block(scope, s.finalbody, out)
    elif hasattr(ast, "Match") and isinstance(s, ast.Match):
        for case in s.cases:
            block(scope, case.body, out)


def outline(path):
    """The outline's lines, or raises SyntaxError (ValueError for NUL bytes)."""
    with open(path, "rb") as f:
        tree = ast.parse(f.read(), filename=path)
    out = []
    block("-", tree.body, out)
    return out


def main():
    if len(sys.argv) != 2:
        sys.stderr.write("usage: ast_outline.py FILE.py\n")
        return 2
    try:
        lines = outline(sys.argv[1])
    except (SyntaxError, ValueError) as e:
        sys.stderr.write("%s: ast cannot parse it: %s\n" % (sys.argv[1], e))
        return 3
    sys.stdout.write("".join(line + "\n" for line in lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
