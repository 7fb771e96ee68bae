/*
 * report_text.c - findings for a person at a terminal:
 *
 *     input.db:3:5: warning: message [FK006 fk-missing-index]
 *      3 |     user_id INTEGER REFERENCES users (id)
 *        |     ^~~~~~~
 *       note: input.db:1:14: the referenced table
 *       fix: CREATE INDEX ...
 *
 * Everything taken from the input (names in messages, source lines) goes
 * through rm_escape_text, so it cannot move the cursor or change colours.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "escape.h"
#include "report_formats.h"

#define BOLD "\033[1m"
#define RESET "\033[0m"
/* Source lines longer than LINE_WINDOW bytes are shown in part: from
 * WINDOW_LEAD bytes before the span, with ELLIPSIS where text is left out. */
#define LINE_WINDOW 160
#define WINDOW_LEAD 40
#define ELLIPSIS "..."

typedef struct text_out {
    rm_buf buf;
    bool color;
} text_out;

static const char *severity_color(relmap_severity severity)
{
    switch (severity) {
    case RELMAP_SEVERITY_ERROR:
        return "\033[1;31m";
    case RELMAP_SEVERITY_WARNING:
        return "\033[1;33m";
    case RELMAP_SEVERITY_INFO:
        break;
    }
    return "\033[1;36m";
}

static void start_style(text_out *o, const char *style)
{
    if (o->color)
        rm_buf_adds(&o->buf, style);
}

static void end_style(text_out *o)
{
    if (o->color)
        rm_buf_adds(&o->buf, RESET);
}

static void add_escaped(text_out *o, const char *s)
{
    rm_escape_text(&o->buf, s, strlen(s), 0);
}

/*
 * Appends one `fill` character per character the escaped `s` shows, tabs
 * kept as tabs when keep_tabs: the caret line then lines up under the
 * source line however the terminal sets its tab stops.
 */
static void add_blank_like(rm_buf *out, const char *s, size_t len, char fill, int keep_tabs)
{
    /* Printable ASCII and tabs, the usual case, show as themselves. */
    size_t plain = 0;
    while (plain < len && ((s[plain] >= 0x20 && s[plain] < 0x7F) || s[plain] == '\t'))
        plain++;
    if (plain == len) {
        for (size_t i = 0; i < len; i++)
            rm_buf_addc(out, s[i] == '\t' && keep_tabs ? '\t' : fill);
        return;
    }
    rm_buf shown = RM_BUF_INIT;
    rm_escape_text(&shown, s, len, 1);
    for (size_t i = 0; i < shown.len;) {
        int32_t cp;
        size_t step = rm_utf8_decode(shown.data + i, shown.len - i, &cp);
        rm_buf_addc(out, cp == '\t' && keep_tabs ? '\t' : fill);
        i += step;
    }
    rm_buf_free(&shown);
}

/* The start of the UTF-8 character holding byte `at` of `s`. */
static size_t char_start(const char *s, size_t at)
{
    while (at > 0 && ((unsigned char)s[at] & 0xC0) == 0x80)
        at--;
    return at;
}

static void add_location(text_out *o, const relmap_location *loc)
{
    add_escaped(o, loc->path);
    rm_buf_printf(&o->buf, ":%u:%u:", loc->line, loc->column);
}

/*
 * A database's statement is shown from its first line ("CREATE TABLE
 * orders (") when the span is further down, since line numbers count
 * within a statement there and the location alone does not say which.
 */
static void add_statement_head(text_out *o, const relmap_source *src, const relmap_location *loc,
                               int width)
{
    size_t end = src->line_starts[1] - 1;
    if (end > 0 && src->text[end - 1] == '\r')
        end--;
    rm_buf_printf(&o->buf, " %*u | ", width, 1u);
    size_t shown = end > LINE_WINDOW ? char_start(src->text, LINE_WINDOW) : end;
    rm_escape_text(&o->buf, src->text, shown, 1);
    if (shown < end)
        rm_buf_adds(&o->buf, ELLIPSIS);
    rm_buf_addc(&o->buf, '\n');
    if (loc->line > 2)
        rm_buf_printf(&o->buf, " %*s | ...\n", width, "");
}

