/*
 * report_junit.c - findings as a JUnit XML test report, the format CI
 * systems (GitLab's artifacts:reports:junit, Jenkins' junit step) show as
 * test results:
 *
 *     <testsuites name="relmap" tests="2" failures="1" errors="0">
 *       <testsuite name="relmap" tests="2" failures="1" errors="0" skipped="0">
 *         <testcase classname="relmap.FK" name="FK006 fk-missing-index">
 *           <failure type="info" message="schema.sql:7:3: ...">...</failure>
 *         </testcase>
 *         <testcase classname="relmap.TAB" name="TAB001 table-no-primary-key"/>
 *
 * Every rule that ran is a test case, so a rule that found nothing shows
 * as passed; each finding is a <failure> of its rule's case (several per
 * case where a rule found several things).
 */
#include <string.h>

#include "escape.h"
#include "report_formats.h"

static void add_xml(rm_buf *b, const char *s, int attribute)
{
    rm_escape_xml(b, s, strlen(s), attribute);
}

/* "path:line:col", "path" or "" for a finding's place. */
static void add_place(rm_buf *b, const relmap_model *model, const relmap_finding *f)
{
    relmap_location loc;
    if (relmap_span_locate(model, f->span, &loc) == 0) {
        rm_buf_printf(b, "%s:%u:%u", loc.path, loc.line, loc.column);
    } else {
        const char *path = rm_finding_fallback_path(model, f);
        if (path)
            rm_buf_adds(b, path);
    }
}

static void add_failure(rm_buf *out, const relmap_model *model, const relmap_finding *f)
{
    rm_buf place = RM_BUF_INIT, text = RM_BUF_INIT;
    add_place(&place, model, f);
    rm_buf_printf(&text, "%s%s%s", rm_buf_cstr(&place), place.len ? ": " : "", f->message);

    rm_buf_printf(out, "      <failure type=\"%s\" message=\"", relmap_severity_name(f->severity));
    add_xml(out, rm_buf_cstr(&text), 1);
    rm_buf_adds(out, "\">");
    rm_buf_printf(&text, "\nrule: %s %s\nseverity: %s", f->rule->id, f->rule->name,
                  relmap_severity_name(f->severity));
    for (size_t i = 0; i < f->nrelated; i++) {
        relmap_location loc;
        rm_buf_adds(&text, "\nnote: ");
        if (relmap_span_locate(model, f->related[i].span, &loc) == 0)
            rm_buf_printf(&text, "%s:%u:%u: ", loc.path, loc.line, loc.column);
        rm_buf_adds(&text, f->related[i].message);
    }
    if (f->fix)
        rm_buf_printf(&text, "\nfix: %s", f->fix);
    add_xml(out, rm_buf_cstr(&text), 0);
    rm_buf_adds(out, "</failure>\n");
    rm_buf_free(&place);
    rm_buf_free(&text);
}

int rm_report_junit(const relmap_model *model, const relmap_findings *findings,
                    relmap_write_fn write, void *payload)
{
    size_t nrules, tests = 0, failed = 0;
    const relmap_rule *rules = relmap_rules(&nrules);
    rm_buf cases = RM_BUF_INIT;
    for (size_t r = 0; r < nrules; r++) {
        const relmap_rule *rule = &rules[r];
        if (!relmap_findings_rule_ran(findings, rule))
            continue;
        tests++;
        /* The family ("FK", "ORM") groups cases in CI views. */
        size_t family = strcspn(rule->id, "0123456789");
        rm_buf_printf(&cases, "    <testcase classname=\"relmap.%.*s\" name=\"%s %s\"", (int)family,
                      rule->id, rule->id, rule->name);
        bool any = false;
        for (size_t i = 0; i < findings->count; i++) {
            if (findings->items[i].rule != rule)
                continue;
            if (!any)
                rm_buf_adds(&cases, ">\n");
            any = true;
            add_failure(&cases, model, &findings->items[i]);
        }
        if (any) {
            failed++;
            rm_buf_adds(&cases, "    </testcase>\n");
        } else {
            rm_buf_adds(&cases, "/>\n");
        }
    }
    rm_buf out = RM_BUF_INIT;
    rm_buf_adds(&out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    rm_buf_printf(&out,
                  "<testsuites name=\"relmap\" tests=\"%zu\" failures=\"%zu\" errors=\"0\">\n"
                  "  <testsuite name=\"relmap\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" "
                  "skipped=\"0\">\n",
                  tests, failed, tests, failed);
    if (cases.len)
        rm_buf_add(&out, cases.data, cases.len);
    rm_buf_adds(&out, "  </testsuite>\n</testsuites>\n");
    int rc = write(payload, out.data, out.len) == 0 ? 0 : RELMAP_EWRITE;
    rm_buf_free(&cases);
    rm_buf_free(&out);
    return rc;
}
