/* text_report.c: what `posture report` writes besides the packs: the index
 * of the team packs (CSV) and the summary on standard output (text.h). */
#include <math.h>
#include "posture/csvw.h"
#include "posture/text.h"
#include "posture/utf8.h"

void pst_text_report_index_head(struct pst_csvw *w)
{
	static const char *const head[] = {"team", "pdf", "xlsx", "summary", "owners", "score_share_pp",
	                                   "score_share_change_pp", "verified_fixes", "open_findings",
	                                   "open_high_critical", "overdue", "overdue_high_critical", NULL};

	pst_csvw_header(w, head);
}

static int64_t high_critical(const int64_t *by_severity)
{
	return by_severity[PST_SEV_HIGH] + by_severity[PST_SEV_CRITICAL];
}

/* A number of percentage points rounded to 2 decimals (a number, not
 * text: no formula guard); blank when unknown. */
static void pp_field(struct pst_csvw *w, double v)
{
	pst_csvw_double(w, isnan(v) ? v : round(v * 100.0) / 100.0 + 0.0);
}

void pst_text_report_index_row(struct pst_csvw *w, const struct pst_review *r, size_t team, const char *pdf,
                               const char *xlsx, const char *summary)
{
	const struct pst_review_team *t = &r->teams[team];
	int64_t all, open, overdue;

	pst_review_counts(r, team, &all, &open, &overdue);
	pst_csvw_field(w, t->name);
	pst_csvw_field(w, pdf);
	pst_csvw_field(w, xlsx);
	pst_csvw_field(w, summary);
	pst_csvw_field(w, t->owners);
	pp_field(w, t->share_pct);
	pp_field(w, t->share_pct - t->share_pct_prev);
	pst_csvw_int(w, t->by_class[PST_CLASS_REMEDIATED]);
	pst_csvw_int(w, open);
	pst_csvw_int(w, high_critical(t->open_by_severity));
	pst_csvw_int(w, overdue);
	pst_csvw_int(w, high_critical(t->overdue_by_severity));
	pst_csvw_end(w);
}

static void pp_text(FILE *out, double v, bool sign)
{
	if (isnan(v))
		fputs("n/a", out);
	else
		fprintf(out, sign ? "%+.2f" : "%.2f", fabs(v) < 0.005 ? 0.0 : v);
}

static void summary_actions(FILE *out, const struct pst_review_team *t)
{
	size_t i, n = t->ntop < 3 ? t->ntop : 3;

	if (!n) {
		fputs("Top three actions: none, nothing is open.\n", out);
		return;
	}
	fputs("Top three actions:\n", out);
	for (i = 0; i < n; i++) {
		fprintf(out, "  %zu. ", i + 1);
		pst_utf8_fputs(t->top[i].recommendation, out);
		fprintf(out, " (%s): %lld %s, %lld overdue\n", pst_severity_name(t->top[i].severity),
		        (long long)t->top[i].resources, t->top[i].resources == 1 ? "resource" : "resources",
		        (long long)t->top[i].overdue);
	}
}

void pst_text_team_summary(FILE *out, const struct pst_review *r, size_t team, const char *pdf, const char *xlsx)
{
	const struct pst_review_team *t = &r->teams[team];
	char a[PST_TIME_BUF], b[PST_TIME_BUF];
	int64_t all, open, overdue;

	pst_review_counts(r, team, &all, &open, &overdue);
	pst_utf8_fputs(r->title, out);
	fputs(" \xE2\x80\x94 ", out);
	pst_utf8_fputs(t->name, out);
	fprintf(out, "\n%s to %s\n\n", pst_date_format(r->t0, a, sizeof(a)),
	        pst_date_format(r->t1 - 1, b, sizeof(b)));
	fputs("Score share: ", out);
	pp_text(out, t->share_pct, false);
	fputs(" percentage points of the organisation's ", out);
	pp_text(out, r->score_now, false);
	fputs("% (", out);
	pp_text(out, t->share_pct - t->share_pct_prev, true);
	fprintf(out, " since %s)\n", a);
	if (t->rank > 0)
		fprintf(out, "League position: %d\n", t->rank);
	fprintf(out, "Verified fixes: %lld (of %lld findings closed)\n", (long long)t->by_class[PST_CLASS_REMEDIATED],
	        (long long)t->closed);
	fprintf(out, "Open findings: %lld, of which High or Critical %lld\n", (long long)open,
	        (long long)high_critical(t->open_by_severity));
	fprintf(out, "Overdue: %lld, of which High or Critical %lld\n\n", (long long)overdue,
	        (long long)high_critical(t->overdue_by_severity));
	summary_actions(out, t);
	fputs("\nThe team's pack: ", out);
	pst_utf8_fputs(pdf, out);
	fputs(" and ", out);
	pst_utf8_fputs(xlsx, out);
	fputs("\n", out);
}

void pst_text_report_summary(FILE *out, const struct pst_review *r, const char *written)
{
	int64_t all, open, overdue;

	pst_review_counts(r, PST_REVIEW_NO_TEAM, &all, &open, &overdue);
	fprintf(out, "posture report %s: %zu teams, %zu findings classified (%lld open, %lld overdue), %zu warnings\n",
	        r->period, r->nteams, r->nfindings, (long long)open, (long long)overdue, r->warnings.n);
	pst_utf8_fputs(written, out);
}
