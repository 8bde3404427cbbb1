/* fuzz_conf_one.h: runs one input through the four configuration parsers
 * (team rules, goals, report settings, claims) and the lexer, and checks
 * their promises: no crash; PST_OK or PST_EDATA; on error a message
 * "fuzz.conf:..." that is valid UTF-8 and nothing kept; on success every
 * string valid UTF-8, every rule with a matcher and non-empty values, every
 * goal target in 0..100, every allowance in 0..36500, every claim with a
 * resource id and a recommendation, lines from 1 and in order.  Shared by
 * the libFuzzer target and the mutation loop of test_conf.c. */
#ifndef FUZZ_CONF_ONE_H
#define FUZZ_CONF_ONE_H

#include <stdlib.h>
#include <string.h>
#include "posture/conf.h"
#include "posture/goals.h"
#include "posture/settings.h"
#include "posture/teams.h"
#include "posture/utf8.h"
#include "posture/verify.h"

#define FUZZ_CONF_PATH "fuzz.conf"

struct fuzz_conf_stats {
	unsigned long runs, accepted, broken; /* accepted: parses that succeeded; broken: a promise not kept */
};

static inline bool fuzz_conf_text(const char *s)
{
	return s && *s && pst_utf8_valid(s, strlen(s), NULL);
}

/* A failure is PST_EDATA with a valid message naming the file. */
static inline bool fuzz_conf_failure(int rc, const struct pst_error *err)
{
	return rc == PST_EDATA && strncmp(err->msg, FUZZ_CONF_PATH ":", sizeof(FUZZ_CONF_PATH)) == 0 &&
	       pst_utf8_valid(err->msg, strlen(err->msg), NULL);
}

static inline bool fuzz_conf_rule(const struct pst_team_rule *r, unsigned prev_line)
{
	size_t i, j;

	if (!fuzz_conf_text(r->team) || !r->nmatchers || r->line < prev_line || !r->line)
		return false;
	for (i = 0; i < r->nmatchers; i++) {
		if (!r->matchers[i].nvalues || (unsigned)r->matchers[i].field >= PST_TF__COUNT)
			return false;
		for (j = 0; j < r->matchers[i].nvalues; j++)
			if (!fuzz_conf_text(r->matchers[i].values[j]))
				return false;
	}
	return true;
}

static inline bool fuzz_conf_teams(const char *text, size_t n, struct fuzz_conf_stats *st)
{
	struct pst_teams t;
	struct pst_error err = {0, ""};
	int rc;
	bool ok;
	size_t i;

	pst_teams_init(&t);
	rc = pst_teams_parse(&t, FUZZ_CONF_PATH, text, n, &err);
	ok = rc == PST_OK || (fuzz_conf_failure(rc, &err) && t.nrules == 0);
	for (i = 0; ok && i < t.nrules; i++)
		ok = fuzz_conf_rule(&t.rules[i], i ? t.rules[i - 1].line : 1);
	st->accepted += rc == PST_OK;
	pst_teams_release(&t);
	return ok;
}

static inline bool fuzz_conf_goal(const struct pst_goal *g, unsigned prev_line)
{
	if ((unsigned)g->scope >= PST_GOAL__COUNT || !(g->target >= 0 && g->target <= 100))
		return false;
	if ((g->scope == PST_GOAL_OVERALL) != (g->subject == NULL))
		return false;
	return g->line >= prev_line && g->line && (!g->subject || fuzz_conf_text(g->subject));
}

static inline bool fuzz_conf_goals(const char *text, size_t n, struct fuzz_conf_stats *st)
{
	struct pst_goals g;
	struct pst_error err = {0, ""};
	int rc;
	bool ok;
	size_t i;

	pst_goals_init(&g);
	rc = pst_goals_parse(&g, FUZZ_CONF_PATH, text, n, &err);
	ok = rc == PST_OK || (fuzz_conf_failure(rc, &err) && g.n == 0);
	for (i = 0; ok && i < g.n; i++)
		ok = fuzz_conf_goal(&g.items[i], i ? g.items[i - 1].line : 1);
	st->accepted += rc == PST_OK;
	pst_goals_release(&g);
	return ok;
}

/* Settings take a C string: text must be NUL-terminated. */
static inline bool fuzz_conf_settings(const char *text, struct fuzz_conf_stats *st)
{
	struct pst_settings s;
	struct pst_error err = {0, ""};
	int rc, i;
	bool ok;

	pst_settings_init(&s);
	rc = pst_settings_parse(&s, FUZZ_CONF_PATH, text, &err);
	ok = rc == PST_OK || fuzz_conf_failure(rc, &err);
	for (i = 0; i <= PST_SEV_CRITICAL; i++)
		ok = ok && s.overdue_days[i] >= 0 && s.overdue_days[i] <= 36500;
	ok = ok && (!s.org || fuzz_conf_text(s.org));
	st->accepted += rc == PST_OK;
	pst_settings_release(&s);
	return ok;
}

static inline bool fuzz_conf_claims(const char *text, size_t n, struct fuzz_conf_stats *st)
{
	struct pst_claims c;
	struct pst_error err = {0, ""};
	int rc;
	bool ok;
	size_t i;

	pst_claims_init(&c);
	rc = pst_claims_parse(&c, FUZZ_CONF_PATH, text, n, &err);
	ok = rc == PST_OK || fuzz_conf_failure(rc, &err);
	for (i = 0; ok && i < c.n; i++)
		ok = fuzz_conf_text(c.items[i].resource_id) && fuzz_conf_text(c.items[i].recommendation) &&
		     c.items[i].line > (i ? c.items[i - 1].line : 1);
	st->accepted += rc == PST_OK;
	pst_claims_release(&c);
	return ok;
}

/* Every token takes at least one byte; lines never go back. */
static inline bool fuzz_conf_tokens(const char *text, size_t n)
{
	struct pst_conf_lex lx;
	struct pst_error err = {0, ""};
	const char *before;
	unsigned line = 1;
	bool ok = true;
	int rc = pst_conf_lex_init(&lx, FUZZ_CONF_PATH, text, n, &err);

	while (ok && rc == PST_OK) {
		before = lx.p;
		rc = pst_conf_lex_next(&lx, &err);
		if (rc != PST_OK || lx.tok == PST_CONF_EOF)
			break;
		ok = lx.p > before && lx.tok_line >= line && lx.line >= lx.tok_line;
		line = lx.tok_line;
	}
	ok = ok && (rc == PST_OK || fuzz_conf_failure(rc, &err));
	pst_conf_lex_release(&lx);
	return ok;
}

static inline void fuzz_conf_one(struct fuzz_conf_stats *st, const unsigned char *data, size_t n)
{
	char *text = malloc(n + 1); /* a copy of its own size: ASan sees reads past the end */
	bool ok;

	if (!text)
		abort();
	if (n)
		memcpy(text, data, n);
	text[n] = '\0';
	st->runs++;
	ok = fuzz_conf_teams(text, n, st);
	ok = fuzz_conf_goals(text, n, st) && ok;
	ok = fuzz_conf_settings(text, st) && ok;
	ok = fuzz_conf_claims(text, n, st) && ok;
	ok = fuzz_conf_tokens(text, n) && ok;
	st->broken += !ok;
	free(text);
}

#endif
