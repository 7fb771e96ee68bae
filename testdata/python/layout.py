# Indentation with tabs and spaces, continuation lines, comments everywhere,
# semicolons and one-line compound statements.
import os  # trailing comment
x = 1; y = 2; z = x + y;
if x: y = 3
if x: pass
else: z = 4
while False: break
for i in range(3): total = i; other = i * 2
class OneLine: attr = 1
def one_line(a): return a

def tabbed():
	a = 1
	if a:
		b = 2  # tab, tab
	return a

def spaces_then_tab():
        c = 1
	# comment at a different indentation
        d = c \
            + 1
        return d

total = (1 +
         2   # comment inside brackets
         + 3)
items = [
    1,
    2,  # trailing comma next
]
mapping = {
    'a': 1,

    # blank line and comment above
    'b': [2, 3],
}
long_call = os.path.join(
    "a",
        "b",
  "c")
backslash = 1 + \
    2 + \
    3
if (x and
        y):
    w = x
    # comment at end of block
# comment at column 0 between blocks
    # indented comment line
v = 5
class Outer:
    class Inner:
        deep = 1
    after = 2
def f(
    a,
    b=2,
    *args,
    c: int = 3,
    **kwargs,
):
    return a
	
final = f(1,
# comment in arguments
2)
