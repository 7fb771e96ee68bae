/*
 * report_sarif.c - findings as SARIF 2.1.0, for code scanning services
 * (GitHub's upload-sarif) and SARIF viewers.
 *
 * One run: the driver lists every rule of the catalogue, so that a
 * result's ruleIndex is its catalogue position and a viewer can show the
 * documentation of rules that found nothing. Columns count code points
 * (run.columnKind), not the bytes relmap counts elsewhere.
 *
 * A fix is offered as an artifactChange only where applying it is
 * meaningful: the finding is in a text file (not a statement stored in a
 * database) and the fix is a whole statement (CREATE, DROP, ALTER,
 * PRAGMA). It is inserted at the end of the file, the one place where a
 * new statement is always valid; fragments such as "REFERENCES t(id)"
 * stay in properties.fix, since where they go is for a person to decide.
 */
#include <string.h>
#include <strings.h>

#include "json_write.h"
#include "relmap_version.h"
#include "report_formats.h"

/* RELMAP_HOMEPAGE_URL comes from CMake (the cache variable of that name). */

static const char *sarif_level(relmap_severity severity)
{
    switch (severity) {
    case RELMAP_SEVERITY_ERROR:
        return "error";
    case RELMAP_SEVERITY_WARNING:
        return "warning";
    case RELMAP_SEVERITY_INFO:
        break;
    }
    return "note";
}

/*
 * A path as a URI reference (RFC 3986): relative paths stay relative, as
 * the user gave them, so that a CI service resolves them against its
 * checkout; absolute ones become file:// URIs. Bytes outside the
 * unreserved set and '/' are percent-encoded.
 */
static void add_uri(rm_buf *out, const char *path)
{
    static const char hex[] = "0123456789ABCDEF";
    if (path[0] == '/')
        rm_buf_adds(out, "file://");
    while (path[0] == '.' && path[1] == '/')
        path += 2;
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
            strchr("-._~/", *p)) {
            rm_buf_addc(out, (char)*p);
        } else {
            rm_buf_addc(out, '%');
            rm_buf_addc(out, hex[*p >> 4]);
            rm_buf_addc(out, hex[*p & 0xF]);
        }
    }
}

static void text_message(rj_writer *w, const char *key, const char *text)
{
    rj_key(w, key);
    rj_object_begin(w);
    rj_member_string(w, "text", text);
    rj_object_end(w);
}

static void region(rj_writer *w, const rm_region *r)
{
    rj_key(w, "region");
    rj_object_begin(w);
    rj_member_int(w, "startLine", r->start_line);
    rj_member_int(w, "startColumn", r->start_column);
    rj_member_int(w, "endLine", r->end_line);
    rj_member_int(w, "endColumn", r->end_column);
    rj_object_end(w);
}

static void artifact_location(rj_writer *w, const char *path)
{
    rm_buf uri = RM_BUF_INIT;
    add_uri(&uri, path);
    rj_key(w, "artifactLocation");
    rj_object_begin(w);
    rj_member_string(w, "uri", rm_buf_cstr(&uri));
    rj_object_end(w);
    rm_buf_free(&uri);
}

/* A physicalLocation member for a span (or just its file); false when
 * there is nothing to say where. */
static bool physical_location(rj_writer *w, const relmap_model *model, relmap_span span,
                              const char *fallback_path)
{
    rm_region r;
    bool placed = rm_span_region(model, span, &r);
    const char *path = placed ? model->sources[span.source].path : fallback_path;
    if (!path)
        return false;
    rj_key(w, "physicalLocation");
    rj_object_begin(w);
    artifact_location(w, path);
    if (placed)
        region(w, &r);
    rj_object_end(w);
    return true;
}

static void rule_descriptor(rj_writer *w, const relmap_rule *rule)
{
    rj_object_begin(w);
    rj_member_string(w, "id", rule->id);
    rj_member_string(w, "name", rule->name);
    text_message(w, "shortDescription", rule->summary);
    text_message(w, "fullDescription", rule->rationale);
    rm_buf help = RM_BUF_INIT;
    rm_buf_printf(&help, "%s\n\nFix: %s\n\nExample:\n%s\n\nFixed:\n%s\n", rule->summary, rule->fix,
                  rule->bad, rule->good);
    text_message(w, "help", rm_buf_cstr(&help));
    rm_buf_free(&help);
    rj_key(w, "defaultConfiguration");
    rj_object_begin(w);
    rj_member_string(w, "level", sarif_level(rule->severity));
    rj_object_end(w);
    rj_object_end(w);
}

/* Whether a fix is a statement of its own, insertable anywhere between
 * statements. */
static bool whole_statement(const char *fix)
{
    static const char *const verbs[] = {"CREATE ", "DROP ", "ALTER ", "PRAGMA "};
    for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++)
        if (strncasecmp(fix, verbs[i], strlen(verbs[i])) == 0)
            return true;
    return false;
}

