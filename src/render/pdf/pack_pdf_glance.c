/* pack_pdf_glance.c: page 1, the month at a glance: a title band with the
 * scope, the key figures, a small trend, the subscriptions that moved most
 * and the top three actions.  A team's pack shows the team's own figures,
 * the organisation's only where labelled so.  Every number is the review's,
 * the same as on the later pages. */
#include "pack_pdf_int.h"

#include <math.h>
#include <stdlib.h>

#define GLANCE_MOVERS 3
#define GLANCE_ACTIONS 3
#define GLANCE_TREND_H 150.0

static int64_t high_or_critical(const int64_t *by_severity)
{
	return by_severity[PST_SEV_HIGH] + by_severity[PST_SEV_CRITICAL];
}

static int64_t sum_severities(const int64_t *by_severity)
{
	int64_t n = 0;
	int s;

	for (s = 0; s <= PST_SEV_CRITICAL; s++)
		n += by_severity[s];
	return n;
}

/* "Contoso · 2026-10-01 to 2026-10-31 · 1 tenant, 4 subscriptions; the
 * score covers 3 of 4 · generated ... by posture 0.1.0" */
static void band_line(struct pack *pk, struct strbuf *sb)
{
	const struct pst_review *r = pk->r;

	strbuf_addstr(sb, r->org && *r->org ? r->org : "Organisation not named");
	strbuf_addstr(sb, " \xC2\xB7 ");
	pack_date(sb, r->t0);
	strbuf_addstr(sb, " to ");
	pack_end_date(sb, r->t1);
	strbuf_addstr(sb, " \xC2\xB7 ");
	pack_scope(sb, r);
	strbuf_addstr(sb, " \xC2\xB7 generated ");
	pack_generated(sb, r);
	if (pack_period_note(r)) {
		strbuf_addstr(sb, " \xC2\xB7 ");
		pst_diag_text(pack_period_note(r), sb);
	}
}

static void tile(struct pst_pdf_figure *f, const char *caption, struct strbuf *value, struct strbuf *change)
{
	f->caption = caption;
	f->value = value->buf;
	f->change = change->buf;
}

/* Verified fixes "of N closed", open and overdue High/Critical "of N". */
static void count_tiles(struct pack *pk, struct pst_pdf_figure *f, const int64_t *by_class, const int64_t *open,
                        const int64_t *overdue, int64_t closed)
{
	pack_num(pack_cell(pk, 2), by_class[PST_CLASS_REMEDIATED]);
	strbuf_addstr(pack_cell(pk, 3), "of ");
	pack_num(&pk->cell[3], closed);
	strbuf_addstr(&pk->cell[3], " findings closed; the others were not fixes");
	pack_num(pack_cell(pk, 4), high_or_critical(open));
	strbuf_addstr(pack_cell(pk, 5), "of ");
	pack_num(&pk->cell[5], sum_severities(open));
	strbuf_addstr(&pk->cell[5], " open findings");
	pack_num(pack_cell(pk, 6), high_or_critical(overdue));
	strbuf_addstr(pack_cell(pk, 7), "of ");
	pack_num(&pk->cell[7], sum_severities(overdue));
	strbuf_addstr(&pk->cell[7], " overdue findings");
	tile(&f[1], "Verified fixes", &pk->cell[2], &pk->cell[3]);
	tile(&f[2], "Open High/Critical", &pk->cell[4], &pk->cell[5]);
	tile(&f[3], "Overdue High/Critical", &pk->cell[6], &pk->cell[7]);
}

static int org_tiles(struct pack *pk)
{
	const struct pst_review *r = pk->r;
	struct pst_pdf_figure f[4];

	pack_pct(pack_cell(pk, 0), r->score_now);
	pack_pp(pack_cell(pk, 1), r->score_now - r->score_prev, true);
	strbuf_addstr(&pk->cell[1], " percentage points since ");
	pack_date(&pk->cell[1], r->t0);
	tile(&f[0], "Secure score", &pk->cell[0], &pk->cell[1]);
	count_tiles(pk, f, r->by_class, r->open_by_severity, r->overdue_by_severity, r->closed);
	return pst_pdf_figures(pk->pdf, f, 4, pk->err);
}

