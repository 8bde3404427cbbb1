/* settings.c: the `key = value` report settings file. */
#include "posture/settings.h"

#include <stdlib.h>
#include <string.h>
#include "posture/conf.h"

#define MAX_SETTINGS_BYTES (1024u * 1024u)
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
	free(s->goals);
	free(s->aliases);
	s->org = s->goals = s->aliases = NULL;
}

int pst_settings_allowance(const struct pst_settings *s, enum pst_severity sev)
{
	return (unsigned)sev <= PST_SEV_CRITICAL ? s->overdue_days[sev] : s->overdue_days[PST_SEV_LOW];
}

static int set_days(int *slot, const char *v, const struct pst_conf_lex *lx, struct pst_error *err)
{
	int64_t n;

	if (!pst_parse_i64(v, &n) || n < 0 || n > MAX_DAYS)
		return pst_conf_lex_fail(lx, err, "expected a number of days (0 to %d), not '%s'", MAX_DAYS, v);
	*slot = (int)n;
	return PST_OK;
}

static int set_key(struct pst_settings *s, const char *k, const char *v, const struct pst_conf_lex *lx,
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

	if (strcmp(k, "org") == 0 || strcmp(k, "goals") == 0 || strcmp(k, "aliases") == 0) {
		char **slot = k[0] == 'o' ? &s->org : k[0] == 'g' ? &s->goals : &s->aliases;

		free(*slot);
		*slot = *v ? xstrdup(v) : NULL;
		return PST_OK;
	}
	for (i = 0; i < PST_ARRAY_LEN(days); i++) {
		if (strcmp(k, days[i].key) != 0)
			continue;
		rc = set_days(&s->overdue_days[days[i].sev], v, lx, err);
		if (rc == PST_OK && days[i].sev == PST_SEV_LOW)
			s->overdue_days[PST_SEV_INFO] = s->overdue_days[PST_SEV_UNKNOWN] = s->overdue_days[PST_SEV_LOW];
		return rc;
	}
	return pst_conf_lex_fail(lx, err, "unknown setting '%s'", k);
}

/* KEY '=' VALUE, both raw text to the end of the line; lx is at the line. */
static int parse_line(struct pst_settings *s, struct pst_conf_lex *lx, struct pst_error *err)
{
	char *key;
	int rc;

	if (!pst_conf_lex_upto(lx, '='))
		return pst_conf_lex_fail(lx, err, "expected 'key = value'");
	if (!lx->text.len)
		return pst_conf_lex_fail(lx, err, "missing key before '='");
	key = xstrdup(strbuf_cstr(&lx->text));
	pst_conf_lex_rest(lx);
	rc = set_key(s, key, strbuf_cstr(&lx->text), lx, err);
	free(key);
	return rc;
}

static int parse_text(struct pst_settings *s, const char *path, const char *text, size_t len,
                      struct pst_error *err)
{
	struct pst_conf_lex lx;
	int rc = pst_conf_lex_init(&lx, path, text, len, err);

	while (rc == PST_OK && pst_conf_lex_line(&lx))
		rc = parse_line(s, &lx, err);
	pst_conf_lex_release(&lx);
	return rc;
}

int pst_settings_parse(struct pst_settings *s, const char *path, const char *text, struct pst_error *err)
{
	return parse_text(s, path, text, strlen(text), err);
}

int pst_settings_load(struct pst_settings *s, const char *path, struct pst_error *err)
{
	struct strbuf sb = STRBUF_INIT;
	int rc = pst_conf_read(path, MAX_SETTINGS_BYTES, &sb, err);

	if (rc == PST_OK)
		rc = parse_text(s, path, strbuf_cstr(&sb), sb.len, err);
	strbuf_release(&sb);
	return rc;
}

int pst_settings_load_default(struct pst_settings *s, const char *path, struct pst_error *err)
{
	char buf[1024];
	const char *p = pst_conf_default(path, "report.conf", buf, sizeof(buf));

	return p ? pst_settings_load(s, p, err) : PST_OK;
}
