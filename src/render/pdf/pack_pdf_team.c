/* pack_pdf_team.c: one section per team: its score, what it fixed, what got
 * worse, what is overdue and what to fix next. */
#include "pack_pdf_int.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#define TEAM_START_H 300.0 /* heading, figures, counts and a first table row */

/* A list of the team's findings, shown in a table cut at pack_team_rows(). */
struct finding_list {
	const char *title;
	const char *empty;                  /* the sentence when nothing matches */
	const struct pst_pdf_col *cols;
	size_t ncols;
	bool (*match)(const struct pst_review_finding *f);
	void (*cells)(struct pack *pk, const struct pst_review_finding *f);
	bool by_severity;                   /* open findings, what to fix first (risk, severity, age) */
};

static bool is_fix(const struct pst_review_finding *f)
{
	return f->cls == PST_CLASS_REMEDIATED;
}

static bool is_worse(const struct pst_review_finding *f)
{
	return f->cls == PST_CLASS_REGRESSED || f->cls == PST_CLASS_NEW_RESOURCE;
}

static bool is_overdue(const struct pst_review_finding *f)
{
	return f->overdue && pst_review_finding_open(f);
}

/* A finding's resource by name and group; a subscription-level finding
 * (its resource the subscription itself) by the subscription's name. */
static void finding_resource(struct pack *pk, struct strbuf *sb, const struct pst_review_finding *f)
{
	static const char prefix[] = "/subscriptions/";
	const char *id = f->resource_id ? f->resource_id : "";
	size_t i;

	if (strncasecmp(id, prefix, sizeof(prefix) - 1) == 0 && !strchr(id + sizeof(prefix) - 1, '/'))
		for (i = 0; i < pk->r->nsubscriptions; i++) {
			const struct pst_review_subscription *sub = &pk->r->subscriptions[i];

			if (sub->id && sub->name && *sub->name && strcasecmp(id + sizeof(prefix) - 1, sub->id) == 0) {
				strbuf_addf(sb, "subscription %s", sub->name);
				return;
			}
		}
	pack_resource(sb, f->resource_id, f->resource_name, f->resource_group);
}

static void fix_cells(struct pack *pk, const struct pst_review_finding *f)
{
	strbuf_addstr(pack_cell(pk, 0), f->recommendation);
	finding_resource(pk, pack_cell(pk, 1), f);
	strbuf_addstr(pack_cell(pk, 2), pst_severity_name(f->severity));
}

static void worse_cells(struct pack *pk, const struct pst_review_finding *f)
{
	strbuf_addstr(pack_cell(pk, 0), f->cls == PST_CLASS_NEW_RESOURCE
	              ? "Created insecure: fix the deployment template" : "Regressed: was healthy");
	strbuf_addstr(pack_cell(pk, 1), f->recommendation);
	finding_resource(pk, pack_cell(pk, 2), f);
	strbuf_addstr(pack_cell(pk, 3), pst_severity_name(f->severity));
}

static void overdue_cells(struct pack *pk, const struct pst_review_finding *f)
{
	fix_cells(pk, f);
	if (f->age_days < 0)
		strbuf_addstr(pack_cell(pk, 3), "n/a");
	else
		pack_num(pack_cell(pk, 3), f->age_days);
	pack_date(pack_cell(pk, 4), f->due_date);
}

/* Severity columns fit "Informational"; resources are named by name and group (ids in the workbook). */
#define SEV_W 64
static const struct pst_pdf_col fix_cols[] = {
	{"Recommendation", 3, 0, PST_PDF_LEFT, 0},
	{"Resource (resource group)", 2, 0, PST_PDF_LEFT, 0},
	{"Severity", 0, SEV_W, PST_PDF_LEFT, 0},
};
static const struct pst_pdf_col worse_cols[] = {
	{"What happened", 0, 96, PST_PDF_LEFT, 0},
	{"Recommendation", 3, 0, PST_PDF_LEFT, 0},
	{"Resource (resource group)", 2, 0, PST_PDF_LEFT, 0},
	{"Severity", 0, SEV_W, PST_PDF_LEFT, 0},
};
static const struct pst_pdf_col overdue_cols[] = {
	{"Recommendation", 3, 0, PST_PDF_LEFT, 0},
	{"Resource (resource group)", 2, 0, PST_PDF_LEFT, 0},
	{"Severity", 0, SEV_W, PST_PDF_LEFT, 0},
	{"Age (days)", 0, 44, PST_PDF_RIGHT, 0},
	{"Due", 0, 56, PST_PDF_LEFT, 0},
};

static const struct finding_list lists[] = {
	{"Verified fixes", "No verified fixes this month.", fix_cols, 3, is_fix, fix_cells, false},
	{"Regressions and insecure new resources", "Nothing regressed and no resource was created insecure.",
	 worse_cols, 4, is_worse, worse_cells, false},
	{"Overdue items", "No item is overdue.", overdue_cols, 5, is_overdue, overdue_cells, true},
};

