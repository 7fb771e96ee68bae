# Every string prefix, quoting style and escape the tokenizer must know.
plain = 'single' "double" '''triple single''' """triple double"""
raw = r'\d+' R"\w"
raw_bytes = rb'\x00' Rb"\n" bR'\t' BR"\\" br'x' rB'y'
unicode = u'ü' U"ß"
data = b'bytes' B"BYTES" b'''multi
line'''
fmt = f'{plain}' F"{raw!r}" fr'{data}\n' rf"{unicode}" Rf'{1}' fR"{2}" FR'{3}' rF"{4}"
escapes = "\n\t\\\'\"\x41\u00e9\U0001F600\101\0\a\b\f\v\r\N{BULLET}\q"
continued = "one \
two"
nested = f"{plain!r:>{len(raw)}} {{literal}} {fmt['x'] if fmt else 0} {f'{plain}'}"
quotes = f'{"double inside single"}' + f"{'single inside double'}"
spec = f"{3.14159:.2f} {42:#x} {'x':^10} {plain=} {plain = }"
triple_f = f"""
    {call(1, 2)}
    {dict(a=1)['a']}
"""
joined = ("implicit "
          "concatenation "
          f"with {plain} "
          'across lines')
empty = '' "" '''''' """"""
quote_in_triple = """she said "hi" and 'bye'""" '''it's "fine"'''
backslash_end = 'a\\'
unicode_name = "caf\N{LATIN SMALL LETTER E WITH ACUTE}"
result = call(f"{x:{width}.{precision}}", b"\xff", r"\N{not an escape}")
docstring_like = """Line one.

    Indented line.\tTabbed.
"""
print(f"{'a' 'b'}", f'{ {"k": 1}["k"] }', f"{(lambda y: y)(1)}")
