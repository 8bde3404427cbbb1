/* utf8.h: validation before text reaches a renderer or an output file. */
#ifndef POSTURE_UTF8_H
#define POSTURE_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "posture/strbuf.h"

/* True when s[0..len) is valid UTF-8 (no overlongs, no surrogates).  If
 * not, *bad_at (may be NULL) gets the offset of the first bad byte. */
bool pst_utf8_valid(const char *s, size_t len, size_t *bad_at);
/* Appends s to sb with each invalid byte replaced by U+FFFD and control
 * characters other than tab and newline dropped. */
void pst_utf8_sanitize(struct strbuf *sb, const char *s, size_t len);
/* Length in bytes of the longest prefix of s that holds at most max_bytes
 * bytes and ends on a character boundary. */
size_t pst_utf8_cut(const char *s, size_t len, size_t max_bytes);

/* Appends s with control characters (tab and newline too, and DEL) written
 * as \xNN and invalid UTF-8 as U+FFFD: a file name printed as text cannot
 * move the cursor, clear the screen or start a fake line. */
void pst_utf8_escape(struct strbuf *sb, const char *s);
/* The first character of s that the PDF cannot draw as written (README
 * "Fonts"): the Arabic-block characters the shaper has no table for
 * (harakat, letters beyond the Arabic and Persian alphabets: arabic.h),
 * Thai, Lao, Devanagari and the other Indic scripts, Tibetan, Myanmar,
 * Khmer, and everything past U+FFFF (emoji); 0 when none. */
uint32_t pst_utf8_unshaped(const char *s);
/* Writes s (NULL writes nothing) to fp, sanitized as pst_utf8_sanitize does. */
void pst_utf8_fputs(const char *s, FILE *fp);

#endif
