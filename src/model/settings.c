/* settings.c: the `key = value` report settings file. */
#include "posture/settings.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "posture/strbuf.h"

#ifndef POSTURE_DATADIR
#define POSTURE_DATADIR "/usr/local/share/posture"
#endif
#define MAX_SETTINGS_BYTES (1024 * 1024)
#define MAX_DAYS 36500

void pst_settings_init(struct pst_settings *s)
{
	int i;

	memset(s, 0, sizeof(*s));
	for (i = 0; i <= PST_SEV_CRITICAL; i++)
		s->overdue_days[i] = 90;
	s->overdue_days[PST_SEV_MEDIUM] = 60;
	s->overdue_days[PST_SEV_HIGH] = 30;
	s->overdue_days[PST_SEV_CRITICAL] = 30;
}

void pst_settings_release(struct pst_settings *s)
{
	free(s->org);
	s->org = NULL;
}

int pst_settings_allowance(const struct pst_settings *s, enum pst_severity sev)
{
	return (unsigned)sev <= PST_SEV_CRITICAL ? s->overdue_days[sev] : s->overdue_days[PST_SEV_LOW];
}

static char *trim(char *a, char *end)
{
	while (a < end && (*a == ' ' || *a == '\t'))
		a++;
	while (end > a && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
		end--;
	*end = '\0';
	return a;
}

static int set_days(int *slot, const char *v, const char *path, size_t line, struct pst_error *err)
{
	int64_t n;

	if (!pst_parse_i64(v, &n) || n < 0 || n > MAX_DAYS)
		return pst_fail(err, PST_EDATA, "%s:%zu: expected a number of days (0 to %d), not '%s'", path, line,
		                MAX_DAYS, v);
	*slot = (int)n;
	return PST_OK;
}

static int set_key(struct pst_settings *s, const char *k, const char *v, const char *path, size_t line,
                   struct pst_error *err)
{
	static const struct {
		const char *key;
		enum pst_severity sev;
	} days[] = {{"overdue_days_critical", PST_SEV_CRITICAL},
	            {"overdue_days_high", PST_SEV_HIGH},
	            {"overdue_days_medium", PST_SEV_MEDIUM},
	            {"overdue_days_low", PST_SEV_LOW}};
	size_t i;
	int rc;

	if (strcmp(k, "org") == 0) {
		free(s->org);
		s->org = *v ? xstrdup(v) : NULL;
		return PST_OK;
	}
	for (i = 0; i < PST_ARRAY_LEN(days); i++) {
		if (strcmp(k, days[i].key) != 0)
			continue;
		rc = set_days(&s->overdue_days[days[i].sev], v, path, line, err);
		if (rc == PST_OK && days[i].sev == PST_SEV_LOW)
			s->overdue_days[PST_SEV_INFO] = s->overdue_days[PST_SEV_UNKNOWN] = s->overdue_days[PST_SEV_LOW];
		return rc;
	}
	return pst_fail(err, PST_EDATA, "%s:%zu: unknown setting '%s'", path, line, k);
}

static int parse_line(struct pst_settings *s, char *a, char *end, const char *path, size_t line,
                      struct pst_error *err)
{
	char *eq, *key;

	a = trim(a, end);
	if (!*a || *a == '#')
		return PST_OK;
	eq = strchr(a, '=');
	if (!eq)
		return pst_fail(err, PST_EDATA, "%s:%zu: expected 'key = value'", path, line);
	key = trim(a, eq);
	if (!*key)
		return pst_fail(err, PST_EDATA, "%s:%zu: missing key before '='", path, line);
	return set_key(s, key, trim(eq + 1, eq + 1 + strlen(eq + 1)), path, line, err);
}

int pst_settings_parse(struct pst_settings *s, const char *path, const char *text, struct pst_error *err)
{
	char *copy = xstrdup(text), *a = copy;
	size_t line = 1;
	int rc = PST_OK;

	if ((unsigned char)a[0] == 0xEF && (unsigned char)a[1] == 0xBB && (unsigned char)a[2] == 0xBF)
		a += 3;
	while (rc == PST_OK && *a) {
		char *nl = strchr(a, '\n');
		char *end = nl ? nl : a + strlen(a);

		rc = parse_line(s, a, end, path, line++, err);
		a = nl ? nl + 1 : end;
	}
	free(copy);
	return rc;
}

static int read_all(const char *path, struct strbuf *sb, struct pst_error *err)
{
	FILE *fp = fopen(path, "rb");
	char buf[4096];
	size_t n;
	int rc = PST_OK;

	if (!fp)
		return pst_fail(err, PST_ENOINPUT, "%s: %s", path, strerror(errno));
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0 && sb->len <= MAX_SETTINGS_BYTES)
		strbuf_add(sb, buf, n);
	if (ferror(fp))
		rc = pst_fail(err, PST_EIO, "%s: read error", path);
	else if (sb->len > MAX_SETTINGS_BYTES)
		rc = pst_fail(err, PST_EDATA, "%s: larger than %d bytes", path, MAX_SETTINGS_BYTES);
	else if (memchr(strbuf_cstr(sb), '\0', sb->len))
		rc = pst_fail(err, PST_EDATA, "%s: NUL byte in a text file", path);
	fclose(fp);
	return rc;
}

int pst_settings_load(struct pst_settings *s, const char *path, struct pst_error *err)
{
	struct strbuf sb = STRBUF_INIT;
	int rc = read_all(path, &sb, err);

	if (rc == PST_OK)
		rc = pst_settings_parse(s, path, strbuf_cstr(&sb), err);
	strbuf_release(&sb);
	return rc;
}

int pst_settings_load_default(struct pst_settings *s, const char *path, struct pst_error *err)
{
	static const char *const tries[] = {"templates/report.conf", POSTURE_DATADIR "/report.conf"};
	size_t i;
	FILE *fp;

	if (path)
		return pst_settings_load(s, path, err);
	for (i = 0; i < PST_ARRAY_LEN(tries); i++) {
		fp = fopen(tries[i], "rb");
		if (!fp)
			continue;
		fclose(fp);
		return pst_settings_load(s, tries[i], err);
	}
	return PST_OK;
}
