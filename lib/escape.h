/*
 * escape.h - UTF-8 decoding and escaping shared by every output format.
 *
 * Names and source text come from untrusted inputs: they may hold invalid
 * UTF-8, control characters or markup. Every formatter writes them through
 * these helpers (JSON through json_write.h), so a table named `<script>` or
 * one holding an escape sequence is always shown as text.
 */
#ifndef RELMAP_ESCAPE_H
#define RELMAP_ESCAPE_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

#define RM_UTF8_REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD */

/*
 * Decodes the character at the start of `s` (n >= 1 bytes). Returns its
 * length in bytes and stores the code point in *cp. For an invalid sequence
 * stores -1 and returns the length of its maximal valid prefix (at least 1),
 * so that each invalid run becomes one U+FFFD, as Python and browsers do.
 */
size_t rm_utf8_decode(const char *s, size_t n, int32_t *cp);

/*
 * Appends `len` bytes of `s` for a terminal or a text file: invalid UTF-8
 * becomes U+FFFD and control characters (which could move the cursor or
 * change colours) become `\xNN`; a tab is kept when `keep_tab`.
 */
void rm_escape_text(rm_buf *out, const char *s, size_t len, int keep_tab);

/*
 * Appends `len` bytes of `s` as XML 1.0 character data or attribute text:
 * & < > " ' become references, invalid UTF-8 becomes U+FFFD, and the
 * characters XML 1.0 cannot hold at all (controls other than tab and line
 * breaks) become the visible text `\xNN`. Line breaks are kept, or
 * written as &#10; / &#13; when `attribute` (a parser would fold them
 * into spaces otherwise).
 */
void rm_escape_xml(rm_buf *out, const char *s, size_t len, int attribute);

#endif
