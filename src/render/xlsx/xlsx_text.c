/* xlsx_text.c: cell text, sheet names, URLs and dates within Excel's limits. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "posture/utf8.h"
#include "xlsx_int.h"

#define MARK_UNITS 7         /* U+2026 and " [cut]" */
#define WIDTH_CAP 60u        /* widest column, in characters */
#define SERIAL_EPOCH 25569.0 /* Excel serial of 1970-01-01 */
#define SERIAL_MIN 61.0      /* 1900-03-01: the first date after Excel's false 1900-02-29 */
#define SERIAL_MAX 2958466.0 /* 10000-01-01 */

/* UTF-16 units of one UTF-8 sequence starting with byte c. */
static unsigned char_units(unsigned char c)
{
	return c >= 0xF0 ? 2 : 1;
}

static bool is_lead(unsigned char c)
{
	return (c & 0xC0) != 0x80;
}

/* UTF-16 units in valid UTF-8 s[0..len), counting no further than cap. */
size_t xlsx_units(const char *s, size_t len, size_t cap)
{
	size_t i, units = 0;

	for (i = 0; i < len && units <= cap; i++)
		if (is_lead((unsigned char)s[i]))
			units += char_units((unsigned char)s[i]);
	return units;
}

/* Bytes of the longest prefix of valid UTF-8 s holding at most max units. */
static size_t prefix_for_units(const char *s, size_t len, size_t max)
{
	size_t i, units = 0;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (!is_lead(c))
			continue;
		if (units + char_units(c) > max)
			return i;
		units += char_units(c);
	}
	return len;
}

static void strbuf_truncate(struct strbuf *sb, size_t len)
{
	if (sb->buf && len < sb->len) {
		sb->len = len;
		sb->buf[len] = '\0';
	}
}

void pst_xlsx_cell_text(struct strbuf *out, const char *s, size_t len)
{
	size_t start = out->len, keep;

	pst_utf8_sanitize(out, s, len);
	if (xlsx_units(out->buf + start, out->len - start, PST_XLSX_MAX_TEXT) <= PST_XLSX_MAX_TEXT)
		return;
	keep = prefix_for_units(out->buf + start, out->len - start, PST_XLSX_MAX_TEXT - MARK_UNITS);
	strbuf_truncate(out, start + keep);
	strbuf_addstr(out, PST_XLSX_CUT_MARK);
}

static bool name_forbidden(unsigned char c)
{
	return c < 0x20 || (c && strchr("[]:*?/\\", c) != NULL);
}

/* Drops leading and trailing apostrophes of out->buf[start..]. */
static void strip_quotes(struct strbuf *out, size_t start)
{
	size_t lead = 0;

	while (out->len > start && out->buf[out->len - 1] == '\'')
		strbuf_truncate(out, out->len - 1);
	while (start + lead < out->len && out->buf[start + lead] == '\'')
		lead++;
	if (lead) {
		memmove(out->buf + start, out->buf + start + lead, out->len - start - lead + 1);
		out->len -= lead;
	}
}

void pst_xlsx_sheet_name(struct strbuf *out, const char *name, unsigned n)
{
	char suffix[16] = "";
	size_t start = out->len, i, room;

	if (n > 1)
		snprintf(suffix, sizeof(suffix), " (%u)", n);
	pst_utf8_sanitize(out, name ? name : "", name ? strlen(name) : 0);
	for (i = start; i < out->len; i++)
		if (name_forbidden((unsigned char)out->buf[i]))
			out->buf[i] = '_';
	strip_quotes(out, start);
	room = PST_XLSX_MAX_SHEETNAME - strlen(suffix);
	strbuf_truncate(out, start + prefix_for_units(out->buf + start, out->len - start, room));
	strip_quotes(out, start);
	if (out->len == start)
		strbuf_addstr(out, "Sheet");
	else if (pst_streq_ci(out->buf + start, "History"))
		strbuf_addch(out, '_');
	strbuf_addstr(out, suffix);
}

bool pst_xlsx_serial(pst_time t, double *out)
{
	int64_t days;
	double serial;

	if (t == PST_TIME_NONE)
		return false;
	days = t / PST_MS_PER_DAY;
	if (t % PST_MS_PER_DAY < 0)
		days--;
	serial = (double)days + SERIAL_EPOCH + (double)(t - days * PST_MS_PER_DAY) / (double)PST_MS_PER_DAY;
	if (serial < SERIAL_MIN || serial >= SERIAL_MAX)
		return false;
	*out = serial;
	return true;
}

static bool has_prefix_ci(const char *s, const char *prefix)
{
	return pst_strncasecmp(s, prefix, strlen(prefix)) == 0;
}

/* Length of the URL once libxlsxwriter escapes it, over-estimated: every
 * byte counts as a character, and each escapable byte as three. */
static size_t escaped_len(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += strchr(" \"<>[]`^{}%", *s) ? 3 : 1;
	return n;
}

/* Puts the URL to link into out; false when it must stay text (another
 * scheme, or too long for Excel). */
bool xlsx_url_prepare(struct strbuf *out, const char *url)
{
	static const char *const schemes[] = {"http://", "https://", "ftp://", "mailto:"};
	size_t i;
	bool known = false;

	strbuf_reset(out);
	for (i = 0; i < PST_ARRAY_LEN(schemes); i++)
		known = known || has_prefix_ci(url, schemes[i]);
	if (!known && strstr(url, "://"))
		return false;
	if (!known)
		strbuf_addstr(out, "https://");
	pst_utf8_sanitize(out, url, strlen(url));
	return out->len > 8 && escaped_len(strbuf_cstr(out)) <= PST_XLSX_MAX_URL;
}

/* Chart and axis titles beginning with '=' would be read as formulas. */
const char *xlsx_plain_title(struct strbuf *out, const char *s)
{
	strbuf_reset(out);
	if (s[0] == '=')
		strbuf_addch(out, ' ');
	pst_utf8_sanitize(out, s, strlen(s));
	return strbuf_cstr(out);
}

/* Widest content so far, given one more cell of text s. */
unsigned xlsx_seen(unsigned seen, const char *s, size_t len)
{
	size_t units = xlsx_units(s, len, WIDTH_CAP);
	const char *nl = memchr(s, '\n', len);

	if (nl)
		units = xlsx_units(s, (size_t)(nl - s), WIDTH_CAP);
	return units > seen ? (unsigned)(units > WIDTH_CAP ? WIDTH_CAP : units) : seen;
}

static double column_width(unsigned seen, const struct xlsx_col *col)
{
	double w;

	if (col && col->width > 0)
		return col->width;
	w = (double)seen + 2.0;
	if (col) /* room for the header text and the filter button */
		w = fmax(w, (double)xlsx_units(col->header, strlen(col->header), WIDTH_CAP) + 4.0);
	return fmin(fmax(w, 8.0), (double)WIDTH_CAP + 2.0);
}

/* Sets the width of column c (col NULL on a free sheet). */
void xlsx_set_width(lxw_worksheet *ws, size_t c, unsigned seen, const struct xlsx_col *col)
{
	worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, column_width(seen, col), NULL);
}
