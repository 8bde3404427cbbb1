/* common.c: errors, allocation, small string helpers. */
#include "posture/common.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int pst_fail(struct pst_error *err, int status, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return status;
	err->status = status;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return status;
}

static void oom(size_t n)
{
	fprintf(stderr, "posture: out of memory (allocating %zu bytes)\n", n);
	exit(71);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		oom(n);
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		oom(n * size);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q)
		oom(n);
	return q;
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

void pst_grow(void **p, size_t *alloc, size_t need, size_t size)
{
	size_t n = *alloc ? *alloc : 8;

	if (need <= *alloc)
		return;
	while (n < need) {
		if (n > SIZE_MAX / 2 / size)
			oom(SIZE_MAX);
		n *= 2;
	}
	*p = xrealloc(*p, n * size);
	*alloc = n;
}

static int lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

int pst_strncasecmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		int ca, cb;

		if (*a == *b) {
			if (!*a)
				return 0;
			continue;
		}
		ca = lower((unsigned char)*a), cb = lower((unsigned char)*b);

		if (ca != cb || !ca)
			return ca - cb;
	}
	return 0;
}

int pst_strcasecmp(const char *a, const char *b)
{
	return pst_strncasecmp(a, b, SIZE_MAX);
}

bool pst_streq_ci(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return pst_strcasecmp(a, b) == 0;
}

size_t pst_strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = len < size - 1 ? len : size - 1;

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}

/* True when s holds nothing but spaces and tabs (what may trail a number). */
static bool only_blanks(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return !*s;
}

bool pst_parse_i64(const char *s, int64_t *out)
{
	char *end;
	long long v;

	if (!s || !*s)
		return false;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || end == s)
		return false;
	if (!only_blanks(end))
		return false;
	*out = v;
	return true;
}

bool pst_parse_double(const char *s, double *out)
{
	char *end;
	double v;

	if (!s || !*s)
		return false;
	errno = 0;
	v = strtod(s, &end);
	if (errno == ERANGE || end == s || !isfinite(v))
		return false;
	if (!only_blanks(end))
		return false;
	*out = v;
	return true;
}

char *pst_format_double(double v, char *buf, size_t size)
{
	int prec;

	if (v == 0)
		v = 0; /* no "-0" */
	if (v == floor(v) && fabs(v) < 1e15) {
		snprintf(buf, size, "%.0f", v);
		return buf;
	}
	for (prec = 1; prec <= 17; prec++) {
		snprintf(buf, size, "%.*g", prec, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	return buf;
}

void pst_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	if (n > 1 && base)
		qsort(base, n, size, cmp); /* banned.sh: allowed */
}
