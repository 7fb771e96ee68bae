# Numbers, operators and precedence.
ints = 0, 1, 1_000_000, 0x_dead_BEEF, 0o777, 0O17, 0b1010, 0B_1, 00, 0_0
floats = 1., .5, 1.5e10, 1E-5, 1_0.0_1e+1_0, 3.14j, 1J, 1e5j, .5j
ops = a + b - c * d / e // f % g ** h @ i
bits = a | b ^ c & d << e >> f
unary = -a, +b, ~c, not d, - - e, -a ** -b
compare = a < b > c == d >= e <= f != g
membership = a in b, a not in b, a is b, a is not b
logic = a and b or c and not d
power = 2 ** 3 ** 2
nested = (((((1)))))
calls = f(a)(b)(c), obj.method().chain[0](x=1).last
subs = a[1], a[1, 2], a[1:], a[:2], a[::3], a[1:2:3], a[...], a[:, None], a[(1, 2)]
dicts = {}, {1: 2}, {**a}, {1: 2, **b, 3: 4,}
sets = {1}, {1, 2,}, {*a, *b}
lists = [], [1], [1, 2,], [*a]
tuples = (), (1,), (1, 2), 1,
walrus = [y := f(x), y ** 2]
awaitish = await_ = 1
string_attr = "abc".upper().lower()
number_attr = 1 .real, 1.0.imag, 0x10.bit_length()
keywordish = print(end=""), dict(if_=1, class_=2)
call_on_paren = (f)(1)
lambda_call = (lambda: 1)()
x = a if b else c
y = [i for i in range(3) for j in range(i) if i if j]
z = {i: j for i, j in pairs}
deep = f(g(h(i(j(k(1))))))
mixed = f(1, *a, b=2, *c, **d, e=3)
