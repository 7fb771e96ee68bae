# Python 3.12+ syntax: Python 3.11's ast cannot parse this file, so the
# oracle skips it; tests/test_py_parse.c checks that relmap reads it.
songs = ["a", "b"]
nested_quotes = f"{", ".join(songs)}"
same_quotes = f"{songs["0"] if False else 'x'}"
deep = f"{f"{f"{f"{1 + 1}"}"}"}"
multiline = f"total: {sum([
    1,  # a comment inside a replacement field
    2,
])}"
backslash = f"{'\n'.join(songs)}"

type Point = tuple[float, float]
type Pair[T] = tuple[T, T]


class Box[T: (int, str), *Ts, **P]:
    item: T


def first[T = int](xs: list[T]) -> T:
    return xs[0]


result = first([1])
