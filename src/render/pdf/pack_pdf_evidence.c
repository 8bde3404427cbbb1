/* pack_pdf_evidence.c: data quality (what was read, what was rejected, the
 * completeness warnings) and the evidence appendix (every input file). */
#include "pack_pdf_int.h"

#define WARNING_ROWS 50

static void read_sentence(const struct pst_review *r, struct strbuf *sb)
{
	uint64_t records = 0, failed = 0;
	size_t i;

	for (i = 0; i < r->nsources; i++) {
		records += r->sources[i].total;
		failed += r->sources[i].failed;
	}
	pack_num(sb, (int64_t)r->nsources);
	strbuf_addstr(sb, pack_plural((int64_t)r->nsources, " file was read", " files were read"));
	if (failed) {
		strbuf_addstr(sb, " (");
		pack_num(sb, (int64_t)failed);
		strbuf_addstr(sb, " could not be used)");
	}
	strbuf_addstr(sb, ", holding ");
	pack_num(sb, (int64_t)records);
	strbuf_addstr(sb, " records; ");
	pack_num(sb, (int64_t)r->rejected.count[PST_DIAG_REJECTED]);
	strbuf_addstr(sb, pack_plural((int64_t)r->rejected.count[PST_DIAG_REJECTED], " record was rejected.", " records were rejected."));
}

static int records_by_type(struct pack *pk)
{
	static const struct pst_pdf_col cols[] = {
		{"Record type", 1, 0, PST_PDF_LEFT, 1},
		{"Records", 0, 80, PST_PDF_RIGHT, 0},
	};
	const struct pst_review *r = pk->r;
	size_t i;
	int t, rc = pst_pdf_table_begin(pk->pdf, cols, 2, 0, pk->err);

	for (t = 0; t < PST_REC__COUNT && rc == PST_OK; t++) {
		uint64_t n = 0;

		for (i = 0; i < r->nsources; i++)
			n += r->sources[i].records[t];
		if (!n)
			continue;
		strbuf_addstr(pack_cell(pk, 0), pst_rec_type_name((enum pst_rec_type)t));
		pack_num(pack_cell(pk, 1), (int64_t)n);
		rc = pack_row(pk, 2);
	}
	return rc ? rc : pst_pdf_table_end(pk->pdf, pk->err);
}

static void subscription_cells(struct pack *pk, size_t i)
{
	const struct pst_review_subscription *s = &pk->r->subscriptions[i];

	strbuf_addstr(pack_cell(pk, 0), *s->name ? s->name : s->id);
	strbuf_addstr(pack_cell(pk, 1), s->id);
	strbuf_addstr(pack_cell(pk, 2), s->covered_t1 ? "yes" : "no: out of scope");
	if (!s->covered_t1 && s->missing_since != PST_TIME_NONE) {
		strbuf_addstr(&pk->cell[2], " since ");
		pack_date(&pk->cell[2], s->missing_since);
	}
	pack_pct(pack_cell(pk, 3), s->previous);
	if (s->covered_t1)
		pack_pct(pack_cell(pk, 4), s->percentage);
	else
		strbuf_addstr(pack_cell(pk, 4), "out of scope");
}

static int subscriptions_table(struct pack *pk)
{
	static const struct pst_pdf_col cols[] = {
		{"Subscription", 2, 0, PST_PDF_LEFT, 1},
		{"Id", 0, 170, PST_PDF_LEFT, 1},
		{"In the data at the end", 1, 0, PST_PDF_LEFT, 0},
		{"Score before", 0, 52, PST_PDF_RIGHT, 0},
		{"Score now", 0, 48, PST_PDF_RIGHT, 0},
	};
	const struct pst_review *r = pk->r;
	int rc = pack_subtitle(pk, "Subscriptions in scope");

	if (rc == PST_OK && !r->nsubscriptions)
		return pack_say(pk, "No subscription was found in the data.");
	return rc ? rc : pack_table(pk, cols, PST_ARRAY_LEN(cols), 0, r->nsubscriptions, subscription_cells);
}

static int what_was_read(struct pack *pk)
{
	int rc = pack_subtitle(pk, "What was read");

	strbuf_reset(&pk->line);
	read_sentence(pk->r, &pk->line);
	if (rc == PST_OK)
		rc = pack_say(pk, pk->line.buf);
	if (rc == PST_OK && pk->r->nsources)
		rc = records_by_type(pk);
	return rc;
}

static void warning_cells(struct pack *pk, size_t i)
{
	strbuf_addstr(pack_cell(pk, 0), pst_diag_code_group(pk->r->warnings.items[i].code));
	pst_diag_text(&pk->r->warnings.items[i], pack_cell(pk, 1));
}

static int warnings_table(struct pack *pk)
{
	static const struct pst_pdf_col cols[] = {
		{"Kind", 0, 84, PST_PDF_LEFT, 1},
		{"Warning", 1, 0, PST_PDF_LEFT, 0},
	};
	int rc = pack_subtitle(pk, "Completeness warnings");

	if (rc == PST_OK && !pk->r->warnings.n)
		return pack_say(pk, "No warning: the data at both ends of the period is complete enough to compare.");
	return rc ? rc : pack_table(pk, cols, PST_ARRAY_LEN(cols), WARNING_ROWS, pk->r->warnings.n, warning_cells);
}

static void rejected_where(struct strbuf *sb, const struct pst_diag *x)
{
	if (x->line)
		strbuf_addf(sb, "line %llu", (unsigned long long)x->line);
	else
		strbuf_addf(sb, "element %llu", (unsigned long long)x->index);
}

static bool any_failed(const struct pst_review *r)
{
	size_t i;

	for (i = 0; i < r->nsources; i++)
		if (r->sources[i].failed)
			return true;
	return false;
}