/*
 * The part of a line the snippet shows, [*from, *to): the whole line when
 * it is short, else a window from a little before the span. A minified
 * dump holds a whole schema on one line, and quoting it in full for each
 * finding would make the report grow with the square of the input.
 */
static void line_window(const char *line, size_t len, size_t col, size_t extent, size_t *from,
                        size_t *to)
{
    *from = 0;
    *to = len;
    if (len <= LINE_WINDOW)
        return;
    if (col > WINDOW_LEAD)
        *from = char_start(line, col - WINDOW_LEAD);
    size_t want = col + (extent ? extent : 1) + WINDOW_LEAD;
    if (want - *from > LINE_WINDOW)
        want = *from + LINE_WINDOW;
    if (want < len)
        *to = char_start(line, want);
}

/* The source line and a caret line under the part of it the span covers. */
static void add_snippet(text_out *o, const relmap_model *model, const relmap_location *loc,
                        relmap_span span)
{
    char number[16];
    int width = snprintf(number, sizeof number, "%u", loc->line);
    const relmap_source *src = &model->sources[span.source];
    if (src->statement && loc->line > 1)
        add_statement_head(o, src, loc, width);

    size_t col = loc->column - 1;
    if (col > loc->line_len)
        col = loc->line_len;
    size_t extent = span.end > span.start ? span.end - span.start : 0;
    if (extent > loc->line_len - col)
        extent = loc->line_len - col;
    size_t from, to;
    line_window(loc->line_text, loc->line_len, col, extent, &from, &to);
    if (extent > to - col)
        extent = to > col ? to - col : 0;
    const char *shown = loc->line_text + from;
    size_t lead = from ? strlen(ELLIPSIS) : 0;

    rm_buf_printf(&o->buf, " %s | ", number);
    if (lead)
        rm_buf_add(&o->buf, ELLIPSIS, lead);
    rm_escape_text(&o->buf, shown, to - from, 1);
    if (to < loc->line_len)
        rm_buf_adds(&o->buf, ELLIPSIS);
    rm_buf_printf(&o->buf, "\n %*s | ", width, "");

    for (size_t i = 0; i < lead; i++)
        rm_buf_addc(&o->buf, ' ');
    add_blank_like(&o->buf, shown, col - from, ' ', 1);
    start_style(o, BOLD);
    rm_buf_addc(&o->buf, '^');
    if (extent > 1) {
        /* The first character (however many bytes) is the caret itself. */
        int32_t cp;
        size_t first = rm_utf8_decode(loc->line_text + col, extent, &cp);
        add_blank_like(&o->buf, loc->line_text + col + first, extent - first, '~', 0);
    }
    end_style(o);
    rm_buf_addc(&o->buf, '\n');
}

static void add_fix(text_out *o, const char *fix)
{
    rm_buf_adds(&o->buf, "  fix: ");
    for (const char *line = fix;;) {
        const char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line) : strlen(line);
        rm_escape_text(&o->buf, line, len, 1);
        rm_buf_addc(&o->buf, '\n');
        if (!nl || nl[1] == '\0')
            break;
        line = nl + 1;
        rm_buf_adds(&o->buf, "       "); /* under the text after "  fix: " */
    }
}

static void add_finding(text_out *o, const relmap_model *model, const relmap_finding *f)
{
    relmap_location loc;
    bool located = relmap_span_locate(model, f->span, &loc) == 0;
    const char *path = located ? NULL : rm_finding_fallback_path(model, f);
    if (located || path) {
        start_style(o, BOLD);
        if (located) {
            add_location(o, &loc);
        } else {
            add_escaped(o, path);
            rm_buf_addc(&o->buf, ':');
        }
        end_style(o);
        rm_buf_addc(&o->buf, ' ');
    }
    start_style(o, severity_color(f->severity));
    rm_buf_printf(&o->buf, "%s:", relmap_severity_name(f->severity));
    end_style(o);
    rm_buf_addc(&o->buf, ' ');
    add_escaped(o, f->message);
    rm_buf_printf(&o->buf, " [%s %s]\n", f->rule->id, f->rule->name);
    if (located)
        add_snippet(o, model, &loc, f->span);

    for (size_t i = 0; i < f->nrelated; i++) {
        relmap_location rloc;
        rm_buf_adds(&o->buf, "  note: ");
        if (relmap_span_locate(model, f->related[i].span, &rloc) == 0) {
            add_location(o, &rloc);
            rm_buf_addc(&o->buf, ' ');
        }
        add_escaped(o, f->related[i].message);
        rm_buf_addc(&o->buf, '\n');
    }
    if (f->fix)
        add_fix(o, f->fix);
    rm_buf_addc(&o->buf, '\n');
}

