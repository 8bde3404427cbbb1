/* pack_pdf_compliance.c: regulatory compliance: per standard, its controls
 * passed, failed and skipped at the end of the period and the change since
 * its start, then the controls whose state changed.  Compliance is
 * exported per subscription, not per resource: a team's pack leaves it out
 * (the organisation's is in the whole pack and the workbook). */
#include "pack_pdf_int.h"

#include <math.h>

static int64_t total(const int64_t *counts, size_t n)
{
	int64_t sum = 0;
	size_t i;

	for (i = 0; i < n; i++)
		sum += counts[i];
	return sum;
}

/* "20 (+3)": the count now and its change since the start; "20" when the
 * standard had no result at the start. */
static void count_change(struct strbuf *sb, const struct pst_review_standard *s, enum pst_review_cstate k)
{
	int64_t d = s->controls[k] - s->controls_t0[k];

	pack_num(sb, s->controls[k]);
	if (!s->has_t0)
		return;
	strbuf_addstr(sb, d > 0 ? " (+" : " (");
	pack_num(sb, d);
	strbuf_addch(sb, ')');
}

/* Passed of passed and failed assessments, as a percentage; NAN when none. */
static double passing(const int64_t *a)
{
	int64_t n = a[PST_RCS_PASSED] + a[PST_RCS_FAILED];

	return n ? 100.0 * (double)a[PST_RCS_PASSED] / (double)n : (double)NAN;
}

static void passing_cell(struct strbuf *sb, const struct pst_review_standard *s)
{
	double now = passing(s->assessments), then = passing(s->assessments_t0);

	pack_pct(sb, now);
	if (!s->has_t0 || isnan(now) || isnan(then))
		return;
	strbuf_addstr(sb, " (");
	pack_pp(sb, now - then, true);
	strbuf_addch(sb, ')');
}

static void standard_cells(struct pack *pk, size_t i)
{
	const struct pst_review_standard *s = &pk->r->standards[i];

	strbuf_addstr(pack_cell(pk, 0), s->standard);
	pack_num(pack_cell(pk, 1), total(s->controls, PST_RCS__COUNT));
	count_change(pack_cell(pk, 2), s, PST_RCS_PASSED);
	count_change(pack_cell(pk, 3), s, PST_RCS_FAILED);
	count_change(pack_cell(pk, 4), s, PST_RCS_SKIPPED);
	passing_cell(pack_cell(pk, 5), s);
}

static int standards_table(struct pack *pk)
{
	static const struct pst_pdf_col cols[] = {
		{"Standard", 1, 0, PST_PDF_LEFT, 0},
		{"Controls", 0, 44, PST_PDF_RIGHT, 0},
		{"Passed", 0, 54, PST_PDF_RIGHT, 0},
		{"Failed", 0, 54, PST_PDF_RIGHT, 0},
		{"Skipped", 0, 54, PST_PDF_RIGHT, 0},
		{"Assessments passing", 0, 96, PST_PDF_RIGHT, 0},
	};
	int rc = pack_table(pk, cols, PST_ARRAY_LEN(cols), PACK_LIST_ROWS, pk->r->nstandards, standard_cells);

	return rc ? rc : pst_pdf_text(pk->pdf, PST_PDF_SMALL,
	                              "Controls by their state on the last day, with the change since the start in brackets "
	                              "(assessments passing: in percentage points). A control "
	                              "is failed when any of its assessments fails in any subscription, so on a large "
	                              "estate most are: the share of its assessments passing (and its change in "
	                              "percentage points) shows the progress.", pk->err);
}

static bool state_changed(const struct pst_review_compliance *c)
{
	return c->state_t0 != PST_CS_UNKNOWN && c->state_t0 != c->state;
}

static int changed_table(struct pack *pk)
{
	static const struct pst_pdf_col cols[] = {
		{"Standard", 2, 0, PST_PDF_LEFT, 0},
		{"Control", 3, 0, PST_PDF_LEFT, 0},
		{"At the start", 0, 70, PST_PDF_LEFT, 0},
		{"At the end", 0, 70, PST_PDF_LEFT, 0},
	};
	const struct pst_review *r = pk->r;
	size_t i, n = 0;
	int rc;

	for (i = 0; i < r->ncompliance; i++)
		n += state_changed(&r->compliance[i]);
	rc = pack_subtitle(pk, "Controls whose state changed");
	if (rc == PST_OK && !n)
		return pack_say(pk, "No control changed its state in the period.");
	if (rc == PST_OK)
		rc = pst_pdf_table_begin(pk->pdf, cols, PST_ARRAY_LEN(cols), PACK_LIST_ROWS, pk->err);
	for (i = 0; i < r->ncompliance && rc == PST_OK; i++) {
		const struct pst_review_compliance *c = &r->compliance[i];

		if (!state_changed(c))
			continue;
		if (pst_pdf_table_full(pk->pdf)) {
			pst_pdf_table_skip(pk->pdf, 1);
			continue;
		}
		strbuf_addstr(pack_cell(pk, 0), c->standard);
		strbuf_addstr(pack_cell(pk, 1), c->control);
		strbuf_addstr(pack_cell(pk, 2), pst_compliance_state_name(c->state_t0));
		strbuf_addstr(pack_cell(pk, 3), pst_compliance_state_name(c->state));
		rc = pack_row(pk, PST_ARRAY_LEN(cols));
	}
	return rc ? rc : pst_pdf_table_end(pk->pdf, pk->err);
}

int pack_compliance(struct pack *pk)
{
	struct strbuf *sb;
	int rc;

	if (pk->team != PST_REVIEW_NO_TEAM)
		return PST_OK;
	rc = pst_pdf_heading(pk->pdf, 1, "Compliance", pk->err);
	if (rc == PST_OK && !pk->r->nstandards)
		return pack_say(pk, "No regulatory compliance results were read.");
	sb = &pk->line;
	strbuf_reset(sb);
	strbuf_addstr(sb, "Regulatory compliance as Defender assessed it, per standard: its controls passed, failed "
	                  "and skipped on ");
	pack_end_date(sb, pk->r->t1);
	strbuf_addstr(sb, ", and the change since ");
	pack_date(sb, pk->r->t0);
	strbuf_addstr(sb, " (the latest result at or before each date). Every control is in the workbook's "
	                  "Compliance sheet.");
	if (rc == PST_OK)
		rc = pack_say(pk, sb->buf);
	if (rc == PST_OK)
		rc = standards_table(pk);
	if (rc == PST_OK)
		rc = changed_table(pk);
	return rc;
}
