/*
 * py_lex.c - the Python tokenizer (see py_lex.h). Like ddl_lex.c: a class
 * per byte and one switch over the class of a token's first byte. The
 * indentation rules are CPython's: a tab moves to the next multiple of 8,
 * and the same lines measured with a tab as one column must agree about
 * what is deeper, or the mix of tabs and spaces is ambiguous (TabError).
 */
#include "py_lex.h"

#include <string.h>

/* Byte classes, with short names so that the table reads as a grid. */
enum {
    ID,  /* a letter, '_' or any byte >= 0x80 (checked as UTF-8) */
    DIG, /* 0-9 */
    DOT, /* . : an operator, "...", or the start of a number */
    SPC, /* space, tab, form feed */
    NL,  /* \n \r */
    HSH, /* # */
    QUO, /* ' " */
    BSL, /* \ */
    OPR, /* operators and brackets */
    ILL  /* NUL, control bytes, $ ? ` */
};

static const unsigned char byte_class[256] = {
    /* 0x */ ILL, ILL, ILL, ILL, ILL, ILL, ILL, ILL,
    ILL,          SPC, NL,  ILL, SPC, NL,  ILL, ILL,
    /* 1x */ ILL, ILL, ILL, ILL, ILL, ILL, ILL, ILL,
    ILL,          ILL, ILL, ILL, ILL, ILL, ILL, ILL,
    /* 2x */ SPC, OPR, QUO, HSH, ILL, OPR, OPR, QUO,
    OPR,          OPR, OPR, OPR, OPR, OPR, DOT, OPR,
    /* 3x */ DIG, DIG, DIG, DIG, DIG, DIG, DIG, DIG,
    DIG,          DIG, OPR, OPR, OPR, OPR, OPR, ILL,
    /* 4x */ OPR, ID,  ID,  ID,  ID,  ID,  ID,  ID,
    ID,           ID,  ID,  ID,  ID,  ID,  ID,  ID,
    /* 5x */ ID,  ID,  ID,  ID,  ID,  ID,  ID,  ID,
    ID,           ID,  ID,  OPR, BSL, OPR, OPR, ID,
    /* 6x */ ILL, ID,  ID,  ID,  ID,  ID,  ID,  ID,
    ID,           ID,  ID,  ID,  ID,  ID,  ID,  ID,
    /* 7x */ ID,  ID,  ID,  ID,  ID,  ID,  ID,  ID,
    ID,           ID,  ID,  OPR, OPR, OPR, OPR, ILL,
    /* 8x */ ID,  ID,  ID,  ID,  ID,  ID,  ID,  ID,
    ID,           ID,  ID,  ID,  ID,  ID,  ID,  ID,
    /* 9x */ ID,  ID,  ID,  ID,  ID,  ID,  ID,  ID,
    ID,           ID,  ID,  ID,  ID,  ID,  ID,  ID,
    /* Ax */ ID,  ID,  ID,  ID,  ID,  ID,  ID,  ID,
    ID,           ID,  ID,  ID,  ID,  ID,  ID,  ID,
    /* Bx */ ID,  ID,  ID,  ID,  ID,  ID,  ID,  ID,
    ID,           ID,  ID,  ID,  ID,  ID,  ID,  ID,
    /* Cx */ ID,  ID,  ID,  ID,  ID,  ID,  ID,  ID,
    ID,           ID,  ID,  ID,  ID,  ID,  ID,  ID,
    /* Dx */ ID,  ID,  ID,  ID,  ID,  ID,  ID,  ID,
    ID,           ID,  ID,  ID,  ID,  ID,  ID,  ID,
    /* Ex */ ID,  ID,  ID,  ID,  ID,  ID,  ID,  ID,
    ID,           ID,  ID,  ID,  ID,  ID,  ID,  ID,
    /* Fx */ ID,  ID,  ID,  ID,  ID,  ID,  ID,  ID,
    ID,           ID,  ID,  ID,  ID,  ID,  ID,  ID,
};

/* Bytes a string body cannot simply step over: its end, an escape, a
 * line end, a brace of an f-string, and what must be checked (NUL, UTF-8). */
static bool string_special(unsigned char c)
{
    return c == '\'' || c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '{' || c == '}' ||
           c == '\0' || c >= 0x80;
}

#define KW_TEXT(id, text) text,
static const char *const keyword_text[] = {"", PY_KEYWORDS(KW_TEXT)};
#undef KW_TEXT

