/* text_report.c: what `posture report` writes besides the packs: the index
 * of the team packs (CSV) and the summary on standard output (text.h). */
#include "posture/csvw.h"
#include "posture/text.h"
#include "posture/utf8.h"

void pst_text_report_index_head(struct pst_csvw *w)
{
	static const char *const head[] = {"team", "pdf", "xlsx", "open_findings", "overdue", NULL};

	pst_csvw_header(w, head);
}

void pst_text_report_index_row(struct pst_csvw *w, const struct pst_review *r, size_t team, const char *pdf,
                               const char *xlsx)
{
	int64_t all, open, overdue;

	pst_review_counts(r, team, &all, &open, &overdue);
	pst_csvw_field(w, r->teams[team].name);
	pst_csvw_field(w, pdf);
	pst_csvw_field(w, xlsx);
	pst_csvw_int(w, open);
	pst_csvw_int(w, overdue);
	pst_csvw_end(w);
}

void pst_text_report_summary(FILE *out, const struct pst_review *r, const char *written)
{
	int64_t all, open, overdue;

	pst_review_counts(r, PST_REVIEW_NO_TEAM, &all, &open, &overdue);
	fprintf(out, "posture report %s: %zu teams, %zu findings classified (%lld open, %lld overdue), %zu warnings\n",
	        r->period, r->nteams, r->nfindings, (long long)open, (long long)overdue, r->warnings.n);
	pst_utf8_fputs(written, out);
}
