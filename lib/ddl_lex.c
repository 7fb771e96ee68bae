/*
 * ddl_lex.c - the SQL tokenizer (see ddl_lex.h). The structure follows
 * SQLite's tokenize.c: a class per byte, one switch over the class of a
 * token's first byte.
 */
#include "ddl_lex.h"

#include <pthread.h>
#include <string.h>

/* Byte classes, with short names so that the table below reads as a grid. */
enum {
    ID,  /* a letter, '_' or any byte >= 0x80 (UTF-8 is opaque) */
    XCH, /* x or X: an identifier, or the start of a blob */
    DIG, /* 0-9 */
    DOT, /* . : punctuation, or the start of a number */
    SPC, /* white space */
    MIN, /* - : minus, ->, ->> or a comment */
    SLA, /* / : divide or a comment */
    QUO, /* ' " ` */
    BRK, /* [ */
    QST, /* ? */
    VAR, /* : @ $ # */
    LT,  /* < */
    GT,  /* > */
    EQ,  /* = */
    BNG, /* ! */
    PIP, /* | */
    ONE, /* ( ) , ; + * % & ~ : always one byte */
    ILL  /* NUL, control bytes and the rest */
};

static const unsigned char byte_class[256] = {
    /* 0x */ ILL, ILL, ILL, ILL, ILL, ILL, ILL, ILL,
    ILL,          SPC, SPC, SPC, SPC, SPC, ILL, ILL,
    /* 1x */ ILL, ILL, ILL, ILL, ILL, ILL, ILL, ILL,
    ILL,          ILL, ILL, ILL, ILL, ILL, ILL, ILL,
    /* 2x */ SPC, BNG, QUO, VAR, VAR, ONE, ONE, QUO,
    ONE,          ONE, ONE, ONE, ONE, MIN, DOT, SLA,
    /* 3x */ DIG, DIG, DIG, DIG, DIG, DIG, DIG, DIG,
    DIG,          DIG, VAR, ONE, LT,  EQ,  GT,  QST,
    /* 4x */ VAR, ID,  ID,  ID,  ID,  ID,  ID,  ID,
    ID,           ID,  ID,  ID,  ID,  ID,  ID,  ID,
    /* 5x */ ID,  ID,  ID,  ID,  ID,  ID,  ID,  ID,
    XCH,          ID,  ID,  BRK, ILL, ILL, ILL, ID,
    /* 6x */ QUO, ID,  ID,  ID,  ID,  ID,  ID,  ID,
    ID,           ID,  ID,  ID,  ID,  ID,  ID,  ID,
    /* 7x */ ID,  ID,  ID,  ID,  ID,  ID,  ID,  ID,
    XCH,          ID,  ID,  ILL, PIP, ILL, ONE, ILL,
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

/* Bytes that continue an identifier: SQLite also allows '$' inside one. */
static bool is_id_char(unsigned char c)
{
    return byte_class[c] == ID || byte_class[c] == XCH || byte_class[c] == DIG || c == '$';
}

static bool is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static bool is_hex(unsigned char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

#define KW_NAME(name, fallback) #name,
static const char *const keyword_names[] = {"", DDL_KEYWORDS(KW_NAME)};
#undef KW_NAME
#define KW_FALLBACK(name, fallback) fallback,
static const unsigned char keyword_fallback[] = {0, DDL_KEYWORDS(KW_FALLBACK)};
#undef KW_FALLBACK

void ddl_lexer_init(ddl_lexer *lx, const char *text, size_t len)
{
    lx->text = text;
    lx->len = len;
    lx->pos = 0;
    lx->dialect = DDL_LEX_SQLITE;
    lx->in_conditional = false;
    lx->words_only = false;
}

void ddl_lexer_set_dialect(ddl_lexer *lx, ddl_lex_dialect dialect)
{
    lx->dialect = dialect;
}

/*
 * Keywords by hash: an open-addressed table of keyword numbers, filled
 * once (pthread_once: the library may be used from several threads). A
 * binary search with strcmp cost a quarter of reading a DDL file.
 */
#define KW_SLOTS 1024 /* a power of two, well above twice DDL_KW_COUNT */
_Static_assert(2 * DDL_KW_COUNT < KW_SLOTS, "the keyword table must stay sparse");
static unsigned short keyword_slots[KW_SLOTS];
static pthread_once_t keyword_slots_once = PTHREAD_ONCE_INIT;

static unsigned keyword_hash(const char *upper, size_t len)
{
    unsigned h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)upper[i]) * 16777619u;
    return h;
}

