/* review_fixture_xlsx.h: what the workbook tests add to review_fixture.h.
 *
 * xfx_build builds the shared fixture, then sets first_seen (which
 * review_fixture.h leaves at 0) and a few traps for a spreadsheet: a
 * formula-looking owner, text over Excel's 32,767-character cell limit.
 * xfx_diff_csv writes the findings as `posture diff --format csv` does, so
 * that the shell test compares the Changes sheet with it row by row.
 * xfx_facts writes the rows each sheet must hold, one line per sheet:
 * "FORM|SHEET|ROWS" (FORM is "all" or a team index).
 */
#ifndef REVIEW_FIXTURE_XLSX_H
#define REVIEW_FIXTURE_XLSX_H

#include <stdio.h>
#include "posture/csvw.h"
#include "review_fixture.h"

#define XFX_LONG_TEXT 40000

static inline size_t xfx_count_unlisted(const struct pst_review *r)
{
	size_t i, n = 0;

	for (i = 0; i < r->nsources; i++)
		n += r->sources[i].unlisted > 0;
	return n;
}

static inline void xfx_first_seen(struct pst_review *r)
{
	size_t i;

	for (i = 0; i < r->nfindings; i++) {
		struct pst_review_finding *f = &r->findings[i];

		f->first_seen = f->cls == PST_CLASS_STILL_OPEN && f->age_days >= 0 ? r->t1 - f->age_days * PST_MS_PER_DAY
		                                                                  : PST_TIME_NONE;
	}
}

/* A warning longer than a cell holds, and formula-looking text. */
static inline void xfx_traps(struct pst_review *r)
{
	char *long_text = xmalloc(XFX_LONG_TEXT + 1);

	memset(long_text, 'w', XFX_LONG_TEXT);
	long_text[XFX_LONG_TEXT] = '\0';
	if (r->warnings.n > 0) {
		free(r->warnings.items[0].msg);
		r->warnings.items[0].msg = xstrdup(long_text);
	}
	free(long_text);
	if (r->nfindings > 1)
		r->findings[1].owner = pst_review_str(r, "=HYPERLINK(\"http://evil.example\",\"x\")");
}

static inline void xfx_build(struct pst_review *r, size_t nteams, size_t nfindings)
{
	struct rfx_params p;

	rfx_params_init(&p, nteams, nfindings);
	pst_review_init(r);
	rfx_build(r, &p);
	xfx_first_seen(r);
	xfx_traps(r);
}

static inline const char *xfx_status(enum pst_status_code st)
{
	return st == PST_ST_UNKNOWN ? NULL : pst_status_name(st);
}

static inline void xfx_diff_row(struct pst_csvw *w, const struct pst_review_finding *f)
{
	pst_csvw_field(w, f->class_name);
	pst_csvw_field(w, f->resource_id);
	pst_csvw_field(w, f->assessment_key);
	pst_csvw_field(w, f->recommendation);
	pst_csvw_field(w, pst_severity_name(f->severity));
	pst_csvw_field(w, f->subscription_id);
	pst_csvw_field(w, f->subscription_name);
	pst_csvw_field(w, f->resource_group);
	pst_csvw_field(w, f->resource_type);
	pst_csvw_field(w, xfx_status(f->status_from));
	pst_csvw_field(w, f->cause_from);
	pst_csvw_field(w, xfx_status(f->status_to));
	pst_csvw_field(w, f->cause_to);
	if (f->age_days >= 0)
		pst_csvw_int(w, f->age_days);
	else
		pst_csvw_field(w, NULL);
	pst_csvw_time(w, f->first_seen);
	pst_csvw_time(w, f->due_date);
	pst_csvw_bool(w, f->overdue);
	pst_csvw_field(w, f->owner);
	pst_csvw_field(w, f->portal_link);
	pst_csvw_end(w);
}

/* The findings of team (or all: PST_REVIEW_NO_TEAM) in diff CSV form. */
static inline void xfx_diff_csv(const struct pst_review *r, size_t team, FILE *fp)
{
	static const char *const header[] = {
		"class", "resource_id", "assessment_key", "recommendation", "severity", "subscription_id",
		"subscription_name", "resource_group", "resource_type", "status_from", "cause_from", "status_to",
		"cause_to", "age_days", "first_seen", "due_date", "overdue", "owner", "portal_link", NULL};
	struct pst_csvw w;
	size_t i;

	pst_csvw_init(&w, fp);
	pst_csvw_header(&w, header);
	for (i = 0; i < r->nfindings; i++)
		if (team == PST_REVIEW_NO_TEAM || r->findings[i].team == team)
			xfx_diff_row(&w, &r->findings[i]);
}

static inline size_t xfx_count_findings(const struct pst_review *r, size_t team, bool open_only)
{
	size_t i, n = 0;

	for (i = 0; i < r->nfindings; i++)
		n += (team == PST_REVIEW_NO_TEAM || r->findings[i].team == team) &&
		     (!open_only || r->findings[i].status_to == PST_ST_UNHEALTHY);
	return n;
}

static inline size_t xfx_count_alerts(const struct pst_review *r, size_t team)
{
	size_t i, n = 0;

	for (i = 0; i < r->nalerts; i++)
		n += team == PST_REVIEW_NO_TEAM || r->alerts[i].team == team;
	return n;
}

static inline void xfx_facts(const struct pst_review *r, size_t team, FILE *fp)
{
	char form[32];

	if (team == PST_REVIEW_NO_TEAM)
		snprintf(form, sizeof(form), "all");
	else
		snprintf(form, sizeof(form), "%zu", team);
	fprintf(fp, "%s|Teams|%zu\n", form, team == PST_REVIEW_NO_TEAM ? r->nteams : 1);
	fprintf(fp, "%s|Changes|%zu\n", form, xfx_count_findings(r, team, false));
	fprintf(fp, "%s|Open items|%zu\n", form, xfx_count_findings(r, team, true));
	fprintf(fp, "%s|Controls|%zu\n", form, r->ncontrols);
	fprintf(fp, "%s|Alerts|%zu\n", form, xfx_count_alerts(r, team));
	fprintf(fp, "%s|Compliance|%zu\n", form, r->ncompliance);
	fprintf(fp, "%s|Data quality|%zu\n", form, r->warnings.n + r->rejected.n + xfx_count_unlisted(r));
	fprintf(fp, "%s|Subscriptions|%zu\n", form, r->nsubscriptions);
	fprintf(fp, "%s|Sources|%zu\n", form, r->nsources);
}

#endif