/* fixes: one insertion at the end of the finding's file (see the top). */
static void fixes(rj_writer *w, const relmap_model *model, const relmap_finding *f)
{
    if (!f->fix || !whole_statement(f->fix) || f->span.source >= model->nsources)
        return;
    const relmap_source *src = &model->sources[f->span.source];
    if (src->statement)
        return;
    relmap_span end = {f->span.source, (uint32_t)src->len, (uint32_t)src->len};
    rm_region r;
    rm_span_region(model, end, &r);
    r.end_column = r.start_column; /* an insertion point, not a character */
    bool at_line_start = src->len == 0 || src->text[src->len - 1] == '\n';
    rm_buf text = RM_BUF_INIT;
    rm_buf_printf(&text, "%s%s\n", at_line_start ? "" : "\n", f->fix);

    rj_key(w, "fixes");
    rj_array_begin(w);
    rj_object_begin(w);
    text_message(w, "description", "Add the statement at the end of the file.");
    rj_key(w, "artifactChanges");
    rj_array_begin(w);
    rj_object_begin(w);
    artifact_location(w, src->path);
    rj_key(w, "replacements");
    rj_array_begin(w);
    rj_object_begin(w);
    rj_key(w, "deletedRegion");
    rj_object_begin(w);
    rj_member_int(w, "startLine", r.start_line);
    rj_member_int(w, "startColumn", r.start_column);
    rj_member_int(w, "endLine", r.end_line);
    rj_member_int(w, "endColumn", r.end_column);
    rj_object_end(w);
    rj_key(w, "insertedContent");
    rj_object_begin(w);
    rj_member_string(w, "text", rm_buf_cstr(&text));
    rj_object_end(w);
    rj_object_end(w);
    rj_array_end(w);
    rj_object_end(w);
    rj_array_end(w);
    rj_object_end(w);
    rj_array_end(w);
    rm_buf_free(&text);
}

/* rule_index: the rule's place in tool.driver.rules, or -1 for a rule
 * that is not the catalogue's own entry. */
static void result(rj_writer *w, const relmap_model *model, const relmap_finding *f,
                   int64_t rule_index)
{
    rj_object_begin(w);
    rj_member_string(w, "ruleId", f->rule->id);
    if (rule_index >= 0)
        rj_member_int(w, "ruleIndex", rule_index);
    rj_member_string(w, "level", sarif_level(f->severity));
    text_message(w, "message", f->message);
    rj_key(w, "locations");
    rj_array_begin(w);
    rj_object_begin(w);
    if (!physical_location(w, model, f->span, rm_finding_fallback_path(model, f))) {
        /* No file at all: a logical location still names what it is about. */
        rj_key(w, "logicalLocations");
        rj_array_begin(w);
        rj_object_begin(w);
        rj_member_string(w, "name", f->table ? f->table : f->rule->id);
        rj_member_string(w, "kind", f->table ? "table" : "module");
        rj_object_end(w);
        rj_array_end(w);
    }
    rj_object_end(w);
    rj_array_end(w);

    bool any_related = false;
    for (size_t i = 0; i < f->nrelated; i++) {
        rm_region r;
        if (!rm_span_region(model, f->related[i].span, &r))
            continue;
        if (!any_related) {
            rj_key(w, "relatedLocations");
            rj_array_begin(w);
            any_related = true;
        }
        rj_object_begin(w);
        rj_member_int(w, "id", (int64_t)i + 1);
        physical_location(w, model, f->related[i].span, NULL);
        text_message(w, "message", f->related[i].message);
        rj_object_end(w);
    }
    if (any_related)
        rj_array_end(w);

    char fingerprint[17];
    rm_finding_fingerprint(f, fingerprint);
    rj_key(w, "partialFingerprints");
    rj_object_begin(w);
    rj_member_string(w, "relmapFindingKey/v1", fingerprint);
    rj_object_end(w);
    fixes(w, model, f);
    if (f->fix || f->table || f->column || f->class_name || f->attribute) {
        rj_key(w, "properties");
        rj_object_begin(w);
        if (f->table)
            rj_member_string(w, "table", f->table);
        if (f->column)
            rj_member_string(w, "column", f->column);
        if (f->class_name)
            rj_member_string(w, "class", f->class_name);
        if (f->attribute)
            rj_member_string(w, "attribute", f->attribute);
        if (f->fix)
            rj_member_string(w, "fix", f->fix);
        rj_object_end(w);
    }
    rj_object_end(w);
}

int rm_report_sarif(const relmap_model *model, const relmap_findings *findings,
                    relmap_write_fn write, void *payload)
{
    size_t nrules;
    const relmap_rule *rules = relmap_rules(&nrules);
    rj_writer w;
    rj_init(&w, write, payload);
    rj_object_begin(&w);
    rj_member_string(&w, "$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    rj_member_string(&w, "version", "2.1.0");
    rj_key(&w, "runs");
    rj_array_begin(&w);
    rj_object_begin(&w);
    rj_key(&w, "tool");
    rj_object_begin(&w);
    rj_key(&w, "driver");
    rj_object_begin(&w);
    rj_member_string(&w, "name", "relmap");
    rj_member_string(&w, "version", RELMAP_VERSION_STRING);
    rj_member_string(&w, "semanticVersion", RELMAP_VERSION_STRING);
    rj_member_string(&w, "informationUri", RELMAP_HOMEPAGE_URL);
    rj_key(&w, "rules");
    rj_array_begin(&w);
    for (size_t i = 0; i < nrules; i++)
        rule_descriptor(&w, &rules[i]);
    rj_array_end(&w);
    rj_object_end(&w);
    rj_object_end(&w);
    rj_member_string(&w, "columnKind", "unicodeCodePoints");
    rj_key(&w, "results");
    rj_array_begin(&w);
    for (size_t i = 0; i < findings->count; i++) {
        const relmap_finding *f = &findings->items[i];
        size_t index = 0;
        while (index < nrules && &rules[index] != f->rule)
            index++;
        result(&w, model, f, index < nrules ? (int64_t)index : -1);
    }
    rj_array_end(&w);
    rj_object_end(&w);
    rj_array_end(&w);
    rj_object_end(&w);
    return rj_finish(&w);
}