static void fill_keyword_slots(void)
{
    for (size_t kw = 1; kw < DDL_KW_COUNT; kw++) {
        unsigned h = keyword_hash(keyword_names[kw], strlen(keyword_names[kw]));
        while (keyword_slots[h & (KW_SLOTS - 1)])
            h++;
        keyword_slots[h & (KW_SLOTS - 1)] = (unsigned short)kw;
    }
}

#define KW_LEN(name, fallback) sizeof #name - 1,
static const unsigned char keyword_len[] = {0, DDL_KEYWORDS(KW_LEN)};
#undef KW_LEN

ddl_kw ddl_keyword(const char *word, size_t len)
{
    char upper[24];
    if (len == 0 || len >= sizeof upper)
        return DDL_KW_NONE;
    /* Upper-cased and hashed in one pass (keyword_hash's FNV-1a). */
    unsigned hash = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        char c = word[i];
        if (c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        upper[i] = c;
        hash = (hash ^ (unsigned char)c) * 16777619u;
    }
    pthread_once(&keyword_slots_once, fill_keyword_slots);
    for (unsigned h = hash;; h++) {
        unsigned kw = keyword_slots[h & (KW_SLOTS - 1)];
        if (kw == 0)
            return DDL_KW_NONE;
        if (keyword_len[kw] == len && memcmp(upper, keyword_names[kw], len) == 0)
            return (ddl_kw)kw;
    }
}

const char *ddl_keyword_name(ddl_kw kw)
{
    return (unsigned)kw < DDL_KW_COUNT ? keyword_names[kw] : "";
}

bool ddl_keyword_is_fallback(ddl_kw kw)
{
    return (unsigned)kw < DDL_KW_COUNT && keyword_fallback[kw];
}

/* Scans a quoted run closed by `close`, where a doubled `close` stands for
 * one; returns the length, or 0 when the quote never closes. */
static size_t scan_quoted(const unsigned char *z, size_t n, unsigned char close, bool doubles)
{
    for (size_t i = 1; i < n; i++) {
        if (z[i] != close)
            continue;
        if (doubles && i + 1 < n && z[i + 1] == close) {
            i++;
            continue;
        }
        return i + 1;
    }
    return 0;
}

/* A number: decimal with an optional fraction and exponent, or hex. A
 * number running straight into an identifier character is malformed. */
static size_t scan_number(const unsigned char *z, size_t n, ddl_tk *kind)
{
    size_t i = 0;
    *kind = DDL_TK_NUMBER;
    if (n > 2 && z[0] == '0' && (z[1] == 'x' || z[1] == 'X') && is_hex(z[2])) {
        for (i = 2; i < n && is_hex(z[i]); i++)
            ;
    } else {
        while (i < n && is_digit(z[i]))
            i++;
        if (i < n && z[i] == '.')
            for (i++; i < n && is_digit(z[i]); i++)
                ;
        if (i < n && (z[i] == 'e' || z[i] == 'E')) {
            size_t j = i + 1;
            if (j < n && (z[j] == '+' || z[j] == '-'))
                j++;
            if (j < n && is_digit(z[j])) {
                for (i = j; i < n && is_digit(z[i]); i++)
                    ;
            }
        }
    }
    if (i < n && is_id_char(z[i])) {
        *kind = DDL_TK_ILLEGAL;
        while (i < n && is_id_char(z[i]))
            i++;
    }
    return i;
}