static bool list_has(size_t t, const struct finding_list *l, const struct pst_review_finding *f)
{
	return f->team == t && l->match(f);
}

static size_t list_count(const struct pack *pk, size_t t, const struct finding_list *l)
{
	size_t i, n = 0;

	for (i = 0; i < pk->r->nfindings; i++)
		n += list_has(t, l, &pk->r->findings[i]);
	return n;
}

/* Adds finding f when it belongs to the list; returns a status. */
static int list_row(struct pack *pk, size_t t, const struct finding_list *l, const struct pst_review_finding *f)
{
	if (!list_has(t, l, f))
		return PST_OK;
	if (pst_pdf_table_full(pk->pdf)) {
		pst_pdf_table_skip(pk->pdf, 1);
		return PST_OK;
	}
	l->cells(pk, f);
	return pack_row(pk, l->ncols);
}

/* The rows in the review's order, or (by_severity) in what-to-fix-first
 * order: risk level, severity, age (review.h fix_order, open findings). */
static int list_rows(struct pack *pk, size_t t, const struct finding_list *l)
{
	const struct pst_review *r = pk->r;
	size_t i, n = l->by_severity ? r->nfix_order : r->nfindings;
	int rc = PST_OK;

	for (i = 0; i < n && rc == PST_OK; i++)
		rc = list_row(pk, t, l, &r->findings[l->by_severity ? r->fix_order[i] : i]);
	return rc;
}

static int finding_list(struct pack *pk, size_t t, const struct finding_list *l)
{
	size_t n = list_count(pk, t, l);
	int rc = pack_subtitle(pk, l->title);

	if (rc == PST_OK && !n)
		return pack_say(pk, l->empty);
	if (rc == PST_OK)
		rc = pst_pdf_table_begin(pk->pdf, l->cols, l->ncols, pack_team_rows(pk), pk->err);
	if (rc == PST_OK)
		rc = list_rows(pk, t, l);
	return rc ? rc : pst_pdf_table_end(pk->pdf, pk->err);
}

/* ---- top open recommendations ---- */

static int top_recommendations(struct pack *pk, const struct pst_review_team *t)
{
	static const struct pst_pdf_col cols[] = {
		{"Recommendation", 2, 0, PST_PDF_LEFT, 0},
		{"Severity", 0, SEV_W, PST_PDF_LEFT, 0},
		{"Resources", 0, 52, PST_PDF_RIGHT, 0},
		{"Overdue", 0, 46, PST_PDF_RIGHT, 0},
		{"How to fix", 3, 0, PST_PDF_LEFT, 0},
	};
	size_t i;
	int rc = pack_subtitle(pk, "Top open recommendations");

	if (rc == PST_OK && !t->ntop)
		return pack_say(pk, "No open recommendation.");
	if (rc == PST_OK)
		rc = pst_pdf_table_begin(pk->pdf, cols, 5, pack_team_rows(pk), pk->err);
	for (i = 0; i < t->ntop && rc == PST_OK; i++) {
		const struct pst_review_recommendation *rec = &t->top[i];

		strbuf_addstr(pack_cell(pk, 0), rec->recommendation);
		strbuf_addstr(pack_cell(pk, 1), pst_severity_name(rec->severity));
		pack_num(pack_cell(pk, 2), rec->resources);
		pack_num(pack_cell(pk, 3), rec->overdue);
		strbuf_addstr(pack_cell(pk, 4), *rec->remediation ? rec->remediation : "See the recommendation in the portal.");
		rc = pack_row(pk, 5);
	}
	return rc ? rc : pst_pdf_table_end(pk->pdf, pk->err);
}

/* ---- the team's figures, goal and counts ---- */

static size_t ranked_teams(const struct pst_review *r)
{
	size_t i, n = 0;

	for (i = 0; i < r->nteams; i++)
		n += r->teams[i].rank > 0;
	return n;
}

static int team_figures(struct pack *pk, const struct pst_review_team *t)
{
	struct pst_pdf_figure f[4] = {
		{NULL, "League position", NULL}, {NULL, "Score share", "percentage points now"},
		{NULL, "Won this month", "percentage points"}, {NULL, "To gain", "percentage points, all fixed"},
	};

	if (t->rank > 0) {
		strbuf_addf(pack_cell(pk, 0), "#%d", t->rank);
		strbuf_addf(pack_cell(pk, 1), "of %zu ranked", ranked_teams(pk->r));
	} else {
		strbuf_addstr(pack_cell(pk, 0), "not ranked");
		strbuf_addstr(pack_cell(pk, 1), "not a team");
	}
	pack_pp(pack_cell(pk, 2), t->share_pct, false);
	pack_pp(pack_cell(pk, 3), t->pct_won, true);
	pack_pp(pack_cell(pk, 4), t->gain_pct, false);
	f[0].value = pk->cell[0].buf;
	f[0].change = pk->cell[1].buf;
	f[1].value = pk->cell[2].buf;
	f[2].value = pk->cell[3].buf;
	f[3].value = pk->cell[4].buf;
	return pst_pdf_figures(pk->pdf, f, 4, pk->err);
}