static int team_tiles(struct pack *pk)
{
	const struct pst_review_team *t = &pk->r->teams[pk->team];
	struct pst_pdf_figure f[4];

	pack_pp(pack_cell(pk, 0), t->share_pct, false);
	strbuf_addstr(pack_cell(pk, 1), "of the organisation's ");
	pack_pct(&pk->cell[1], pk->r->score_now);
	strbuf_addstr(&pk->cell[1], "; ");
	pack_pp(&pk->cell[1], t->share_pct - t->share_pct_prev, true);
	strbuf_addstr(&pk->cell[1], " pp since ");
	pack_date(&pk->cell[1], pk->r->t0);
	tile(&f[0], "Score share (pp)", &pk->cell[0], &pk->cell[1]);
	count_tiles(pk, f, t->by_class, t->open_by_severity, t->overdue_by_severity, t->closed);
	return pst_pdf_figures(pk->pdf, f, 4, pk->err);
}

static int glance_trend(struct pack *pk)
{
	return pack_trend_chart(pk, pk->team == PST_REVIEW_NO_TEAM ? "Secure score, last 12 months"
	                                                          : "Organisation's secure score, last 12 months",
	                        GLANCE_TREND_H, true);
}

/* "3 fixes, 1 regression, 2 insecure new, 4 closed otherwise" or "left the export". */
static void mover_why(struct strbuf *sb, const struct pst_review_mover *m)
{
	size_t n = 0;

	if (m->left_scope) {
		strbuf_addstr(sb, "missing from the latest export: not counted");
		return;
	}
	if (m->fixes)
		strbuf_addf(sb, "%s%lld %s", n++ ? ", " : "", (long long)m->fixes, pack_plural(m->fixes, "fix", "fixes"));
	if (m->regressions)
		strbuf_addf(sb, "%s%lld %s", n++ ? ", " : "", (long long)m->regressions,
		            pack_plural(m->regressions, "regression", "regressions"));
	if (m->new_insecure)
		strbuf_addf(sb, "%s%lld newly open", n++ ? ", " : "", (long long)m->new_insecure);
	if (m->closed_other)
		strbuf_addf(sb, "%s%lld closed without a fix", n++ ? ", " : "", (long long)m->closed_other);
	if (!n)
		strbuf_addstr(sb, "no finding changed: Defender's weights or exported score");
}

static void mover_cells(struct pack *pk, size_t i)
{
	const struct pst_review_mover *m = &pk->r->movers[i];

	strbuf_addstr(pack_cell(pk, 0), *m->name ? m->name : m->id);
	pack_pct(pack_cell(pk, 1), m->before);
	if (m->left_scope)
		strbuf_addstr(pack_cell(pk, 2), "out of scope");
	else
		pack_pct(pack_cell(pk, 2), m->after);
	pack_pp(pack_cell(pk, 3), m->change, true);
	mover_why(pack_cell(pk, 4), m);
}

static int glance_movers(struct pack *pk)
{
	static const struct pst_pdf_col cols[] = {
		{"Subscription", 2, 0, PST_PDF_LEFT, 0},
		{"Start", 0, 50, PST_PDF_RIGHT, 0},
		{"End", 0, 58, PST_PDF_RIGHT, 0},
		{"Change (pp)", 0, 60, PST_PDF_RIGHT, 0},
		{"Why", 3, 0, PST_PDF_LEFT, 0},
	};
	size_t n = pk->r->nmovers < GLANCE_MOVERS ? pk->r->nmovers : GLANCE_MOVERS;
	int rc;

	if (pk->team != PST_REVIEW_NO_TEAM)
		return PST_OK;
	rc = pack_subtitle(pk, "Subscriptions that moved most");
	if (rc == PST_OK && !n)
		return pack_say(pk, "No subscription's score moved and no finding opened or closed.");
	return rc ? rc : pack_table(pk, cols, PST_ARRAY_LEN(cols), 0, n, mover_cells);
}

