/* goals.c: the goals file (format: templates/goals.conf) and progress. */
#include <stdlib.h>
#include <string.h>
#include "posture/goals.h"
#include "posture/conf.h"

static const char *const scope_names[PST_GOAL__COUNT] = {"overall", "subscription", "team", "control"};

const char *pst_goal_scope_name(enum pst_goal_scope s)
{
	return s < PST_GOAL__COUNT ? scope_names[s] : "?";
}

void pst_goals_init(struct pst_goals *g)
{
	memset(g, 0, sizeof(*g));
}

void pst_goals_release(struct pst_goals *g)
{
	size_t i;

	for (i = 0; i < g->n; i++)
		free(g->items[i].subject);
	free(g->items);
	free(g->path);
	pst_goals_init(g);
}

static int scope_parse(struct pst_conf_lex *lx, enum pst_goal_scope *s, struct pst_error *err)
{
	char what[128];
	size_t i;

	for (i = 0; i < PST_GOAL__COUNT; i++) {
		if (pst_conf_lex_is(lx, scope_names[i])) {
			*s = (enum pst_goal_scope)i;
			return pst_conf_lex_next(lx, err);
		}
	}
	return pst_conf_lex_fail(lx, err, "expected overall, subscription, team or control after 'goal', got %s",
	                         pst_conf_lex_what(lx, what, sizeof(what)));
}

/* "80%" or "80" or "72.5%": a percentage from 0 to 100. */
static int target_parse(struct pst_conf_lex *lx, double *target, struct pst_error *err)
{
	char num[64], what[128];
	size_t n = lx->text.len;

	if (lx->tok == PST_CONF_WORD && n && n < sizeof(num)) {
		memcpy(num, lx->text.buf, n);
		num[n - (lx->text.buf[n - 1] == '%')] = '\0';
		if (pst_parse_double(num, target) && *target >= 0 && *target <= 100)
			return pst_conf_lex_next(lx, err);
	}
	return pst_conf_lex_fail(lx, err, "expected a target from 0%% to 100%%, got %s",
	                         pst_conf_lex_what(lx, what, sizeof(what)));
}

/* "by YYYY-MM-DD" (the end of that day), "by YYYY-MM" (the end of that month),
 * or "by" a date-time (that instant). */
static int deadline_parse(struct pst_conf_lex *lx, pst_time *by, struct pst_error *err)
{
	const char *s;
	char what[128];
	pst_time start;
	int rc;

	if (!pst_conf_lex_is(lx, "by"))
		return pst_conf_lex_fail(lx, err, "expected 'by' and a date, got %s",
		                         pst_conf_lex_what(lx, what, sizeof(what)));
	if ((rc = pst_conf_lex_next(lx, err)) != PST_OK)
		return rc;
	s = strbuf_cstr(&lx->text);
	if (lx->tok == PST_CONF_WORD && strlen(s) == 7 && pst_period_parse(s, &start, by))
		return pst_conf_lex_next(lx, err);
	if (lx->tok == PST_CONF_WORD && pst_time_parse_str(s, by)) {
		if (strlen(s) == 10)
			*by += PST_MS_PER_DAY;
		return pst_conf_lex_next(lx, err);
	}
	return pst_conf_lex_fail(lx, err, "expected a date (YYYY-MM-DD or YYYY-MM) after 'by', got %s",
	                         pst_conf_lex_what(lx, what, sizeof(what)));
}

static bool same_subject(const struct pst_goal *a, const struct pst_goal *b)
{
	if (a->scope != b->scope)
		return false;
	return a->scope == PST_GOAL_OVERALL || pst_strcasecmp(a->subject, b->subject) == 0;
}

static int duplicate_fail(const struct pst_conf_lex *lx, const struct pst_goal *last, unsigned first,
                          struct pst_error *err)
{
	const char *subject = last->subject;

	return pst_conf_fail(err, lx->path, last->line, "a second goal for %s%s%s%s (the first is on line %u)",
	                     scope_names[last->scope], subject ? " \"" : "", subject ? subject : "",
	                     subject ? "\"" : "", first);
}

static int check_duplicate(const struct pst_goals *g, const struct pst_conf_lex *lx, struct pst_error *err)
{
	const struct pst_goal *last = &g->items[g->n - 1];
	size_t i;

	for (i = 0; i + 1 < g->n; i++)
		if (same_subject(&g->items[i], last))
			return duplicate_fail(lx, last, g->items[i].line, err);
	return PST_OK;
}

/* 'goal' SCOPE [SUBJECT] TARGET 'by' DATE ; the current token is 'goal'. */
static int parse_goal(struct pst_conf_lex *lx, struct pst_goals *g, struct pst_error *err)
{
	struct pst_goal *goal;
	char what[128];
	int rc;

	PST_GROW(g->items, g->alloc, g->n + 1);
	goal = &g->items[g->n++];
	memset(goal, 0, sizeof(*goal));
	goal->line = lx->tok_line;
	if ((rc = pst_conf_lex_next(lx, err)) != PST_OK || (rc = scope_parse(lx, &goal->scope, err)) != PST_OK)
		return rc;
	if (goal->scope != PST_GOAL_OVERALL) {
		if ((lx->tok != PST_CONF_WORD && lx->tok != PST_CONF_STRING) || !lx->text.len)
			return pst_conf_lex_fail(lx, err, "expected the %s after '%s', got %s",
			                         scope_names[goal->scope], scope_names[goal->scope],
			                         pst_conf_lex_what(lx, what, sizeof(what)));
		goal->subject = xstrdup(strbuf_cstr(&lx->text));
		if ((rc = pst_conf_lex_next(lx, err)) != PST_OK)
			return rc;
	}
	if ((rc = target_parse(lx, &goal->target, err)) != PST_OK || (rc = deadline_parse(lx, &goal->by, err)) != PST_OK)
		return rc;
	return check_duplicate(g, lx, err);
}

int pst_goals_parse(struct pst_goals *g, const char *path, const char *text, size_t len, struct pst_error *err)
{
	struct pst_conf_lex lx;
	char what[128];
	int rc;

	pst_goals_release(g);
	g->path = xstrdup(path);
	rc = pst_conf_lex_init(&lx, path, text, len, err);
	if (rc == PST_OK)
		rc = pst_conf_lex_next(&lx, err);
	while (rc == PST_OK && lx.tok != PST_CONF_EOF) {
		if (!pst_conf_lex_is(&lx, "goal"))
			rc = pst_conf_lex_fail(&lx, err, "expected 'goal', got %s",
			                       pst_conf_lex_what(&lx, what, sizeof(what)));
		else
			rc = parse_goal(&lx, g, err);
	}
	pst_conf_lex_release(&lx);
	if (rc != PST_OK)
		pst_goals_release(g);
	return rc;
}

int pst_goals_load(struct pst_goals *g, const char *path, struct pst_error *err)
{
	struct strbuf sb = STRBUF_INIT;
	int rc = pst_conf_read(path, PST_GOALS_MAX_FILE, &sb, err);

	if (rc == PST_OK)
		rc = pst_goals_parse(g, path, strbuf_cstr(&sb), sb.len, err);
	strbuf_release(&sb);
	return rc;
}

int pst_goals_load_default(struct pst_goals *g, const char *path, struct pst_error *err)
{
	pst_goals_release(g);
	return path ? pst_goals_load(g, path, err) : PST_OK;
}
