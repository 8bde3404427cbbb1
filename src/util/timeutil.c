/* timeutil.c: parsing and formatting of UTC times. */
#include "posture/timeutil.h"

#include <stdio.h>
#include <string.h>

/* Howard Hinnant's days_from_civil. */
int64_t pst_days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void pst_civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
	*m = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

pst_time pst_time_make(int y, int mon, int d, int h, int mi, int s)
{
	int64_t days = pst_days_from_civil(y, (unsigned)mon, (unsigned)d);

	return ((days * 24 + h) * 60 + mi) * INT64_C(60000) + (int64_t)s * 1000;
}

static int days_in_month(int y, int m)
{
	static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

/* A small cursor over the text being parsed. */
struct cur {
	const char *p, *end;
};

static bool num(struct cur *c, int min_digits, int max_digits, int *out)
{
	int v = 0, n = 0;

	while (c->p < c->end && n < max_digits && *c->p >= '0' && *c->p <= '9') {
		v = v * 10 + (*c->p - '0');
		c->p++;
		n++;
	}
	*out = v;
	return n >= min_digits;
}

static bool lit(struct cur *c, char ch)
{
	if (c->p < c->end && *c->p == ch) {
		c->p++;
		return true;
	}
	return false;
}

static bool valid_ymd(int y, int m, int d)
{
	return y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

/* A leap second (60) only at the end of a minute's 59th minute: hh:59:60. */
static bool valid_hms(int h, int mi, int s)
{
	return h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && s >= 0 && (s <= 59 || (s == 60 && mi == 59));
}

/* ".123", ",1234567": milliseconds, extra digits dropped. */
static int fraction_ms(struct cur *c)
{
	int ms = 0, n = 0;

	if (!(lit(c, '.') || lit(c, ',')))
		return 0;
	while (c->p < c->end && *c->p >= '0' && *c->p <= '9') {
		if (n < 3)
			ms = ms * 10 + (*c->p - '0');
		n++;
		c->p++;
	}
	while (n < 3) {
		ms *= 10;
		n++;
	}
	return ms;
}

/* "Z", "+hh:mm", "-hhmm", "+hh" or nothing: offset in minutes, at most
 * 14 hours either way (the widest zone in use, Kiribati's +14:00). */
static bool zone(struct cur *c, int *minutes)
{
	int sign, h = 0, m = 0;

	*minutes = 0;
	if (c->p >= c->end || lit(c, 'Z') || lit(c, 'z'))
		return true;
	if (*c->p != '+' && *c->p != '-')
		return false;
	sign = *c->p == '-' ? -1 : 1;
	c->p++;
	if (!num(c, 2, 2, &h))
		return false;
	if (lit(c, ':') ? !num(c, 2, 2, &m) : (c->p < c->end && !num(c, 2, 2, &m)))
		return false;
	*minutes = sign * (h * 60 + m);
	return m <= 59 && h * 60 + m <= PST_MAX_ZONE_MINUTES;
}

static bool parse_iso(struct cur *c, pst_time *out)
{
	int y, mo, d, h = 0, mi = 0, s = 0, ms = 0, off = 0;

	if (!num(c, 4, 4, &y) || !lit(c, '-') || !num(c, 2, 2, &mo) || !lit(c, '-') || !num(c, 2, 2, &d))
		return false;
	if (lit(c, 'T') || lit(c, 't') || lit(c, ' ')) {
		if (!num(c, 2, 2, &h) || !lit(c, ':') || !num(c, 2, 2, &mi))
			return false;
		if (lit(c, ':') && !num(c, 2, 2, &s))
			return false;
		ms = fraction_ms(c);
		if (!zone(c, &off))
			return false;
	}
	if (c->p != c->end || !valid_ymd(y, mo, d) || !valid_hms(h, mi, s))
		return false;
	*out = pst_time_make(y, mo, d, h, mi, s) + ms - (int64_t)off * 60000;
	/* An offset must not carry the time out of 1900 .. 9999 (UTC), which
	 * every formatter and period relies on: "9999-12-31T23:05-12:22" is in
	 * the year 10000, "1900-01-01T00:00+01:00" in 1899.  The leap second
	 * 9999-12-31T23:59:60Z, less than 1 s past the end, stays. */
	return *out >= INT64_C(-2208988800000) && (*out <= PST_TIME_MAX || (s == 60 && *out < PST_TIME_MAX + 1001));
}

/* "MM/DD/YYYY[ h:mm[:ss][.fff] [AM|PM]]" or "MM/YYYY". */
static bool parse_us(struct cur *c, pst_time *out)
{
	int a, b, y, h = 0, mi = 0, s = 0, ms = 0;

	if (!num(c, 1, 2, &a) || !lit(c, '/'))
		return false;
	if (!num(c, 1, 4, &b))
		return false;
	if (c->p == c->end && b >= 1900) { /* MM/YYYY */
		if (!valid_ymd(b, a, 1))
			return false;
		*out = pst_time_make(b, a, 1, 0, 0, 0);
		return true;
	}
	if (!lit(c, '/') || !num(c, 4, 4, &y))
		return false;
	if (lit(c, ' ') || lit(c, 'T')) {
		while (lit(c, ' '))
			;
		if (!num(c, 1, 2, &h) || !lit(c, ':') || !num(c, 2, 2, &mi))
			return false;
		if (lit(c, ':') && !num(c, 2, 2, &s))
			return false;
		ms = fraction_ms(c);
		while (lit(c, ' '))
			;
		if (c->end - c->p >= 2 && (c->p[1] == 'M' || c->p[1] == 'm')) {
			bool pm = c->p[0] == 'P' || c->p[0] == 'p';

			if (!pm && c->p[0] != 'A' && c->p[0] != 'a')
				return false;
			if (h < 1 || h > 12)
				return false;
			h = (h % 12) + (pm ? 12 : 0);
			c->p += 2;
		}
		lit(c, 'Z');
	}
	if (c->p != c->end || !valid_ymd(y, a, b) || !valid_hms(h, mi, s))
		return false;
	*out = pst_time_make(y, a, b, h, mi, s) + ms;
	return true;
}

bool pst_time_parse(const char *s, size_t len, pst_time *out)
{
	struct cur c;

	if (!s)
		return false;
	while (len && (*s == ' ' || *s == '\t' || *s == '"')) {
		s++;
		len--;
	}
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '"' ||
	               s[len - 1] == '\r' || s[len - 1] == '\n'))
		len--;
	if (!len)
		return false;
	c.p = s;
	c.end = s + len;
	if (parse_iso(&c, out))
		return true;
	c.p = s;
	return parse_us(&c, out);
}