#define KW_LEN(id, text) (unsigned char)(sizeof(text) - 1),
static const unsigned char keyword_len[] = {0, PY_KEYWORDS(KW_LEN)};
#undef KW_LEN

py_kw py_keyword(const char *word, size_t len)
{
    /* Names are looked up at every token: first the range of keywords
     * that begin with the same letter (the table is sorted), then by
     * length, and only then the bytes. */
    unsigned first, last;
    if (len < 2 || len > 8)
        return PY_KW_NONE_;
    switch (word[0]) {
    case 'F':
        first = last = PY_KW_FALSE;
        break;
    case 'N':
        first = last = PY_KW_NONE;
        break;
    case 'T':
        first = last = PY_KW_TRUE;
        break;
    case 'a':
        first = PY_KW_AND, last = PY_KW_AWAIT;
        break;
    case 'b':
        first = last = PY_KW_BREAK;
        break;
    case 'c':
        first = PY_KW_CLASS, last = PY_KW_CONTINUE;
        break;
    case 'd':
        first = PY_KW_DEF, last = PY_KW_DEL;
        break;
    case 'e':
        first = PY_KW_ELIF, last = PY_KW_EXCEPT;
        break;
    case 'f':
        first = PY_KW_FINALLY, last = PY_KW_FROM;
        break;
    case 'g':
        first = last = PY_KW_GLOBAL;
        break;
    case 'i':
        first = PY_KW_IF, last = PY_KW_IS;
        break;
    case 'l':
        first = last = PY_KW_LAMBDA;
        break;
    case 'n':
        first = PY_KW_NONLOCAL, last = PY_KW_NOT;
        break;
    case 'o':
        first = last = PY_KW_OR;
        break;
    case 'p':
        first = last = PY_KW_PASS;
        break;
    case 'r':
        first = PY_KW_RAISE, last = PY_KW_RETURN;
        break;
    case 't':
        first = last = PY_KW_TRY;
        break;
    case 'w':
        first = PY_KW_WHILE, last = PY_KW_WITH;
        break;
    case 'y':
        first = last = PY_KW_YIELD;
        break;
    default:
        return PY_KW_NONE_;
    }
    for (unsigned k = first; k <= last; k++)
        if (keyword_len[k] == len && memcmp(word, keyword_text[k], len) == 0)
            return (py_kw)k;
    return PY_KW_NONE_;
}

const char *py_keyword_name(py_kw kw)
{
    return (unsigned)kw < PY_KW_COUNT ? keyword_text[kw] : "";
}

void py_lexer_init(py_lexer *lx, const char *text, size_t len)
{
    memset(lx, 0, offsetof(py_lexer, indent));
    lx->text = text;
    /* Offsets are 32-bit (py_ast.h); a longer input is read up to 4 GB. */
    lx->len = len > UINT32_MAX ? UINT32_MAX : (uint32_t)len;
    lx->line_start = true;
    lx->nindent = 1;
    lx->indent[0] = lx->indent_alt[0] = 0;
    lx->nbrackets = 0;
}

/* The length of the UTF-8 sequence at z (of n bytes left), or 0 when it is
 * not valid UTF-8 (overlong forms, surrogates and > U+10FFFF included). */
