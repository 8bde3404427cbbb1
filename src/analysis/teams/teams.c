/* teams.c: parsing the team rules file (format: templates/teams.conf). */
#include <stdlib.h>
#include <string.h>
#include "posture/teams.h"
#include "posture/conf.h"

static const char *const field_names[PST_TF__COUNT] = {
	[PST_TF_TYPE] = "type",   [PST_TF_CATEGORY] = "category", [PST_TF_SUBSCRIPTION] = "subscription",
	[PST_TF_GROUP] = "group", [PST_TF_NAME] = "name",         [PST_TF_OWNER] = "owner",
	[PST_TF_ID] = "id",       [PST_TF_CLOUD] = "cloud",       [PST_TF_ACCOUNT] = "account",
	[PST_TF_CONNECTOR] = "connector",
};

const char *pst_team_field_name(enum pst_team_field f)
{
	return f < PST_TF__COUNT ? field_names[f] : "?";
}

static int field_parse(const char *word, enum pst_team_field *f)
{
	size_t i;

	for (i = 0; i < PST_TF__COUNT; i++) {
		if (pst_strcasecmp(word, field_names[i]) == 0) {
			*f = (enum pst_team_field)i;
			return 1;
		}
	}
	return 0;
}

void pst_teams_init(struct pst_teams *t)
{
	memset(t, 0, sizeof(*t));
}

static void rule_release(struct pst_team_rule *r)
{
	size_t i, j;

	for (i = 0; i < r->nmatchers; i++) {
		for (j = 0; j < r->matchers[i].nvalues; j++)
			free(r->matchers[i].values[j]);
		free(r->matchers[i].values);
	}
	free(r->matchers);
	free(r->team);
}

void pst_teams_release(struct pst_teams *t)
{
	size_t i;

	for (i = 0; i < t->nrules; i++)
		rule_release(&t->rules[i]);
	free(t->rules);
	free(t->path);
	pst_teams_init(t);
}

static bool is_team_keyword(const struct pst_conf_lex *lx)
{
	return pst_conf_lex_is(lx, "team");
}

/* A word or a quoted string, not empty; the bare word team starts a rule. */
static int is_value(const struct pst_conf_lex *lx)
{
	return (lx->tok == PST_CONF_WORD || lx->tok == PST_CONF_STRING) && lx->text.len && !is_team_keyword(lx);
}

/* value (',' value)* ; the current token is the first value. */
static int parse_values(struct pst_conf_lex *lx, struct pst_team_matcher *m, struct pst_error *err)
{
	char what[128];
	int rc;

	for (;;) {
		if (!is_value(lx))
			return pst_conf_lex_fail(lx, err, "expected a value after '%s=', got %s",
			                         pst_team_field_name(m->field),
			                         pst_conf_lex_what(lx, what, sizeof(what)));
		PST_GROW(m->values, m->values_alloc, m->nvalues + 1);
		m->values[m->nvalues++] = xstrdup(strbuf_cstr(&lx->text));
		if ((rc = pst_conf_lex_next(lx, err)) != PST_OK)
			return rc;
		if (lx->tok != PST_CONF_COMMA)
			return PST_OK;
		if ((rc = pst_conf_lex_next(lx, err)) != PST_OK)
			return rc;
	}
}

/* NAME '=' values; the current token is NAME. */
static int parse_matcher(struct pst_conf_lex *lx, struct pst_team_rule *r, struct pst_error *err)
{
	struct pst_team_matcher *m;
	enum pst_team_field f;
	char what[128];
	int rc;

	if (lx->tok != PST_CONF_WORD || !field_parse(strbuf_cstr(&lx->text), &f))
		return pst_conf_lex_fail(lx, err,
		                         "unknown matcher %s (expected type, category, subscription, group, name, "
		                         "owner, id, cloud, account or connector)", pst_conf_lex_what(lx, what, sizeof(what)));
	if ((rc = pst_conf_lex_next(lx, err)) != PST_OK)
		return rc;
	if (lx->tok != PST_CONF_EQ)
		return pst_conf_lex_fail(lx, err, "expected '=' after '%s', got %s", pst_team_field_name(f),
		                         pst_conf_lex_what(lx, what, sizeof(what)));
	if ((rc = pst_conf_lex_next(lx, err)) != PST_OK)
		return rc;
	PST_GROW(r->matchers, r->matchers_alloc, r->nmatchers + 1);
	m = &r->matchers[r->nmatchers++];
	memset(m, 0, sizeof(*m));
	m->field = f;
	return parse_values(lx, m, err);
}

/* 'team' NAME matcher+ ; the current token is 'team'. */
static int parse_rule(struct pst_conf_lex *lx, struct pst_teams *t, struct pst_error *err)
{
	struct pst_team_rule *r;
	char what[128];
	int rc;

	if ((rc = pst_conf_lex_next(lx, err)) != PST_OK)
		return rc;
	if (!is_value(lx))
		return pst_conf_lex_fail(lx, err, "expected a team name after 'team', got %s",
		                         pst_conf_lex_what(lx, what, sizeof(what)));
	PST_GROW(t->rules, t->rules_alloc, t->nrules + 1);
	r = &t->rules[t->nrules++];
	memset(r, 0, sizeof(*r));
	r->team = xstrdup(strbuf_cstr(&lx->text));
	r->line = lx->tok_line;
	if ((rc = pst_conf_lex_next(lx, err)) != PST_OK)
		return rc;
	while (lx->tok != PST_CONF_EOF && !is_team_keyword(lx))
		if ((rc = parse_matcher(lx, r, err)) != PST_OK)
			return rc;
	if (!r->nmatchers)
		return pst_conf_fail(err, lx->path, r->line,
		                     "rule for team \"%s\" has no matcher (use type=* to match all)", r->team);
	return PST_OK;
}

int pst_teams_parse(struct pst_teams *t, const char *path, const char *text, size_t len, struct pst_error *err)
{
	struct pst_conf_lex lx;
	char what[128];
	int rc;

	pst_teams_release(t);
	t->path = xstrdup(path);
	rc = pst_conf_lex_init(&lx, path, text, len, err);
	if (rc == PST_OK)
		rc = pst_conf_lex_next(&lx, err);
	while (rc == PST_OK && lx.tok != PST_CONF_EOF) {
		if (!is_team_keyword(&lx))
			rc = pst_conf_lex_fail(&lx, err, "expected 'team', got %s",
			                       pst_conf_lex_what(&lx, what, sizeof(what)));
		else
			rc = parse_rule(&lx, t, err);
	}
	pst_conf_lex_release(&lx);
	if (rc != PST_OK)
		pst_teams_release(t);
	return rc;
}

int pst_teams_load(struct pst_teams *t, const char *path, struct pst_error *err)
{
	struct strbuf sb = STRBUF_INIT;
	int rc = pst_conf_read(path, PST_TEAMS_MAX_FILE, &sb, err);

	if (rc == PST_OK)
		rc = pst_teams_parse(t, path, strbuf_cstr(&sb), sb.len, err);
	strbuf_release(&sb);
	return rc;
}

int pst_teams_load_default(struct pst_teams *t, const char *path, struct pst_error *err)
{
	char buf[1024];
	const char *p = pst_conf_default(path, "teams.conf", buf, sizeof(buf));

	pst_teams_release(t);
	return p ? pst_teams_load(t, p, err) : PST_OK;
}