bool pst_time_parse_str(const char *s, pst_time *out)
{
	return s && pst_time_parse(s, strlen(s), out);
}

static bool digits_at(const char *p, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (p[i] < '0' || p[i] > '9')
			return false;
	return true;
}

static int val(const char *p, int n)
{
	int v = 0, i;

	for (i = 0; i < n; i++)
		v = v * 10 + (p[i] - '0');
	return v;
}

/* Tries a date (and optional time) starting at p; returns the length
 * matched or 0.  Shapes: YYYY-MM-DD[THH_MM_SS[Z]], YYYYMMDD, YYYY/MM/DD[/HH/mm/ss]. */
static size_t name_date_at(const char *p, size_t avail, pst_time *out)
{
	int y, mo, d, h = 0, mi = 0, s = 0;
	size_t n;
	char sep;

	if (avail >= 10 && digits_at(p, 4) && (p[4] == '-' || p[4] == '/' || p[4] == '_') &&
	    digits_at(p + 5, 2) && p[7] == p[4] && digits_at(p + 8, 2)) {
		sep = p[4];
		y = val(p, 4), mo = val(p + 5, 2), d = val(p + 8, 2);
		n = 10;
		if (avail >= n + 9 && (p[n] == 'T' || p[n] == 't' || p[n] == sep) && digits_at(p + n + 1, 2) &&
		    digits_at(p + n + 4, 2) && digits_at(p + n + 7, 2) && !digits_at(p + n + 3, 1) &&
		    !digits_at(p + n + 6, 1)) {
			h = val(p + n + 1, 2), mi = val(p + n + 4, 2), s = val(p + n + 7, 2);
			n += 9;
		}
	} else if (avail >= 8 && digits_at(p, 8) && (avail == 8 || !digits_at(p + 8, 1))) {
		y = val(p, 4), mo = val(p + 4, 2), d = val(p + 6, 2);
		n = 8;
	} else {
		return 0;
	}
	if (!valid_ymd(y, mo, d) || !valid_hms(h, mi, s) || y < 2000)
		return 0;
	*out = pst_time_make(y, mo, d, h, mi, s);
	return n;
}

