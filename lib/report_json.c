/*
 * report_json.c - findings as JSON (DESIGN.md §4, `relmap check --format json`).
 */
#include "json_write.h"
#include "report_formats.h"

/* "file", "line" and "column" of a span; nulls (or the fallback file) when
 * it has no place. */
static void place_members(rj_writer *w, const relmap_model *model, relmap_span span,
                          const char *fallback_path)
{
    relmap_location loc;
    if (relmap_span_locate(model, span, &loc) == 0) {
        rj_member_string(w, "file", loc.path);
        rj_member_int(w, "line", loc.line);
        rj_member_int(w, "column", loc.column);
    } else {
        rj_member_string(w, "file", fallback_path);
        rj_member_string(w, "line", NULL);
        rj_member_string(w, "column", NULL);
    }
}

static void finding(rj_writer *w, const relmap_model *model, const relmap_finding *f)
{
    rj_object_begin(w);
    rj_member_string(w, "rule", f->rule->id);
    rj_member_string(w, "name", f->rule->name);
    rj_member_string(w, "severity", relmap_severity_name(f->severity));
    place_members(w, model, f->span, rm_finding_fallback_path(model, f));
    rj_member_string(w, "table", f->table);
    rj_member_string(w, "column_name", f->column);
    rj_member_string(w, "class", f->class_name);
    rj_member_string(w, "attribute", f->attribute);
    rj_member_string(w, "message", f->message);
    rj_key(w, "related");
    rj_array_begin(w);
    for (size_t i = 0; i < f->nrelated; i++) {
        rj_object_begin(w);
        place_members(w, model, f->related[i].span, NULL);
        rj_member_string(w, "message", f->related[i].message);
        rj_object_end(w);
    }
    rj_array_end(w);
    rj_member_string(w, "fix", f->fix);
    rj_object_end(w);
}

int rm_report_json(const relmap_model *model, const relmap_findings *findings,
                   relmap_write_fn write, void *payload)
{
    int64_t counts[4] = {0, 0, 0, 0};
    rj_writer w;
    rj_init(&w, write, payload);
    rj_object_begin(&w);
    rj_key(&w, "findings");
    rj_array_begin(&w);
    for (size_t i = 0; i < findings->count; i++) {
        finding(&w, model, &findings->items[i]);
        counts[findings->items[i].severity]++;
    }
    rj_array_end(&w);
    rj_key(&w, "summary");
    rj_object_begin(&w);
    rj_member_int(&w, "error", counts[RELMAP_SEVERITY_ERROR]);
    rj_member_int(&w, "warning", counts[RELMAP_SEVERITY_WARNING]);
    rj_member_int(&w, "info", counts[RELMAP_SEVERITY_INFO]);
    rj_object_end(&w);
    rj_object_end(&w);
    return rj_finish(&w);
}