/* An identifier or keyword (told apart by the caller). */
static size_t scan_word(const unsigned char *z, size_t n, ddl_tk *kind)
{
    size_t i = 1;
    while (i < n && is_id_char(z[i]))
        i++;
    *kind = DDL_TK_ID;
    return i;
}

/* A '..' string where a backslash escapes the next byte (MySQL strings,
 * PostgreSQL E'..'): the length, or 0 when it never closes. */
static size_t scan_escaped(const unsigned char *z, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        if (z[i] == '\\') {
            i++;
        } else if (z[i] == '\'') {
            if (i + 1 < n && z[i + 1] == '\'')
                i++;
            else
                return i + 1;
        }
    }
    return 0;
}

/* The length of a dollar-quote tag at z ("$$" or "$name$"), or 0. */
static size_t dollar_tag(const unsigned char *z, size_t n)
{
    if (n < 2 || z[0] != '$')
        return 0;
    if (z[1] == '$')
        return 2;
    if (byte_class[z[1]] != ID && byte_class[z[1]] != XCH)
        return 0;
    for (size_t i = 2; i < n; i++) {
        if (z[i] == '$')
            return i + 1;
        if (!is_id_char(z[i]))
            return 0;
    }
    return 0;
}

/* A dollar-quoted string: from the tag to the same tag again. */
static size_t scan_dollar(const unsigned char *z, size_t n, size_t tag, ddl_tk *kind)
{
    for (size_t i = tag; i + tag <= n; i++) {
        const unsigned char *hit = memchr(z + i, '$', n - i);
        if (!hit)
            break;
        i = (size_t)(hit - z);
        if (i + tag <= n && memcmp(z + i, z, tag) == 0) {
            *kind = DDL_TK_STRING;
            return i + tag;
        }
    }
    *kind = DDL_TK_ILLEGAL;
    return n;
}

/* PostgreSQL's block comments nest. */
static size_t scan_nested_comment(const unsigned char *z, size_t n)
{
    size_t depth = 0, i = 0;
    while (i < n) {
        if (i + 1 < n && z[i] == '/' && z[i + 1] == '*') {
            depth++;
            i += 2;
        } else if (i + 1 < n && z[i] == '*' && z[i + 1] == '/') {
            i += 2;
            if (--depth == 0)
                return i;
        } else {
            i++;
        }
    }
    return n;
}

/*
 * What PostgreSQL and MySQL scan differently from SQLite: the length and
 * kind of the token at z, or 0 when the SQLite rules apply.
 */
static size_t scan_dialect(ddl_lexer *lx, const unsigned char *z, size_t n, ddl_tk *kind)
{
    if (lx->dialect == DDL_LEX_MYSQL) {
        if (lx->in_conditional && n > 1 && z[0] == '*' && z[1] == '/') {
            lx->in_conditional = false;
            *kind = DDL_TK_SPACE;
            return 2;
        }
        if (z[0] == '#') {
            const unsigned char *nl = memchr(z, '\n', n);
            *kind = DDL_TK_COMMENT;
            return nl ? (size_t)(nl - z) : n;
        }
        /* A conditional comment, MySQL's or MariaDB's: its content is SQL. */
        size_t open = n > 2 && z[0] == '/' && z[1] == '*' && z[2] == '!'                  ? 3
                      : n > 3 && z[0] == '/' && z[1] == '*' && z[2] == 'M' && z[3] == '!' ? 4
                                                                                          : 0;
        if (open && !lx->in_conditional) {
            while (open < n && is_digit(z[open]))
                open++;
            lx->in_conditional = true;
            *kind = DDL_TK_SPACE;
            return open;
        }
        if (z[0] == '\'') {
            size_t i = scan_escaped(z, n);
            *kind = i ? DDL_TK_STRING : DDL_TK_ILLEGAL;
            return i ? i : n;
        }
        if (z[0] == '[' || z[0] == ']') {
            *kind = DDL_TK_PUNCT;
            return 1;
        }
        return 0;
    }
    if (lx->dialect != DDL_LEX_POSTGRES)
        return 0;
    if ((z[0] == 'E' || z[0] == 'e') && n > 1 && z[1] == '\'') {
        size_t i = scan_escaped(z + 1, n - 1);
        *kind = i ? DDL_TK_STRING : DDL_TK_ILLEGAL;
        return i ? i + 1 : n;
    }
    if (z[0] == '$') {
        size_t tag = dollar_tag(z, n);
        return tag ? scan_dollar(z, n, tag, kind) : 0;
    }
    if (z[0] == '/' && n > 1 && z[1] == '*') {
        *kind = DDL_TK_COMMENT;
        return scan_nested_comment(z, n);
    }
    if (z[0] == ':') {
        *kind = DDL_TK_PUNCT;
        return n > 1 && z[1] == ':' ? 2 : 1;
    }
    if (z[0] == '[' || z[0] == ']') {
        *kind = DDL_TK_PUNCT;
        return 1;
    }
    return 0;
}