bool pst_time_from_name(const char *path, pst_time *out)
{
	size_t len = strlen(path), i = 0;
	bool found = false;

	while (i < len) {
		pst_time t;
		size_t n = 0;

		if ((i == 0 || !digits_at(path + i - 1, 1)))
			n = name_date_at(path + i, len - i, &t);
		if (n) {
			*out = t;
			found = true;
			i += n;
		} else {
			i++;
		}
	}
	return found;
}

static int64_t floor_days(pst_time t)
{
	return t >= 0 ? t / PST_MS_PER_DAY : -((-t + PST_MS_PER_DAY - 1) / PST_MS_PER_DAY);
}

char *pst_time_format(pst_time t, char *buf, size_t size)
{
	int64_t days, y, rem;
	unsigned m, d;

	if (!size)
		return buf;
	memset(buf, 0, size);
	if (t == PST_TIME_NONE)
		return buf;
	days = floor_days(t);
	rem = (t - days * PST_MS_PER_DAY) / 1000;
	pst_civil_from_days(days, &y, &m, &d);
	/* Years outside 0000..9999 in ISO 8601's expanded form (+10000-01-01):
	 * the text always holds a whole date and time. */
	snprintf(buf, size, y < 0 || y > 9999 ? "%+05lld-%02u-%02uT%02d:%02d:%02dZ" : "%04lld-%02u-%02uT%02d:%02d:%02dZ",
	         (long long)y, m, d, (int)(rem / 3600), (int)(rem / 60 % 60), (int)(rem % 60));
	return buf;
}

bool pst_time_plausible_option(pst_time t)
{
	return t != PST_TIME_NONE && t >= 0 && t <= PST_TIME_MAX;
}

char *pst_date_format(pst_time t, char *buf, size_t size)
{
	char tmp[PST_TIME_BUF];
	char *tee;

	pst_time_format(t, tmp, sizeof(tmp));
	tee = strchr(tmp, 'T');
	if (tee)
		*tee = '\0';
	snprintf(buf, size, "%s", tmp);
	return buf;
}

pst_time pst_month_start(pst_time t)
{
	int64_t y;
	unsigned m, d;

	pst_civil_from_days(floor_days(t), &y, &m, &d);
	return pst_time_make((int)y, (int)m, 1, 0, 0, 0);
}

pst_time pst_month_next(pst_time t)
{
	int64_t days = pst_month_start(t) / PST_MS_PER_DAY, y;
	unsigned m, d;

	pst_civil_from_days(days, &y, &m, &d);
	return m == 12 ? pst_time_make((int)y + 1, 1, 1, 0, 0, 0) : pst_time_make((int)y, (int)m + 1, 1, 0, 0, 0);
}

bool pst_period_parse(const char *s, pst_time *start, pst_time *end)
{
	int y, m;

	if (!s || strlen(s) != 7 || !digits_at(s, 4) || s[4] != '-' || !digits_at(s + 5, 2))
		return false;
	y = val(s, 4);
	m = val(s + 5, 2);
	if (!valid_ymd(y, m, 1))
		return false;
	*start = pst_time_make(y, m, 1, 0, 0, 0);
	*end = pst_month_next(*start);
	return true;
}