static void action_cells(struct pack *pk, size_t i)
{
	const struct pst_review_control *c = &pk->r->controls[i];

	strbuf_addstr(pack_cell(pk, 0), c->name);
	pack_points(pack_cell(pk, 1), c->gain, false);
	pack_num(pack_cell(pk, 2), c->unhealthy);
	strbuf_addstr(pack_cell(pk, 3), c->top_team == PST_REVIEW_NO_TEAM ? "n/a" : pack_team_name(pk, c->top_team));
}

static size_t org_actions(const struct pst_review *r)
{
	size_t n = 0;

	while (n < r->ncontrols && n < GLANCE_ACTIONS && r->controls[n].gain > 0)
		n++;
	return n;
}

static void team_action_cells(struct pack *pk, size_t i)
{
	const struct pst_review_recommendation *rec = &pk->r->teams[pk->team].top[i];

	strbuf_addstr(pack_cell(pk, 0), rec->recommendation);
	strbuf_addstr(pack_cell(pk, 1), pst_severity_name(rec->severity));
	pack_num(pack_cell(pk, 2), rec->resources);
	pack_num(pack_cell(pk, 3), rec->overdue);
}

static int glance_actions(struct pack *pk)
{
	static const struct pst_pdf_col org_cols[] = {
		{"Control", 3, 0, PST_PDF_LEFT, 0},
		{"Points to gain", 0, 70, PST_PDF_RIGHT, 0},
		{"Unhealthy", 0, 58, PST_PDF_RIGHT, 0},
		{"Team holding most", 2, 0, PST_PDF_LEFT, 0},
	};
	static const struct pst_pdf_col team_cols[] = {
		{"Recommendation", 4, 0, PST_PDF_LEFT, 0},
		{"Severity", 0, 62, PST_PDF_LEFT, 0},
		{"Resources", 0, 58, PST_PDF_RIGHT, 0},
		{"Overdue", 0, 52, PST_PDF_RIGHT, 0},
	};
	size_t n;
	int rc = pack_subtitle(pk, "Top three actions");

	if (rc)
		return rc;
	if (pk->team != PST_REVIEW_NO_TEAM) {
		n = pk->r->teams[pk->team].ntop < GLANCE_ACTIONS ? pk->r->teams[pk->team].ntop : GLANCE_ACTIONS;
		if (!n)
			return pack_say(pk, "Nothing is open for this team.");
		return pack_table(pk, team_cols, PST_ARRAY_LEN(team_cols), 0, n, team_action_cells);
	}
	n = org_actions(pk->r);
	if (!n)
		return pack_say(pk, "No control has points to gain.");
	rc = pack_table(pk, org_cols, PST_ARRAY_LEN(org_cols), 0, n, action_cells);
	return rc ? rc : pst_pdf_text(pk->pdf, PST_PDF_SMALL,
	                              "The controls with the most score points to gain if every unhealthy resource "
	                              "were fixed, and the team whose resources hold most of them.",
	                              pk->err);
}

int pack_glance(struct pack *pk)
{
	struct strbuf *title = pack_cell(pk, 0), *line = pack_cell(pk, 1);
	int rc;

	strbuf_addstr(title, pk->r->title);
	if (pk->team != PST_REVIEW_NO_TEAM)
		strbuf_addf(title, " \xE2\x80\x94 %s", pack_team_name(pk, pk->team));
	band_line(pk, line);
	rc = pst_pdf_title_band(pk->pdf, title->buf, line->buf, pk->err);
	if (rc == PST_OK)
		rc = pk->team == PST_REVIEW_NO_TEAM ? org_tiles(pk) : team_tiles(pk);
	if (rc == PST_OK)
		rc = glance_trend(pk);
	if (rc == PST_OK)
		rc = glance_movers(pk);
	if (rc == PST_OK)
		rc = glance_actions(pk);
	if (rc == PST_OK)
		rc = pst_pdf_contents(pk->pdf, pk->err);
	return rc;
}