/* The length and kind of the token at the start of z (n >= 1). */
static size_t scan(const unsigned char *z, size_t n, ddl_tk *kind)
{
    size_t i;
    *kind = DDL_TK_PUNCT;
    switch (byte_class[z[0]]) {
    case SPC:
        for (i = 1; i < n && byte_class[z[i]] == SPC; i++)
            ;
        *kind = DDL_TK_SPACE;
        return i;
    case MIN:
        if (n > 1 && z[1] == '-') {
            for (i = 2; i < n && z[i] != '\n'; i++)
                ;
            *kind = DDL_TK_COMMENT;
            return i;
        }
        if (n > 1 && z[1] == '>')
            return n > 2 && z[2] == '>' ? 3 : 2;
        return 1;
    case SLA:
        if (n > 1 && z[1] == '*') {
            /* An unterminated comment runs to the end, as in SQLite. */
            for (i = 2; i < n && !(z[i] == '/' && z[i - 1] == '*' && i > 2); i++)
                ;
            *kind = DDL_TK_COMMENT;
            return i < n ? i + 1 : n;
        }
        return 1;
    case ONE:
        return 1;
    case EQ:
        return n > 1 && z[1] == '=' ? 2 : 1;
    case LT:
        return n > 1 && (z[1] == '=' || z[1] == '>' || z[1] == '<') ? 2 : 1;
    case GT:
        return n > 1 && (z[1] == '=' || z[1] == '>') ? 2 : 1;
    case BNG:
        if (n > 1 && z[1] == '=')
            return 2;
        *kind = DDL_TK_ILLEGAL;
        return 1;
    case PIP:
        return n > 1 && z[1] == '|' ? 2 : 1;
    case QUO:
        i = scan_quoted(z, n, z[0], true);
        if (i == 0) {
            *kind = DDL_TK_ILLEGAL;
            return n;
        }
        *kind = z[0] == '\'' ? DDL_TK_STRING : DDL_TK_QUOTED;
        return i;
    case BRK:
        i = scan_quoted(z, n, ']', false);
        if (i == 0) {
            *kind = DDL_TK_ILLEGAL;
            return n;
        }
        *kind = DDL_TK_QUOTED;
        return i;
    case DOT:
        if (n > 1 && is_digit(z[1]))
            return scan_number(z, n, kind);
        return 1;
    case DIG:
        return scan_number(z, n, kind);
    case QST:
        for (i = 1; i < n && is_digit(z[i]); i++)
            ;
        *kind = DDL_TK_VARIABLE;
        return i;
    case VAR:
        for (i = 1; i < n && (is_id_char(z[i]) || z[i] == ':'); i++)
            ;
        *kind = i > 1 ? DDL_TK_VARIABLE : DDL_TK_ILLEGAL;
        return i;
    case XCH:
        if (n > 1 && z[1] == '\'') {
            for (i = 2; i < n && is_hex(z[i]); i++)
                ;
            if (i < n && z[i] == '\'' && (i - 2) % 2 == 0) {
                *kind = DDL_TK_BLOB;
                return i + 1;
            }
            /* A malformed blob runs to its closing quote, or the end. */
            while (i < n && z[i] != '\'')
                i++;
            *kind = DDL_TK_ILLEGAL;
            return i < n ? i + 1 : n;
        }
        return scan_word(z, n, kind);
    case ID:
        return scan_word(z, n, kind);
    default:
        *kind = DDL_TK_ILLEGAL;
        return 1;
    }
}

