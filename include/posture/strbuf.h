/* strbuf.h: a growable byte buffer (after git's strbuf).
 *
 * The buffer owns buf; buf is always NUL-terminated once anything was added.
 * strbuf_release frees it; strbuf_detach hands it to the caller.
 */
#ifndef POSTURE_STRBUF_H
#define POSTURE_STRBUF_H

#include <stdarg.h>
#include <stddef.h>
#include "posture/common.h"

struct strbuf {
	char *buf;
	size_t len;
	size_t alloc;
};
#define STRBUF_INIT {NULL, 0, 0}

void strbuf_init(struct strbuf *sb);
void strbuf_release(struct strbuf *sb);
char *strbuf_detach(struct strbuf *sb);          /* caller frees; never NULL */
void strbuf_reset(struct strbuf *sb);            /* len = 0, keeps memory */
void strbuf_grow(struct strbuf *sb, size_t extra);
void strbuf_add(struct strbuf *sb, const void *data, size_t n);
void strbuf_addstr(struct strbuf *sb, const char *s);
void strbuf_addch(struct strbuf *sb, int c);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...) PST_PRINTF(2, 3);
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap);
const char *strbuf_cstr(const struct strbuf *sb); /* "" when empty */

#endif
