/* common.h: status codes, the error carrier, allocation helpers.
 *
 * Lower layers never print and never exit: they return a status and fill a
 * struct pst_error.  Only main prints the message and turns the status into
 * the process exit code.  The one exception is allocation failure, which
 * xmalloc and friends report and exit on (like git's die()).
 */
#ifndef POSTURE_COMMON_H
#define POSTURE_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Status codes; the non-zero ones are also the documented exit codes. */
enum pst_status {
	PST_OK = 0,
	PST_WARN = 1,        /* ok with data warnings (exit code only with --strict) */
	PST_EUSAGE = 64,     /* bad command line */
	PST_EDATA = 65,      /* bad input data */
	PST_ENOINPUT = 66,   /* input missing or unreadable */
	PST_ESOFTWARE = 70,  /* internal error */
	PST_ECANTCREAT = 73, /* cannot create an output */
	PST_EIO = 74         /* I/O error */
};

#define PST_ERRMSG_MAX 1024

/* An error: a status and one line of text without the "posture: " prefix,
 * in the form "FILE:LINE:COL: what" where a place is known. */
struct pst_error {
	int status;
	char msg[PST_ERRMSG_MAX];
};

#if defined(__GNUC__)
#define PST_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define PST_PRINTF(f, a)
#endif

/* Sets err (if not NULL) and returns status, so callers can write
 * `return pst_fail(err, PST_EDATA, "%s: ...", path);`. */
int pst_fail(struct pst_error *err, int status, const char *fmt, ...) PST_PRINTF(3, 4);

/* Allocation that never returns NULL: on failure prints and exits 71. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Grows *p (of *alloc elements of size `size`) to hold at least `need`. */
void pst_grow(void **p, size_t *alloc, size_t need, size_t size);
#define PST_GROW(p, alloc, need) pst_grow((void **)&(p), &(alloc), (need), sizeof(*(p)))

/* qsort that accepts an empty or NULL array (n < 2 is already sorted; the C
 * library's qsort must not be given NULL even with n == 0).  Raw qsort is
 * banned (tests/tools/banned.sh) so no caller forgets. */
void pst_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

#define PST_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* ASCII case-insensitive comparisons (locale-independent). */
int pst_strcasecmp(const char *a, const char *b);
int pst_strncasecmp(const char *a, const char *b, size_t n);
bool pst_streq_ci(const char *a, const char *b);
/* Copies at most size-1 bytes and terminates; returns strlen(src). */
size_t pst_strlcpy(char *dst, const char *src, size_t size);
/* Parses a whole decimal integer / double; false on junk or overflow. */
bool pst_parse_i64(const char *s, int64_t *out);
bool pst_parse_double(const char *s, double *out);
/* The shortest text that reads back as v: whole numbers below 1e15 without
 * exponent ("10", not "1e+01"), others by %g with enough digits.  buf of at
 * least PST_DOUBLE_BUF bytes; v must be finite. */
#define PST_DOUBLE_BUF 32
char *pst_format_double(double v, char *buf, size_t size);

#endif