static void goal_text(struct strbuf *sb, const struct pst_review_goal *g)
{
	if (!g) {
		strbuf_addstr(sb, "No goal is set for this team.");
		return;
	}
	strbuf_addstr(sb, "Goal: ");
	pack_pct(sb, g->target);
	strbuf_addstr(sb, " by ");
	pack_date(sb, g->due);
	strbuf_addstr(sb, "; now ");
	pack_pct(sb, g->current);
	if (g->met) {
		strbuf_addstr(sb, ": met.");
		return;
	}
	strbuf_addstr(sb, ": ");
	pack_points(sb, g->pace_needed, false);
	strbuf_addstr(sb, g->behind ? " points a month still needed, behind the pace."
	              : " points a month still needed, on track.");
}

static void count_text(struct strbuf *sb, const struct pst_review_team *t)
{
	int64_t open = 0;
	int s;

	strbuf_addstr(sb, "This month: ");
	pack_num(sb, t->by_class[PST_CLASS_REMEDIATED]);
	strbuf_addstr(sb, pack_plural(t->by_class[PST_CLASS_REMEDIATED], " verified fix, ", " verified fixes, "));
	pack_num(sb, t->by_class[PST_CLASS_REGRESSED]);
	strbuf_addstr(sb, " regressed, ");
	pack_num(sb, t->by_class[PST_CLASS_NEW_RESOURCE]);
	strbuf_addstr(sb, " created insecure, ");
	pack_num(sb, t->by_class[PST_CLASS_EXEMPTED]);
	strbuf_addstr(sb, " exempted, ");
	pack_num(sb, t->by_class[PST_CLASS_RESOURCE_DELETED]);
	strbuf_addstr(sb, " deleted. Open now: ");
	for (s = 0; s <= PST_SEV_CRITICAL; s++)
		open += t->open_by_severity[s];
	pack_num(sb, open);
	strbuf_addstr(sb, " (");
	for (s = PST_SEV_CRITICAL; s >= PST_SEV_LOW; s--) {
		strbuf_addf(sb, "%s%s ", s == PST_SEV_CRITICAL ? "" : ", ", pst_severity_name((enum pst_severity)s));
		pack_num(sb, t->open_by_severity[s]);
	}
	strbuf_addstr(sb, "), of which ");
	pack_num(sb, t->overdue);
	strbuf_addstr(sb, " overdue.");
}

static int team_section(struct pack *pk, size_t ti, bool first)
{
	const struct pst_review_team *t = &pk->r->teams[ti];
	size_t i;
	int rc = PST_OK;

	/* A page per team, unless many teams share the pack: then a team starts
	 * on a new page only when its heading, figures and first rows do not fit. */
	if (!first)
		rc = pk->r->nteams > PACK_MANY_TEAMS ? pst_pdf_keep(pk->pdf, TEAM_START_H, pk->err)
		                                     : pst_pdf_page_break(pk->pdf, pk->err);

	if (rc == PST_OK)
		rc = pst_pdf_heading(pk->pdf, 2, t->name, pk->err);
	if (rc == PST_OK)
		rc = team_figures(pk, t);
	strbuf_reset(&pk->line);
	count_text(&pk->line, t);
	strbuf_addch(&pk->line, ' ');
	goal_text(&pk->line, t->goal);
	if (rc == PST_OK)
		rc = pack_say(pk, pk->line.buf);
	for (i = 0; i < PST_ARRAY_LEN(lists) && rc == PST_OK; i++)
		rc = finding_list(pk, ti, &lists[i]);
	if (rc == PST_OK)
		rc = top_recommendations(pk, t);
	return rc;
}

int pack_teams(struct pack *pk)
{
	const struct pst_review *r = pk->r;
	size_t i;
	int rc = pst_pdf_heading(pk->pdf, 1, "Teams", pk->err);

	if (rc == PST_OK && !r->nteams)
		return pack_say(pk, "No teams: no resource could be given a team.");
	if (pk->team != PST_REVIEW_NO_TEAM)
		return rc ? rc : team_section(pk, pk->team, true);
	if (rc == PST_OK)
		rc = pack_say(pk, "One section per team, in the order of the league table: its score, what it fixed, "
		              "what got worse, what is overdue and what to fix next.");
	for (i = 0; i < r->nteams && rc == PST_OK; i++)
		rc = team_section(pk, r->league ? r->league[i] : i, i == 0);
	return rc;
}