static int rejected_table(struct pack *pk)
{
	static const struct pst_pdf_col cols[] = {
		{"File", 3, 0, PST_PDF_LEFT, 0},
		{"Where", 0, 70, PST_PDF_LEFT, 0},
		{"Why", 3, 0, PST_PDF_LEFT, 0},
	};
	const struct pst_review *r = pk->r;
	size_t i;
	int rc = pack_subtitle(pk, "Rejected records and unusable files");

	if (rc == PST_OK && !r->rejected.count[PST_DIAG_REJECTED] && !r->rejected.n && !any_failed(r))
		return pack_say(pk, "No record was rejected and every file could be used.");
	if (rc == PST_OK)
		rc = pst_pdf_table_begin(pk->pdf, cols, 3, PACK_LIST_ROWS, pk->err);
	for (i = 0; i < r->nsources && rc == PST_OK; i++) {
		if (!r->sources[i].failed)
			continue;
		strbuf_addstr(pack_cell(pk, 0), r->sources[i].path);
		strbuf_addstr(pack_cell(pk, 1), "whole file");
		strbuf_addstr(pack_cell(pk, 2), r->sources[i].error);
		rc = pack_row(pk, 3);
	}
	for (i = 0; i < r->rejected.n && rc == PST_OK; i++) {
		strbuf_addstr(pack_cell(pk, 0), r->rejected.items[i].file);
		rejected_where(pack_cell(pk, 1), &r->rejected.items[i]);
		strbuf_addstr(pack_cell(pk, 2), r->rejected.items[i].msg);
		rc = pack_row(pk, 3);
	}
	if (r->rejected.count[PST_DIAG_REJECTED] > r->rejected.n)
		pst_pdf_table_skip(pk->pdf, (size_t)(r->rejected.count[PST_DIAG_REJECTED] - r->rejected.n));
	return rc ? rc : pst_pdf_table_end(pk->pdf, pk->err);
}

int pack_quality(struct pack *pk)
{
	int rc = pst_pdf_heading(pk->pdf, 1, "Data quality", pk->err);

	if (rc == PST_OK)
		rc = what_was_read(pk);
	if (rc == PST_OK)
		rc = subscriptions_table(pk);
	if (rc == PST_OK)
		rc = pst_pdf_text(pk->pdf, PST_PDF_SMALL, PST_REVIEW_SCORE_RULE, pk->err);
	if (rc == PST_OK)
		rc = warnings_table(pk);
	if (rc == PST_OK)
		rc = rejected_table(pk);
	return rc;
}

/* ---- evidence appendix ---- */

static void source_cells(struct pack *pk, size_t i)
{
	const struct pst_review_source *s = &pk->r->sources[i];

	strbuf_addstr(pack_cell(pk, 0), s->path);
	strbuf_addstr(pack_cell(pk, 1), s->format);
	pack_num(pack_cell(pk, 2), (int64_t)s->size);
	pack_num(pack_cell(pk, 3), (int64_t)s->total);
	pack_num(pack_cell(pk, 4), (int64_t)s->rejected);
	strbuf_addstr(pack_cell(pk, 5), *s->sha256 ? s->sha256 : "n/a");
}

static int sources_table(struct pack *pk)
{
	static const struct pst_pdf_col cols[] = {
		{"File", 1, 0, PST_PDF_LEFT, 0},
		{"Format", 0, 64, PST_PDF_LEFT, 0},
		{"Bytes", 0, 62, PST_PDF_RIGHT, 0},
		{"Records", 0, 52, PST_PDF_RIGHT, 0},
		{"Rejected", 0, 46, PST_PDF_RIGHT, 0},
		{"SHA-256", 0, 124, PST_PDF_LEFT, 0},
	};

	if (!pk->r->nsources)
		return pack_say(pk, "No input file was read.");
	return pack_table(pk, cols, PST_ARRAY_LEN(cols), 0, pk->r->nsources, source_cells);
}

static int fact(struct pack *pk, const char *label, const char *value)
{
	struct pst_pdf_run runs[2] = {{PST_PDF_BOLD, label}, {PST_PDF_BODY, value}};

	return pst_pdf_runs(pk->pdf, runs, 2, pk->err);
}

static int run_facts(struct pack *pk)
{
	const struct pst_review *r = pk->r;
	struct strbuf *period = pack_cell(pk, 0), *teams = pack_cell(pk, 1), *tool = pack_cell(pk, 2);
	int rc;

	strbuf_addf(tool, "posture %s", r->version ? r->version : "");
	pack_date(period, r->t0);
	strbuf_addstr(period, " to ");
	pack_end_date(period, r->t1);
	if (r->teams_file && *r->teams_file)
		strbuf_addf(teams, "%s (SHA-256 %s)", r->teams_file,
		            r->teams_file_sha256 && *r->teams_file_sha256 ? r->teams_file_sha256 : "n/a");
	else
		strbuf_addstr(teams, "none: every resource is unassigned");
	rc = fact(pk, "Tool: ", tool->buf);
	if (rc == PST_OK)
		rc = fact(pk, "Period compared: ", period->buf);
	if (rc == PST_OK)
		rc = fact(pk, "Team rules: ", teams->buf);
	return rc;
}

int pack_evidence(struct pack *pk)
{
	int rc = pst_pdf_heading(pk->pdf, 1, "Evidence appendix", pk->err);

	if (rc == PST_OK)
		rc = pack_say(pk, "The input files this pack was made from, with their SHA-256, so that every figure can "
		              "be traced back to the exports.");
	if (rc == PST_OK)
		rc = run_facts(pk);
	if (rc == PST_OK)
		rc = sources_table(pk);
	return rc;
}
