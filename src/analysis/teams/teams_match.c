/* teams_match.c: matching resources against the team rules. */
#include <stdlib.h>
#include <string.h>
#include "posture/record.h"
#include "posture/teams.h"

#define SEG_MAX 1024

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* Iterative glob with one backtrack point: the classic linear algorithm. */
bool pst_glob_match(const char *glob, const char *s)
{
	const char *star = NULL, *resume = NULL;

	while (*s) {
		if (*glob == '*') {
			star = glob++;
			resume = s;
		} else if (*glob && lower((unsigned char)*glob) == lower((unsigned char)*s)) {
			glob++;
			s++;
		} else if (star) {
			glob = star + 1;
			s = ++resume;
		} else {
			return false;
		}
	}
	while (*glob == '*')
		glob++;
	return *glob == '\0';
}

/* The input with the fields it lacks filled from its resource id. */
struct resolved {
	const char *v[PST_TF__COUNT];
	char type[SEG_MAX], name[SEG_MAX], group[SEG_MAX], sub[SEG_MAX];
};

/* Copies the id part that get() finds into buf; NULL if there is none. */
static const char *id_part(bool (*get)(const char *, const char **, size_t *), const char *id, char *buf)
{
	const char *start;
	size_t len;

	if (!get(id, &start, &len))
		return NULL;
	if (len >= SEG_MAX)
		len = SEG_MAX - 1;
	memcpy(buf, start, len);
	buf[len] = '\0';
	return buf;
}

static void resolve(const struct pst_team_input *in, struct resolved *r)
{
	const char *id = in->resource_id;

	memset(r->v, 0, sizeof(r->v));
	r->v[PST_TF_ID] = id;
	r->v[PST_TF_TYPE] = in->type;
	r->v[PST_TF_NAME] = in->name;
	r->v[PST_TF_GROUP] = in->group;
	r->v[PST_TF_SUBSCRIPTION] = in->subscription_id;
	r->v[PST_TF_CLOUD] = in->cloud ? in->cloud : "azure";
	r->v[PST_TF_ACCOUNT] = in->account;
	r->v[PST_TF_CONNECTOR] = in->connector;
	if (!id)
		return;
	if (!in->type && pst_id_resource_type(id, r->type, sizeof(r->type)))
		r->v[PST_TF_TYPE] = r->type;
	if (!in->name)
		r->v[PST_TF_NAME] = id_part(pst_id_last_segment, id, r->name);
	if (!in->group)
		r->v[PST_TF_GROUP] = id_part(pst_id_resource_group, id, r->group);
	if (!in->subscription_id)
		r->v[PST_TF_SUBSCRIPTION] = id_part(pst_id_subscription, id, r->sub);
	if (!in->account)
		r->v[PST_TF_ACCOUNT] = r->v[PST_TF_SUBSCRIPTION];
}

static bool any_value_matches(const struct pst_team_matcher *m, const char *s)
{
	size_t i;

	if (!s)
		return false;
	for (i = 0; i < m->nvalues; i++)
		if (pst_glob_match(m->values[i], s))
			return true;
	return false;
}

static bool any_of_list(const struct pst_team_matcher *m, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (any_value_matches(m, list[i]))
			return true;
	return false;
}

static bool matcher_matches(const struct pst_team_matcher *m, const struct pst_team_input *in,
                            const struct resolved *r)
{
	switch (m->field) {
	case PST_TF_CATEGORY:
		return any_of_list(m, in->categories, in->ncategories);
	case PST_TF_OWNER:
		return any_of_list(m, in->owners, in->nowners);
	case PST_TF_SUBSCRIPTION:
		return any_value_matches(m, r->v[PST_TF_SUBSCRIPTION]) || any_value_matches(m, in->subscription_name);
	default:
		return any_value_matches(m, r->v[m->field]);
	}
}

static bool rule_matches(const struct pst_team_rule *rule, const struct pst_team_input *in,
                         const struct resolved *r)
{
	size_t i;

	for (i = 0; i < rule->nmatchers; i++)
		if (!matcher_matches(&rule->matchers[i], in, r))
			return false;
	return true;
}

const struct pst_team_rule *pst_teams_match(struct pst_teams *t, const struct pst_team_input *in)
{
	struct resolved r;
	size_t i;

	resolve(in, &r);
	for (i = 0; i < t->nrules; i++) {
		if (rule_matches(&t->rules[i], in, &r)) {
			t->rules[i].hits++;
			return &t->rules[i];
		}
	}
	return NULL;
}

const char *pst_teams_team_of(struct pst_teams *t, const struct pst_team_input *in)
{
	const struct pst_team_rule *rule = pst_teams_match(t, in);

	return rule ? rule->team : PST_TEAM_UNASSIGNED;
}

size_t pst_teams_unused(const struct pst_teams *t, struct pst_diags *out)
{
	size_t i, n = 0;

	for (i = 0; i < t->nrules; i++) {
		struct pst_diag_place at = {t->path ? t->path : "teams", t->rules[i].line, 0, 0};

		if (t->rules[i].hits)
			continue;
		pst_diags_add(out, PST_DC_UNUSED_TEAM_RULE, &at, "rule for team \"%s\" matched no resource",
		              t->rules[i].team);
		n++;
	}
	return n;
}

size_t pst_teams_warnings(const struct pst_teams *t, struct pst_diags *out)
{
	if (!t->path) {
		pst_diags_add(out, PST_DC_NO_TEAM_RULES, NULL,
		              "no team rules (no --teams and no templates/teams.conf): every resource is Unassigned");
		return 1 + pst_teams_unused(t, out);
	}
	return pst_teams_unused(t, out);
}

static bool listed(const char **names, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(names[i], s) == 0)
			return true;
	return false;
}

size_t pst_teams_names(const struct pst_teams *t, const char ***names)
{
	const char **v = xcalloc(t->nrules + 1, sizeof(*v));
	size_t i, n = 0;

	for (i = 0; i < t->nrules; i++)
		if (!listed(v, n, t->rules[i].team))
			v[n++] = t->rules[i].team;
	if (!listed(v, n, PST_TEAM_UNASSIGNED))
		v[n++] = PST_TEAM_UNASSIGNED;
	*names = v;
	return n;
}
