"""Statements of every kind, as Python 3.11 writes them."""
from __future__ import annotations
import a.b.c as abc, d
from . import sibling
from .. import parent as p
from ...pkg.mod import (x as y,
                        z,)
from os.path import *
import contextlib, asyncio
from typing import TypeVar, Generic

T = TypeVar("T")


def decorator(*args, **kwargs):
    return lambda f: f


@decorator
@decorator(1, key="v")
@contextlib.contextmanager
class Decorated(Generic[T], metaclass=type, **{}):
    """Docstring."""
    value: int
    other: "str" = "x"
    counter += 1 if False else 0

    @staticmethod
    def method(a, /, b, *, c=1, **kw) -> "Decorated":
        global G
        nonlocal_like = 1
        del nonlocal_like
        assert a, "message"
        raise ValueError("bad") from None

    async def coro(self):
        await asyncio.sleep(0)
        async with self.lock as held, open("f") as (r, w):
            pass
        async for item in self.stream():
            yield item
        result = [i async for i in self.stream()]
        return await self.other()


def control(n):
    if (m := n * 2) > 10:
        pass
    elif n < 0:
        return -1
    elif n == 0:
        return 0
    else:
        n -= 1
    for i, (j, k) in enumerate([(1, 2)]):
        continue
    else:
        done = True
    while n:
        n //= 2
        break
    else:
        never = False
    try:
        risky()
    except (TypeError, ValueError) as e:
        handled = str(e)
    except Exception:
        raise
    else:
        ok = True
    finally:
        cleanup()
    try:
        pass
    except* OSError as group:
        errs = group.exceptions
    with open("a") as fa, open("b") as fb:
        data = fa.read()
    with (open("a") as fa,
          open("b") as fb,):
        both = fa, fb
    with (yield_value := open("c")):
        pass
    return n


def generators():
    x = yield
    y = yield from range(3)
    z = yield 1, 2
    first, *rest = 1, 2, 3
    [a, b] = c = d, e = 1, 2
    obj.attr.sub = obj[0] = obj[1:2] = 3
    total: int
    obj.annotated: list[int] = []
    obj[0] += 1
    a **= 2; a //= 3; a >>= 1; a <<= 1; a @= m; a ^= 1; a |= 2; a &= 3; a %= 4
    lam = lambda: 0
    lam2 = lambda x, *a, y=1, **k: (x, a, y, k)
    cond = 1 if a else 2 if b else 3
    chained = 1 < a <= 2 != b is not None
    members = a not in b and not c or d in e
    print(*args, sep="", **kwargs)
    matrix = m @ n
    sliced = seq[1:2, ::3, ...]
    gen = sum(x for x in range(10) if x % 2)
    comps = [x for x in y], {x for x in y}, {k: v for k, v in z.items()}
    starred = [*a, *b], {**c, 'd': 1}, (*e,)
    ellipsis = ...


def matching(command):
    match command.split():
        case [action]:
            result = action
        case [action, obj]:
            pass
        case Point(x=0, y=0) | Point(x=1):
            pass
        case {"x": 1, "y": y, **rest}:
            print(rest)
        case [1, 2, *others] if others:
            pass
        case (-1 | 1.5 | 2+3j | "s" "t" | b"" | None | True) as lit:
            pass
        case str() | bytes():
            pass
        case a.b.c:
            pass
        case _:
            fallback = True
    match = 1
    match(command)
    match[0] = 2
    match.attr = 3
    case = 4
    type = 5
    print(match, case, type)
    match -command:
        case _:
            pass
    match command, 1:
        case (x, y):
            pass