static void add_count(rm_buf *b, size_t n, const char *one, const char *many)
{
    rm_buf_printf(b, "%zu %s", n, n == 1 ? one : many);
}

static void add_summary(text_out *o, const relmap_findings *findings)
{
    size_t counts[4] = {0, 0, 0, 0};
    for (size_t i = 0; i < findings->count; i++)
        counts[findings->items[i].severity]++;
    start_style(o, BOLD);
    if (findings->count == 0) {
        rm_buf_adds(&o->buf, "No problems found.");
    } else {
        add_count(&o->buf, findings->count, "problem", "problems");
        rm_buf_adds(&o->buf, " (");
        add_count(&o->buf, counts[RELMAP_SEVERITY_ERROR], "error", "errors");
        rm_buf_adds(&o->buf, ", ");
        add_count(&o->buf, counts[RELMAP_SEVERITY_WARNING], "warning", "warnings");
        rm_buf_adds(&o->buf, ", ");
        add_count(&o->buf, counts[RELMAP_SEVERITY_INFO], "info", "info");
        rm_buf_adds(&o->buf, ")");
    }
    end_style(o);
    rm_buf_addc(&o->buf, '\n');
}

/* One rule's count, for --statistics. */
typedef struct rule_count {
    const relmap_rule *rule;
    size_t count;
} rule_count;

static int compare_counts(const void *a, const void *b)
{
    const rule_count *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->rule->id, y->rule->id);
}

/* `  12  FK006  fk-missing-index`: most frequent first, as ruff does. */
static void add_statistics(text_out *o, const relmap_findings *findings)
{
    size_t nrules;
    relmap_rules(&nrules); /* at most one count per rule */
    rule_count *counts = rm_calloc(nrules, sizeof *counts);
    size_t n = 0;
    for (size_t i = 0; i < findings->count; i++) {
        size_t k = 0;
        while (k < n && counts[k].rule != findings->items[i].rule)
            k++;
        if (k == n)
            counts[n++].rule = findings->items[i].rule;
        counts[k].count++;
    }
    qsort(counts, n, sizeof *counts, compare_counts);
    int width = 1;
    if (n > 0)
        width = snprintf(NULL, 0, "%zu", counts[0].count);
    for (size_t k = 0; k < n; k++)
        rm_buf_printf(&o->buf, "%*zu  %-9s  %s\n", width, counts[k].count, counts[k].rule->id,
                      counts[k].rule->name);
    free(counts);
}

int rm_report_text(const relmap_model *model, const relmap_findings *findings,
                   const relmap_report_opts *opts, relmap_write_fn write, void *payload)
{
    text_out o = {RM_BUF_INIT, opts->color};
    int rc = 0;
    if (opts->statistics) {
        add_statistics(&o, findings);
        if (o.buf.len && write(payload, o.buf.data, o.buf.len) != 0)
            rc = RELMAP_EWRITE;
        rm_buf_clear(&o.buf);
    }
    /* One write per finding: a pipe reader sees whole findings early. */
    for (size_t i = 0; i < findings->count && rc == 0 && !opts->statistics; i++) {
        add_finding(&o, model, &findings->items[i]);
        if (write(payload, o.buf.data, o.buf.len) != 0)
            rc = RELMAP_EWRITE;
        rm_buf_clear(&o.buf);
    }
    if (rc == 0 && !opts->quiet) {
        add_summary(&o, findings);
        if (write(payload, o.buf.data, o.buf.len) != 0)
            rc = RELMAP_EWRITE;
    }
    rm_buf_free(&o.buf);
    return rc;
}
