/*
 * report_github.c - findings as GitHub Actions workflow commands, which
 * the runner turns into annotations on the pull request's diff:
 *
 *     ::error file=schema.sql,line=3,col=5,endLine=3,endColumn=12,title=FK001 fk-unknown-table::...
 *
 * GitHub's escaping (toolkit's command.ts): in the message %, CR and LF
 * become %25, %0D, %0A; in properties also ':' and ',' (%3A, %2C), which
 * would otherwise end a property. info findings are notices.
 */
#include <string.h>

#include "escape.h"
#include "report_formats.h"

static void add_escaped(rm_buf *b, const char *s, bool property)
{
    /* Control characters other than line breaks are made visible first,
     * so that the log cannot be made to show something else. */
    rm_buf shown = RM_BUF_INIT;
    for (const char *p = s;;) {
        size_t len = strcspn(p, "\r\n");
        rm_escape_text(&shown, p, len, 1);
        p += len;
        if (!*p)
            break;
        rm_buf_addc(&shown, *p++);
    }
    for (size_t i = 0; i < shown.len; i++) {
        char c = shown.data[i];
        if (c == '%')
            rm_buf_adds(b, "%25");
        else if (c == '\r')
            rm_buf_adds(b, "%0D");
        else if (c == '\n')
            rm_buf_adds(b, "%0A");
        else if (property && c == ':')
            rm_buf_adds(b, "%3A");
        else if (property && c == ',')
            rm_buf_adds(b, "%2C");
        else
            rm_buf_addc(b, c);
    }
    rm_buf_free(&shown);
}

static const char *command(relmap_severity severity)
{
    switch (severity) {
    case RELMAP_SEVERITY_ERROR:
        return "error";
    case RELMAP_SEVERITY_WARNING:
        return "warning";
    case RELMAP_SEVERITY_INFO:
        break;
    }
    return "notice";
}

static void add_finding(rm_buf *b, const relmap_model *model, const relmap_finding *f)
{
    rm_buf_printf(b, "::%s ", command(f->severity));
    const char *path = rm_finding_path(model, f);
    if (path) {
        rm_buf_adds(b, "file=");
        add_escaped(b, path, true);
        rm_buf_addc(b, ',');
    }
    rm_region r;
    if (rm_span_region(model, f->span, &r)) {
        /* GitHub counts columns in characters, as SARIF's code points do. */
        rm_buf_printf(b, "line=%u,col=%u,endLine=%u,endColumn=%u,", r.start_line, r.start_column,
                      r.end_line, r.end_column);
    }
    rm_buf_adds(b, "title=");
    rm_buf title = RM_BUF_INIT;
    rm_buf_printf(&title, "%s %s", f->rule->id, f->rule->name);
    add_escaped(b, rm_buf_cstr(&title), true);
    rm_buf_free(&title);
    rm_buf_adds(b, "::");
    add_escaped(b, f->message, false);
    if (f->fix) {
        rm_buf_adds(b, "%0Afix: ");
        add_escaped(b, f->fix, false);
    }
    rm_buf_addc(b, '\n');
}

int rm_report_github(const relmap_model *model, const relmap_findings *findings,
                     relmap_write_fn write, void *payload)
{
    rm_buf b = RM_BUF_INIT;
    int rc = 0;
    for (size_t i = 0; i < findings->count && rc == 0; i++) {
        add_finding(&b, model, &findings->items[i]);
        if (write(payload, b.data, b.len) != 0)
            rc = RELMAP_EWRITE;
        rm_buf_clear(&b);
    }
    rm_buf_free(&b);
    return rc;
}