ddl_token ddl_next(ddl_lexer *lx)
{
    ddl_token tok = {DDL_TK_EOF, DDL_KW_NONE, lx->pos, 0};
    if (lx->pos >= lx->len)
        return tok;
    const unsigned char *z = (const unsigned char *)lx->text + lx->pos;
    size_t n = lx->len - lx->pos;
    tok.len = lx->dialect != DDL_LEX_SQLITE ? scan_dialect(lx, z, n, &tok.kind) : 0;
    if (tok.len == 0)
        tok.len = scan(z, n, &tok.kind);
    if (tok.kind == DDL_TK_ID && !lx->words_only) {
        tok.kw = ddl_keyword(lx->text + tok.start, tok.len);
        if (tok.kw != DDL_KW_NONE)
            tok.kind = DDL_TK_KEYWORD;
    }
    lx->pos += tok.len;
    return tok;
}

ddl_token ddl_next_significant(ddl_lexer *lx)
{
    ddl_token tok;
    do
        tok = ddl_next(lx);
    while (tok.kind == DDL_TK_SPACE || tok.kind == DDL_TK_COMMENT);
    return tok;
}

bool ddl_is_name(const ddl_token *tok)
{
    switch (tok->kind) {
    case DDL_TK_ID:
    case DDL_TK_QUOTED:
    case DDL_TK_STRING:
        return true;
    case DDL_TK_KEYWORD:
        return ddl_keyword_is_fallback(tok->kw);
    default:
        return false;
    }
}

bool ddl_is_punct(const ddl_lexer *lx, const ddl_token *tok, const char *punct)
{
    if (tok->kind != DDL_TK_PUNCT || lx->text[tok->start] != punct[0])
        return false;
    size_t n = strlen(punct);
    return tok->len == n && memcmp(lx->text + tok->start, punct, n) == 0;
}

size_t ddl_dequote(const ddl_lexer *lx, const ddl_token *tok, char *out)
{
    size_t tok_len_adjust = 0;
    const char *z = lx->text + tok->start;
    size_t n = 0;
    if (tok->kind == DDL_TK_STRING && tok->len >= 2 && z[0] == '$') {
        size_t tag = dollar_tag((const unsigned char *)z, tok->len);
        if (tag && tok->len >= 2 * tag) {
            n = tok->len - 2 * tag;
            memcpy(out, z + tag, n);
            out[n] = '\0';
            return n;
        }
    }
    if (tok->kind == DDL_TK_STRING && tok->len >= 3 && (z[0] == 'E' || z[0] == 'e')) {
        z++; /* E'..': the escapes stay as written */
        tok_len_adjust = 1;
    }
    if ((tok->kind == DDL_TK_QUOTED || tok->kind == DDL_TK_STRING) && tok->len >= 2) {
        char close = z[0] == '[' ? ']' : z[0];
        bool escapes = tok_len_adjust || (lx->dialect == DDL_LEX_MYSQL && close == '\'');
        for (size_t i = 1; i + 1 < tok->len - tok_len_adjust; i++) {
            if (escapes && z[i] == '\\' && i + 2 < tok->len - tok_len_adjust) {
                out[n++] = z[i++]; /* the escape and what it escapes, as written */
                out[n++] = z[i];
                continue;
            }
            out[n++] = z[i];
            if (z[i] == close && close != ']')
                i++; /* the second of a doubled quote */
        }
    } else {
        memcpy(out, z, tok->len);
        n = tok->len;
    }
    out[n] = '\0';
    return n;
}
