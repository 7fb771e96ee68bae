/*
 * escape.c - UTF-8 decoding and text escaping (see escape.h).
 */
#include "escape.h"

#include <stdio.h>

/*
 * Well-formed UTF-8 per the Unicode standard, table 3-7: the second byte's
 * range depends on the lead byte (this excludes overlong forms, surrogates
 * and code points above U+10FFFF); later bytes are always 80..BF.
 */
size_t rm_utf8_decode(const char *s, size_t n, int32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned char lead = u[0];
    if (lead < 0x80) {
        *cp = lead;
        return 1;
    }
    size_t need;
    unsigned char lo = 0x80, hi = 0xBF;
    int32_t value;
    if (lead >= 0xC2 && lead <= 0xDF) {
        need = 2;
        value = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        need = 3;
        value = lead & 0x0F;
        if (lead == 0xE0)
            lo = 0xA0;
        else if (lead == 0xED)
            hi = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        need = 4;
        value = lead & 0x07;
        if (lead == 0xF0)
            lo = 0x90;
        else if (lead == 0xF4)
            hi = 0x8F;
    } else {
        *cp = -1;
        return 1;
    }
    for (size_t i = 1; i < need; i++) {
        if (i >= n || u[i] < lo || u[i] > hi) {
            *cp = -1;
            return i;
        }
        value = (value << 6) | (u[i] & 0x3F);
        lo = 0x80;
        hi = 0xBF;
    }
    *cp = value;
    return need;
}

void rm_escape_text(rm_buf *out, const char *s, size_t len, int keep_tab)
{
    size_t i = 0;
    while (i < len) {
        /* Printable ASCII, the bulk of any text, goes in runs. */
        size_t run = i;
        while (run < len && ((s[run] >= 0x20 && s[run] < 0x7F) || (s[run] == '\t' && keep_tab)))
            run++;
        if (run > i) {
            rm_buf_add(out, s + i, run - i);
            i = run;
            continue;
        }
        int32_t cp;
        size_t step = rm_utf8_decode(s + i, len - i, &cp);
        if (cp < 0) {
            rm_buf_adds(out, RM_UTF8_REPLACEMENT);
        } else if ((cp < 0x20 && !(cp == '\t' && keep_tab)) || cp == 0x7F) {
            rm_buf_printf(out, "\\x%02X", (unsigned)cp);
        } else if (cp >= 0x80 && cp < 0xA0) {
            /* C1 controls: CSI (U+009B) starts an escape sequence too. */
            rm_buf_printf(out, "\\u%04X", (unsigned)cp);
        } else {
            rm_buf_add(out, s + i, step);
        }
        i += step;
    }
}

void rm_escape_xml(rm_buf *out, const char *s, size_t len, int attribute)
{
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t step = rm_utf8_decode(s + i, len - i, &cp);
        switch (cp) {
        case '&':
            rm_buf_adds(out, "&amp;");
            break;
        case '<':
            rm_buf_adds(out, "&lt;");
            break;
        case '>':
            rm_buf_adds(out, "&gt;");
            break;
        case '"':
            rm_buf_adds(out, "&quot;");
            break;
        case '\'':
            rm_buf_adds(out, "&apos;");
            break;
        case '\n':
            rm_buf_adds(out, attribute ? "&#10;" : "\n");
            break;
        case '\r':
            rm_buf_adds(out, attribute ? "&#13;" : "\r");
            break;
        case '\t':
            rm_buf_adds(out, attribute ? "&#9;" : "\t");
            break;
        case -1:
            rm_buf_adds(out, RM_UTF8_REPLACEMENT);
            break;
        default:
            /* Not XML 1.0 characters: C0 controls, and U+FFFE/U+FFFF. */
            if (cp < 0x20)
                rm_buf_printf(out, "\\x%02X", (unsigned)cp);
            else if (cp == 0xFFFE || cp == 0xFFFF)
                rm_buf_printf(out, "\\u%04X", (unsigned)cp);
            else
                rm_buf_add(out, s + i, step);
            break;
        }
        i += step;
    }
}