static uint32_t utf8_length(const unsigned char *z, uint32_t n)
{
    unsigned char c = z[0];
    uint32_t len;
    uint32_t cp;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (uint32_t i = 1; i < len; i++) {
        if ((z[i] & 0xC0) != 0x80)
            return 0;
        cp = cp << 6 | (z[i] & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        return 0;
    return len;
}

static py_token make(py_tk kind, uint32_t start, uint32_t end)
{
    py_token t;
    t.kind = kind;
    t.kw = PY_KW_NONE_;
    t.op = 0;
    t.start = start;
    t.end = end;
    t.msg = NULL;
    return t;
}

static py_token error_at(uint32_t start, uint32_t end, const char *msg)
{
    py_token t = make(PY_TK_ERROR, start, end);
    t.msg = msg;
    return t;
}

/* Why a byte cannot be where it is. */
static const char *bad_byte_message(unsigned char c)
{
    if (c == 0)
        return "NUL byte in source";
    if (c >= 0x80)
        return "invalid UTF-8";
    return "invalid character";
}

/* The length of the line end at i (\n, \r\n or \r), or 0. */
static uint32_t newline_length(const unsigned char *z, uint32_t n, uint32_t i)
{
    if (i >= n)
        return 0;
    if (z[i] == '\n')
        return 1;
    if (z[i] == '\r')
        return i + 1 < n && z[i + 1] == '\n' ? 2 : 1;
    return 0;
}

/*
 * A comment from '#' at i to the end of the line (not included): returns
 * its end. A NUL or invalid UTF-8 inside is reported
 * through *bad (the offset of the byte), else *bad is left alone.
 */
static uint32_t scan_comment(py_lexer *lx, uint32_t i, uint32_t *bad)
{
    const unsigned char *z = (const unsigned char *)lx->text;
    i++;
    while (i < lx->len && z[i] != '\n' && z[i] != '\r') {
        if (z[i] == 0 || z[i] >= 0x80) {
            uint32_t k = z[i] ? utf8_length(z + i, lx->len - i) : 0;
            if (!k) {
                if (*bad == UINT32_MAX)
                    *bad = i; /* the first one */
                k = 1;
            }
            i += k;
        } else {
            i++;
        }
    }
    return i;
}

/* ---- strings ---- */

/* The state of scanning one string token (f-strings recurse into their
 * replacement fields, which may hold further strings). */
typedef struct str_scan {
    const unsigned char *z;
    uint32_t n;
    uint32_t tok_start;
    const char *msg; /* the first problem */
    uint32_t err_start, err_end;
    bool fatal; /* the end of the string cannot be found */
} str_scan;

/* A bad byte: reported, but the string's end is still found. */
static void str_bad(str_scan *s, uint32_t start, uint32_t end, const char *msg)
{
    if (!s->msg) {
        s->msg = msg;
        s->err_start = start;
        s->err_end = end;
    }
}

/* A problem that ends the scan (an unterminated string). */
static void str_fail(str_scan *s, uint32_t start, uint32_t end, const char *msg)
{
    str_bad(s, start, end, msg);
    s->fatal = true;
}

/* Whether `len` bytes at z are a string prefix (r, b, u, f, rb, br, fr, rf
 * in any case), and which. */
static bool string_prefix(const unsigned char *z, uint32_t len, bool *raw, bool *bytes, bool *fstr)
{
    bool r = false, b = false, u = false, f = false;
    if (len > 2)
        return false;
    for (uint32_t i = 0; i < len; i++) {
        switch (z[i] | 0x20) {
        case 'r':
            if (r)
                return false;
            r = true;
            break;
        case 'b':
            if (b)
                return false;
            b = true;
            break;
        case 'u':
            u = true;
            break;
        case 'f':
            if (f)
                return false;
            f = true;
            break;
        default:
            return false;
        }
    }
    if ((u && len > 1) || (b && f))
        return false;
    *raw = r;
    *bytes = b;
    *fstr = f;
    return true;
}

static uint32_t scan_string(str_scan *s, uint32_t q, bool raw, bool bytes, bool fstr,
                            unsigned depth);

/* The end of an identifier-like word at i (its UTF-8 is checked by the
 * main scanner; inside f-string fields a bad byte just ends the word). */
static uint32_t word_end(const unsigned char *z, uint32_t n, uint32_t i)
{
    while (i < n && (byte_class[z[i]] == ID || byte_class[z[i]] == DIG)) {
        if (z[i] >= 0x80) {
            uint32_t k = utf8_length(z + i, n - i);
            if (!k)
                break;
            i += k;
        } else {
            i++;
        }
    }
    return i;
}

/* Whether the enclosing string closes at i. */
static bool closes(const str_scan *s, uint32_t i, unsigned char quote, bool triple)
{
    if (s->z[i] != quote)
        return false;
    return !triple || (i + 2 < s->n && s->z[i + 1] == quote && s->z[i + 2] == quote);
}

static uint32_t scan_field(str_scan *s, uint32_t i, unsigned char quote, bool triple,
                           unsigned depth);

/* A format spec after ':' in a replacement field, up to and past its '}';
 * it may hold replacement fields of its own ({x:>{width}}). */
static uint32_t scan_spec(str_scan *s, uint32_t i, unsigned char quote, bool triple, unsigned depth)
{
    while (i < s->n && !s->fatal) {
        unsigned char c = s->z[i];
        if (c == '}')
            return i + 1;
        if (c == '{') {
            i = scan_field(s, i + 1, quote, triple, depth + 1);
        } else if (closes(s, i, quote, triple) || ((c == '\n' || c == '\r') && !triple)) {
            str_fail(s, i, i + 1, "f-string: expecting '}'");
            return i;
        } else if (c == 0 || c >= 0x80) {
            uint32_t k = c ? utf8_length(s->z + i, s->n - i) : 0;
            if (!k)
                str_bad(s, i, i + 1, bad_byte_message(c));
            i += k ? k : 1;
        } else {
            i++;
        }
    }
    if (!s->fatal)
        str_fail(s, s->tok_start, s->n, "unterminated f-string");
    return i;
}

/*
 * A replacement field from just after its '{' to just past its '}'. Its
 * expression is skipped with brackets counted and strings scanned as
 * strings, so quotes and braces inside it (3.12: f"{x["a"]}") do not end
 * the f-string; '!' starts a conversion and ':' a format spec.
 */
static uint32_t scan_field(str_scan *s, uint32_t i, unsigned char quote, bool triple,
                           unsigned depth)
{
    unsigned nest = 0;
    if (depth > PY_MAX_DEPTH) {
        str_fail(s, i, i + 1, "nesting too deep");
        return s->n;
    }
    while (i < s->n && !s->fatal) {
        unsigned char c = s->z[i];
        switch (byte_class[c]) {
        case ID: {
            uint32_t end = word_end(s->z, s->n, i);
            bool raw, bytes, fstr;
            if (end == i) {
                str_bad(s, i, i + 1, bad_byte_message(c));
                i++;
                continue;
            }
            if (end < s->n && byte_class[s->z[end]] == QUO &&
                string_prefix(s->z + i, end - i, &raw, &bytes, &fstr))
                i = scan_string(s, end, raw, bytes, fstr, depth + 1);
            else
                i = end;
            continue;
        }
        case QUO:
            i = scan_string(s, i, false, false, false, depth + 1);
            continue;
        case HSH: /* 3.12: a comment inside a multi-line field */
            while (i < s->n && s->z[i] != '\n' && s->z[i] != '\r')
                i++;
            continue;
        case ILL:
            if (c == 0)
                str_bad(s, i, i + 1, bad_byte_message(c));
            i++;
            continue;
        default:
            break;
        }
        if (c == '(' || c == '[' || c == '{') {
            nest++;
        } else if (c == ')' || c == ']') {
            if (nest)
                nest--;
        } else if (c == '}') {
            if (!nest)
                return i + 1;
            nest--;
        } else if (c == '!' && !nest && i + 1 < s->n && s->z[i + 1] != '=') {
            i = word_end(s->z, s->n, i + 1);
            continue;
        } else if (c == ':' && !nest) {
            return scan_spec(s, i + 1, quote, triple, depth);
        }
        i++;
    }
    if (!s->fatal)
        str_fail(s, s->tok_start, s->n, "unterminated f-string");
    return i;
}

/*
 * A string literal whose (first) quote is at q, prefix already read.
 * Returns the offset just past it; on a problem s->msg is set and the
 * offset is where scanning may resume (the line end of an unterminated
 * one-line string, the end of the text for a triple-quoted one).
 */
static uint32_t scan_string(str_scan *s, uint32_t q, bool raw, bool bytes, bool fstr,
                            unsigned depth)
{
    const unsigned char *z = s->z;
    const uint32_t n = s->n;
    unsigned char quote = z[q];
    bool triple = q + 2 < n && z[q + 1] == quote && z[q + 2] == quote;
    uint32_t i = q + (triple ? 3 : 1);
    if (depth > PY_MAX_DEPTH) {
        str_fail(s, q, q + 1, "nesting too deep");
        return n;
    }
    while (!s->fatal) {
        while (i < n && !string_special(z[i]))
            i++;
        if (i >= n)
            break;
        unsigned char c = z[i];
        if (c == quote) {
            if (!triple)
                return i + 1;
            if (closes(s, i, quote, triple))
                return i + 3;
            i++;
        } else if (c == '\\') {
            unsigned char next = i + 1 < n ? z[i + 1] : 0;
            if (fstr && !raw && next == 'N' && i + 2 < n && z[i + 2] == '{') {
                /* \N{NAME}: its braces are no replacement field. */
                i += 3;
                while (i < n && z[i] != '}' && z[i] != quote && z[i] != '\n')
                    i++;
                if (i < n && z[i] == '}')
                    i++;
            } else if (next == '\r' && i + 2 < n && z[i + 2] == '\n') {
                i += 3;
            } else if (next == 0 || next >= 0x80 || (fstr && (next == '{' || next == '}'))) {
                i++; /* the next byte is checked on its own */
            } else {
                i += 2;
            }
        } else if (c == '\n' || c == '\r') {
            if (!triple) {
                str_fail(s, s->tok_start, i, "unterminated string");
                return i;
            }
            i++;
        } else if (c == '{' || c == '}') {
            if (!fstr) {
                i++;
            } else if (i + 1 < n && z[i + 1] == c) {
                i += 2;
            } else if (c == '{') {
                i = scan_field(s, i + 1, quote, triple, depth + 1);
            } else {
                str_fail(s, i, i + 1, "f-string: single '}' is not allowed");
                i++;
            }
        } else if (c == 0) {
            str_bad(s, i, i + 1, bad_byte_message(c));
            i++;
        } else if (c >= 0x80 && bytes) {
            str_bad(s, i, i + 1, "bytes can only contain ASCII literal characters");
            i++;
        } else if (c >= 0x80) {
            uint32_t k = utf8_length(z + i, n - i);
            if (!k)
                str_bad(s, i, i + 1, bad_byte_message(c));
            i += k ? k : 1;
        } else {
            i++; /* the other quote character */
        }
    }
    if (i >= n)
        str_fail(s, s->tok_start, n,
                 triple ? "unterminated triple-quoted string" : "unterminated string");
    if (!triple) {
        /* Resume at the end of the line the problem is on. */
        i = s->err_end > q + 1 ? s->err_end : q + 1;
        while (i < n && z[i] != '\n' && z[i] != '\r')
            i++;
    }
    return i < n ? i : n;
}

py_string_form py_string_form_of(const char *text, const py_token *tok)
{
    py_string_form f = {false, false, false, 0, 0};
    const unsigned char *z = (const unsigned char *)text;
    uint32_t q = tok->start;
    while (q < tok->end && byte_class[z[q]] != QUO)
        q++;
    string_prefix(z + tok->start, q - tok->start, &f.raw, &f.bytes, &f.fstring);
    /* A literal that opens with three quotes is triple-quoted. */
    uint32_t ql = tok->end - q >= 6 && z[q + 1] == z[q] && z[q + 2] == z[q] ? 3 : 1;
    f.body_start = q + ql;
    f.body_end = tok->end - ql >= f.body_start ? tok->end - ql : f.body_start;
    return f;
}

/* ---- numbers ---- */

static bool is_digit_of(unsigned char c, int base)
{
    switch (base) {
    case 2:
        return c == '0' || c == '1';
    case 8:
        return c >= '0' && c <= '7';
    case 16:
        return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
    default:
        return c >= '0' && c <= '9';
    }
}

/* Digits of `base` with single underscores between them, from i; returns
 * the end, or sets *bad on a misplaced underscore. */
static uint32_t digits(const unsigned char *z, uint32_t n, uint32_t i, int base, bool *bad)
{
    while (i < n) {
        if (is_digit_of(z[i], base)) {
            i++;
        } else if (z[i] == '_' && i + 1 < n && is_digit_of(z[i + 1], base)) {
            i += 2;
        } else {
            if (z[i] == '_')
                *bad = true;
            break;
        }
    }
    return i;
}

/*
 * A number from i (a digit, or '.' before a digit). Python lets a keyword
 * follow a number directly (`1if x else 2`), any other name is an error.
 */
static py_token scan_number(py_lexer *lx, uint32_t i)
{
    const unsigned char *z = (const unsigned char *)lx->text;
    const uint32_t n = lx->len, start = i;
    bool bad = false;
    const char *what = "invalid decimal literal";
    unsigned char x = i + 1 < n ? (unsigned char)(z[i + 1] | 0x20) : 0;
    if (z[i] == '0' && (x == 'x' || x == 'o' || x == 'b')) {
        int base = x == 'x' ? 16 : x == 'o' ? 8 : 2;
        what = base == 16  ? "invalid hexadecimal literal"
               : base == 8 ? "invalid octal literal"
                           : "invalid binary literal";
        i += 2;
        if (i < n && z[i] == '_')
            i++;
        uint32_t d = i;
        i = digits(z, n, i, base, &bad);
        if (i == d)
            bad = true;
    } else {
        uint32_t int_start = i;
        i = digits(z, n, i, 10, &bad);
        uint32_t int_end = i;
        bool is_float = false;
        if (i < n && z[i] == '.') {
            is_float = true;
            i++;
            if (i < n && is_digit_of(z[i], 10))
                i = digits(z, n, i, 10, &bad);
        }
        if (i < n && (z[i] | 0x20) == 'e') {
            uint32_t j = i + 1;
            if (j < n && (z[j] == '+' || z[j] == '-'))
                j++;
            if (j < n && is_digit_of(z[j], 10)) {
                i = digits(z, n, j, 10, &bad);
                is_float = true;
            }
        }
        if (i < n && (z[i] | 0x20) == 'j') {
            i++;
            is_float = true;
        }
        if (!is_float && z[int_start] == '0') {
            for (uint32_t k = int_start; k < int_end; k++)
                if (z[k] != '0' && z[k] != '_') {
                    lx->pos = i;
                    return error_at(start, i,
                                    "leading zeros in decimal integer literals are not permitted");
                }
        }
    }
    if (!bad && i < n && (byte_class[z[i]] == ID || byte_class[z[i]] == DIG)) {
        uint32_t end = word_end(z, n, i);
        if (py_keyword(lx->text + i, end - i) == PY_KW_NONE_)
            bad = true;
    }
    if (bad) {
        uint32_t end = word_end(z, n, i);
        lx->pos = end > i ? end : i + 1 <= n ? i + 1 : n;
        return error_at(start, lx->pos, what);
    }
    lx->pos = i;
    return make(PY_TK_NUMBER, start, i);
}

/* ---- operators ---- */

static py_token op_token(py_lexer *lx, uint32_t start, uint32_t len)
{
    const unsigned char *z = (const unsigned char *)lx->text + start;
    py_token t = make(PY_TK_OP, start, start + len);
    t.op = len == 1 ? PY_OP1(z[0]) : len == 2 ? PY_OP2(z[0], z[1]) : PY_OP3(z[0], z[1], z[2]);
    lx->pos = start + len;
    return t;
}

static py_token open_bracket(py_lexer *lx, uint32_t i)
{
    if (lx->nbrackets < PY_LEX_MAX_LEVELS) {
        lx->bracket[lx->nbrackets] = lx->text[i];
        lx->bracket_pos[lx->nbrackets] = i;
    }
    lx->nbrackets++;
    return op_token(lx, i, 1);
}

static py_token close_bracket(py_lexer *lx, uint32_t i)
{
    char c = lx->text[i];
    char want = c == ')' ? '(' : c == ']' ? '[' : '{';
    if (lx->nbrackets == 0) {
        lx->pos = i + 1;
        return error_at(i, i + 1,
                        c == ')'   ? "unmatched ')'"
                        : c == ']' ? "unmatched ']'"
                                   : "unmatched '}'");
    }
    lx->nbrackets--;
    if (lx->nbrackets < PY_LEX_MAX_LEVELS && lx->bracket[lx->nbrackets] != want) {
        lx->pos = i + 1;
        return error_at(i, i + 1, "closing bracket does not match the opening one");
    }
    return op_token(lx, i, 1);
}

/* An operator or bracket at i: the longest one that matches. */
static py_token scan_operator(py_lexer *lx, uint32_t i)
{
    const unsigned char *z = (const unsigned char *)lx->text;
    const uint32_t n = lx->len;
    unsigned char c = z[i];
    unsigned char c1 = i + 1 < n ? z[i + 1] : 0;
    unsigned char c2 = i + 2 < n ? z[i + 2] : 0;
    switch (c) {
    case '(':
    case '[':
    case '{':
        return open_bracket(lx, i);
    case ')':
    case ']':
    case '}':
        return close_bracket(lx, i);
    case '*':
    case '/':
    case '<':
    case '>':
        /* **, //, <<, >> and each with '=' */
        if (c1 == c)
            return op_token(lx, i, c2 == '=' ? 3 : 2);
        return op_token(lx, i, c1 == '=' ? 2 : 1);
    case '-':
        return op_token(lx, i, c1 == '=' || c1 == '>' ? 2 : 1);
    case ':':
    case '+':
    case '%':
    case '&':
    case '|':
    case '^':
    case '@':
    case '=':
        return op_token(lx, i, c1 == '=' ? 2 : 1);
    case '!':
        if (c1 == '=')
            return op_token(lx, i, 2);
        lx->pos = i + 1;
        return error_at(i, i + 1, "invalid character '!'");
    case '.':
        return op_token(lx, i, c1 == '.' && c2 == '.' ? 3 : 1);
    default: /* , ; ~ */
        return op_token(lx, i, 1);
    }
}

/* ---- lines ---- */

/* The tokens owed at the end of the text: an error for an open bracket, a
 * NEWLINE to end the last line, a DEDENT per open block, then EOF. */
static py_token at_eof(py_lexer *lx)
{
    uint32_t n = lx->len;
    if (lx->nbrackets && !lx->unclosed_reported) {
        unsigned top = lx->nbrackets <= PY_LEX_MAX_LEVELS ? lx->nbrackets : PY_LEX_MAX_LEVELS;
        /* cppcheck-suppress negativeIndex ; top >= 1: nbrackets is not 0 here */
        uint32_t at = lx->bracket_pos[top - 1];
        lx->unclosed_reported = true;
        lx->nbrackets = 0;
        /* cppcheck-suppress negativeIndex ; as above */
        char b = lx->bracket[top - 1];
        return error_at(at, at + 1,
                        b == '('   ? "'(' was never closed"
                        : b == '[' ? "'[' was never closed"
                                   : "'{' was never closed");
    }
    lx->nbrackets = 0;
    if (!lx->eof_done) {
        lx->eof_done = true;
        lx->pending_dedents = lx->nindent - 1;
        lx->nindent = 1;
        if (!lx->line_start) {
            lx->line_start = true;
            return make(PY_TK_NEWLINE, n, n);
        }
    }
    if (lx->pending_dedents) {
        lx->pending_dedents--;
        return make(PY_TK_DEDENT, n, n);
    }
    return make(PY_TK_EOF, n, n);
}

/*
 * At the start of a line outside brackets: skips blank and comment-only
 * lines, then compares the indentation of the first real line with the
 * open blocks. Returns true with an INDENT, DEDENT or ERROR in *out, or
 * false when the line continues at its indentation as usual.
 */
static bool begin_line(py_lexer *lx, py_token *out)
{
    const unsigned char *z = (const unsigned char *)lx->text;
    const uint32_t n = lx->len;
    for (;;) {
        uint32_t i = lx->pos, col = 0, alt = 0;
        for (; i < n; i++) {
            if (z[i] == ' ') {
                col++;
                alt++;
            } else if (z[i] == '\t') {
                col = (col / 8 + 1) * 8;
                alt++;
            } else if (z[i] == '\f') {
                col = alt = 0;
            } else {
                break;
            }
        }
        uint32_t bad = UINT32_MAX;
        if (i < n && z[i] == '#')
            i = scan_comment(lx, i, &bad);
        lx->pos = i;
        if (bad != UINT32_MAX) {
            *out = error_at(bad, bad + 1, bad_byte_message(z[bad]));
            return true;
        }
        if (i >= n)
            return false;
        uint32_t nl = newline_length(z, n, i);
        if (nl) {
            lx->pos = i + nl;
            continue;
        }
        lx->line_start = false;
        unsigned top = lx->nindent - 1;
        if (col == lx->indent[top]) {
            if (alt != lx->indent_alt[top]) {
                *out = error_at(i, i, "inconsistent use of tabs and spaces in indentation");
                return true;
            }
            return false;
        }
        if (col > lx->indent[top]) {
            if (lx->nindent == PY_LEX_MAX_LEVELS) {
                *out = error_at(i, i, "too many levels of indentation");
                return true;
            }
            if (alt <= lx->indent_alt[top]) {
                lx->pending_error = "inconsistent use of tabs and spaces in indentation";
                lx->pending_error_pos = i;
            }
            lx->indent[lx->nindent] = col;
            lx->indent_alt[lx->nindent] = alt;
            lx->nindent++;
            *out = make(PY_TK_INDENT, i - (alt < i ? alt : i), i);
            return true;
        }
        unsigned dedents = 0;
        while (lx->nindent > 1 && col < lx->indent[lx->nindent - 1]) {
            lx->nindent--;
            dedents++;
        }
        top = lx->nindent - 1;
        if (col != lx->indent[top]) {
            lx->pending_error = "unindent does not match any outer indentation level";
            lx->pending_error_pos = i;
        } else if (alt != lx->indent_alt[top]) {
            lx->pending_error = "inconsistent use of tabs and spaces in indentation";
            lx->pending_error_pos = i;
        }
        lx->pending_dedents = dedents - 1;
        *out = make(PY_TK_DEDENT, i, i);
        return true;
    }
}

/* A name, or the prefix of a string literal. */
static py_token scan_name(py_lexer *lx, uint32_t i)
{
    const unsigned char *z = (const unsigned char *)lx->text;
    const uint32_t n = lx->len, start = i;
    while (i < n && (byte_class[z[i]] == ID || byte_class[z[i]] == DIG)) {
        if (z[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t k = utf8_length(z + i, n - i);
        if (!k) {
            lx->pos = i + 1;
            return error_at(i, i + 1, bad_byte_message(z[i]));
        }
        i += k;
    }
    bool raw, bytes, fstr;
    if (i < n && byte_class[z[i]] == QUO &&
        string_prefix(z + start, i - start, &raw, &bytes, &fstr)) {
        str_scan s = {z, n, start, NULL, 0, 0, false};
        uint32_t end = scan_string(&s, i, raw, bytes, fstr, 0);
        lx->pos = end;
        return s.msg ? error_at(s.err_start, s.err_end, s.msg) : make(PY_TK_STRING, start, end);
    }
    lx->pos = i;
    py_token t = make(PY_TK_NAME, start, i);
    t.kw = py_keyword(lx->text + start, i - start);
    return t;
}

py_token py_next(py_lexer *lx)
{
    const unsigned char *z = (const unsigned char *)lx->text;
    const uint32_t n = lx->len;
    py_token t;
    if (lx->pending_dedents && !lx->eof_done) {
        lx->pending_dedents--;
        return make(PY_TK_DEDENT, lx->pos, lx->pos);
    }
    if (lx->pending_error) {
        t = error_at(lx->pending_error_pos, lx->pending_error_pos, lx->pending_error);
        lx->pending_error = NULL;
        return t;
    }
    if (lx->eof_done)
        return at_eof(lx);
    if (lx->line_start && lx->nbrackets == 0 && begin_line(lx, &t))
        return t;
    for (;;) {
        uint32_t i = lx->pos;
        if (i >= n)
            return at_eof(lx);
        unsigned char c = z[i];
        switch (byte_class[c]) {
        case SPC:
            lx->pos = i + 1;
            continue;
        case HSH: {
            uint32_t bad = UINT32_MAX;
            lx->pos = scan_comment(lx, i, &bad);
            if (bad != UINT32_MAX)
                return error_at(bad, bad + 1, bad_byte_message(z[bad]));
            continue;
        }
        case NL: {
            uint32_t nl = newline_length(z, n, i);
            lx->pos = i + nl;
            if (lx->nbrackets)
                continue; /* implicit line joining */
            if (lx->line_start) {
                /* Only continuation lines so far: still no logical line. */
                if (begin_line(lx, &t))
                    return t;
                continue;
            }
            lx->line_start = true;
            return make(PY_TK_NEWLINE, i, i + nl);
        }
        case BSL: {
            uint32_t nl = newline_length(z, n, i + 1);
            if (nl) {
                lx->pos = i + 1 + nl;
                continue;
            }
            lx->pos = i + 1;
            if (i + 1 >= n)
                return error_at(i, i + 1, "unexpected end of file after line continuation");
            return error_at(i, i + 1, "unexpected character after line continuation character");
        }
        default:
            break;
        }
        lx->line_start = false;
        switch (byte_class[c]) {
        case ID:
            return scan_name(lx, i);
        case DIG:
            return scan_number(lx, i);
        case DOT:
            if (i + 1 < n && z[i + 1] >= '0' && z[i + 1] <= '9')
                return scan_number(lx, i);
            return scan_operator(lx, i);
        case QUO: {
            str_scan s = {z, n, i, NULL, 0, 0, false};
            uint32_t end = scan_string(&s, i, false, false, false, 0);
            lx->pos = end;
            return s.msg ? error_at(s.err_start, s.err_end, s.msg) : make(PY_TK_STRING, i, end);
        }
        case OPR:
            return scan_operator(lx, i);
        default: {
            lx->pos = i + 1;
            if (c >= 0x80) {
                uint32_t k = utf8_length(z + i, n - i);
                lx->pos = i + (k ? k : 1);
            }
            return error_at(i, i + 1, bad_byte_message(c));
        }
        }
    }
}
