/* pack_pdf_evidence.c: data quality (what was read, the warnings by kind,
 * the subscriptions with a problem, what was rejected) and the evidence
 * appendix (the input as one manifest line, by format and folder, the
 * largest files; the full list is sources.sha256 and the Sources sheet). */
#include "pack_pdf_int.h"
#include "posture/sources.h"

#define REJECTED_ROWS 10

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
	strbuf_addstr(sb, pack_plural((int64_t)r->rejected.count[PST_DIAG_REJECTED], " record was rejected.",
	                              " records were rejected."));
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

#define PROBLEM_ROWS 10

static void problem_cells(struct pack *pk, size_t i)
{
	const struct pst_review_sub_problem *p = &pk->r->sub_problems[i];
	const struct pst_review_subscription *s = &pk->r->subscriptions[p->sub];

	strbuf_addstr(pack_cell(pk, 0), *s->name ? s->name : s->id);
	strbuf_addstr(pack_cell(pk, 1), s->id);
	strbuf_addstr(pack_cell(pk, 2), p->problems);
	pack_pct(pack_cell(pk, 3), s->previous);
	if (s->covered_t1)
		pack_pct(pack_cell(pk, 4), s->percentage);
	else
		strbuf_addstr(pack_cell(pk, 4), "out of scope");
}

static void scope_sentence(const struct pst_review *r, struct strbuf *sb)
{
	size_t i, in = 0;

	for (i = 0; i < r->nsubscriptions; i++)
		in += r->subscriptions[i].covered_t1;
	pack_num(sb, (int64_t)r->nsubscriptions);
	strbuf_addstr(sb, pack_plural((int64_t)r->nsubscriptions, " subscription is", " subscriptions are"));
	strbuf_addstr(sb, " in the data, ");
	pack_num(sb, (int64_t)in);
	strbuf_addstr(sb, " in scope at the end; ");
	pack_num(sb, (int64_t)r->nsub_problems);
	strbuf_addstr(sb, pack_plural((int64_t)r->nsub_problems, " has a problem", " have a problem"));
	if (r->nsub_problems > PROBLEM_ROWS)
		strbuf_addf(sb, " (the first %d below, every one in the workbook's Subscriptions sheet)", PROBLEM_ROWS);
	strbuf_addstr(sb, r->nsub_problems ? ":" : ".");
}

static int subscriptions_table(struct pack *pk)
{
	static const struct pst_pdf_col cols[] = {
		{"Subscription", 2, 0, PST_PDF_LEFT, 0},
		{"Id", 0, 170, PST_PDF_LEFT, 1},
		{"Problem", 3, 0, PST_PDF_LEFT, 0},
		{"Score before", 0, 52, PST_PDF_RIGHT, 0},
		{"Score now", 0, 62, PST_PDF_RIGHT, 0},
	};
	const struct pst_review *r = pk->r;
	int rc = pack_subtitle(pk, "Subscriptions with a problem");

	if (rc == PST_OK && !r->nsubscriptions)
		return pack_say(pk, "No subscription was found in the data.");
	strbuf_reset(&pk->line);
	scope_sentence(r, &pk->line);
	if (rc == PST_OK)
		rc = pack_say(pk, pk->line.buf);
	if (rc != PST_OK || !r->nsub_problems)
		return rc;
	return pack_table(pk, cols, PST_ARRAY_LEN(cols), PROBLEM_ROWS, r->nsub_problems, problem_cells);
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

/* One row per warning shown: the kind and its count on the first of the
 * kind, then its first examples, and how many more the workbook lists. */
static int kind_rows(struct pack *pk, const struct pst_review_warning_kind *k)
{
	size_t i;
	int rc = PST_OK;

	for (i = 0; i < k->nfirst && rc == PST_OK; i++) {
		if (i == 0) {
			strbuf_addstr(pack_cell(pk, 0), pst_diag_code_label(k->code));
			pack_num(pack_cell(pk, 1), (int64_t)k->count);
		} else {
			pack_cell(pk, 0);
			pack_cell(pk, 1);
		}
		pst_diag_text(&pk->r->warnings.items[k->first[i]], pack_cell(pk, 2));
		if (i + 1 == k->nfirst && k->count > k->nfirst) {
			strbuf_addstr(&pk->cell[2], " (and ");
			pack_num(&pk->cell[2], (int64_t)(k->count - k->nfirst));
			strbuf_addstr(&pk->cell[2], " more in the workbook's Data quality sheet)");
		}
		rc = pack_row(pk, 3);
	}
	return rc;
}

static int warnings_table(struct pack *pk)
{
	static const struct pst_pdf_col cols[] = {
		{"Kind", 0, 110, PST_PDF_LEFT, 0},
		{"Count", 0, 40, PST_PDF_RIGHT, 0},
		{"First examples", 1, 0, PST_PDF_LEFT, 0},
	};
	const struct pst_review *r = pk->r;
	size_t i;
	int rc = pack_subtitle(pk, "Warnings by kind");

	if (rc == PST_OK && !r->nwarning_kinds)
		return pack_say(pk, "No warning: the data at both ends of the period is complete enough to compare.");
	if (rc == PST_OK)
		rc = pst_pdf_table_begin(pk->pdf, cols, PST_ARRAY_LEN(cols), 0, pk->err);
	for (i = 0; i < r->nwarning_kinds && rc == PST_OK; i++)
		rc = kind_rows(pk, &r->warning_kinds[i]);
	return rc ? rc : pst_pdf_table_end(pk->pdf, pk->err);
}

static void rejected_where(struct strbuf *sb, const struct pst_diag *x)
{
	if (x->line)
		strbuf_addf(sb, "line %llu", (unsigned long long)x->line);
	else if (pst_diag_whole_file(x))
		strbuf_addstr(sb, "whole file");
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

#define UNLISTED_FILES 5

/* The rejected records counted but not kept (past the first
 * PST_SOURCE_MAX_DIAGS of a file), so that no list is taken for all of
 * them: how many, in which files, and where every one is listed. */
static int unlisted_sentence(struct pack *pk)
{
	const struct pst_review *r = pk->r;
	struct strbuf sb = STRBUF_INIT;
	uint64_t unlisted = 0, all = r->rejected.count[PST_DIAG_REJECTED];
	size_t i, files = 0, named = 0;
	int rc;

	for (i = 0; i < r->nsources; i++)
		if (r->sources[i].unlisted) {
			unlisted += r->sources[i].unlisted;
			files++;
		}
	if (!unlisted)
		return PST_OK;
	strbuf_addstr(&sb, "Of the ");
	pack_num(&sb, (int64_t)all);
	strbuf_addstr(&sb, " rejected records, ");
	pack_num(&sb, (int64_t)(all - unlisted));
	strbuf_addstr(&sb, pack_plural((int64_t)(all - unlisted), " is", " are"));
	strbuf_addstr(&sb, " listed in the workbook's Data quality sheet; the other ");
	pack_num(&sb, (int64_t)unlisted);
	strbuf_addf(&sb, " were counted but not kept (posture keeps the first %d of each file): ", PST_SOURCE_MAX_DIAGS);
	for (i = 0; i < r->nsources; i++) {
		const struct pst_review_source *f = &r->sources[i];

		if (!f->unlisted)
			continue;
		if (named == UNLISTED_FILES) {
			strbuf_addf(&sb, " and %zu more files (the workbook names each)", files - named);
			break;
		}
		if (named)
			strbuf_addstr(&sb, ", ");
		strbuf_addf(&sb, "%s (", f->path);
		pack_num(&sb, (int64_t)f->unlisted);
		strbuf_addstr(&sb, " of ");
		pack_num(&sb, (int64_t)f->rejected);
		strbuf_addstr(&sb, ")");
		named++;
	}
	strbuf_addstr(&sb, ". posture inspect --verbose FILE lists every rejected record of a file.");
	rc = pack_say(pk, strbuf_cstr(&sb));
	strbuf_release(&sb);
	return rc;
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
		rc = pst_pdf_table_begin(pk->pdf, cols, 3, REJECTED_ROWS, pk->err);
	for (i = 0; i < r->nsources && rc == PST_OK; i++) {
		if (!r->sources[i].failed)
			continue;
		strbuf_addstr(pack_cell(pk, 0), r->sources[i].path);
		strbuf_addstr(pack_cell(pk, 1), "whole file");
		strbuf_addstr(pack_cell(pk, 2), r->sources[i].error);
		rc = pack_row(pk, 3);
	}
	/* every one the review holds: those past the table's rows are in the
	 * workbook's Data quality sheet, which lists them all */
	for (i = 0; i < r->rejected.n && rc == PST_OK; i++) {
		strbuf_addstr(pack_cell(pk, 0), r->rejected.items[i].file);
		rejected_where(pack_cell(pk, 1), &r->rejected.items[i]);
		strbuf_addstr(pack_cell(pk, 2), r->rejected.items[i].msg);
		rc = pack_row(pk, 3);
	}
	if (rc == PST_OK)
		rc = pst_pdf_table_end(pk->pdf, pk->err);
	return rc ? rc : unlisted_sentence(pk);
}

int pack_quality(struct pack *pk)
{
	int rc = pst_pdf_heading(pk->pdf, 1, "Data quality", pk->err);

	if (rc == PST_OK)
		rc = what_was_read(pk);
	if (rc == PST_OK)
		rc = warnings_table(pk);
	if (rc == PST_OK)
		rc = subscriptions_table(pk);
	if (rc == PST_OK)
		rc = pst_pdf_text(pk->pdf, PST_PDF_SMALL, PST_REVIEW_SCORE_RULE, pk->err);
	if (rc == PST_OK)
		rc = rejected_table(pk);
	return rc;
}

/* ---- evidence appendix ---- */

static void bytes_text(struct strbuf *sb, uint64_t n)
{
	pack_num(sb, (int64_t)n);
	strbuf_addstr(sb, n == 1 ? " byte" : " bytes");
	if (n >= 1000000)
		strbuf_addf(sb, " (%.1f MB)", (double)n / 1e6);
}

static void source_cells(struct pack *pk, size_t i)
{
	const struct pst_review_source *s = &pk->r->sources[pk->r->manifest.largest[i]];

	strbuf_addstr(pack_cell(pk, 0), s->path);
	strbuf_addstr(pack_cell(pk, 1), s->format);
	pack_num(pack_cell(pk, 2), (int64_t)s->size);
	pack_num(pack_cell(pk, 3), (int64_t)s->total);
	strbuf_addstr(pack_cell(pk, 4), *s->sha256 ? s->sha256 : "n/a");
}

static int largest_table(struct pack *pk)
{
	static const struct pst_pdf_col cols[] = {
		{"File", 1, 0, PST_PDF_LEFT, 0},
		{"Format", 0, 64, PST_PDF_LEFT, 0},
		{"Bytes", 0, 62, PST_PDF_RIGHT, 0},
		{"Records", 0, 52, PST_PDF_RIGHT, 0},
		{"SHA-256", 0, 168, PST_PDF_LEFT, 0},
	};
	const struct pst_review_manifest *m = &pk->r->manifest;
	int rc;

	strbuf_reset(&pk->line);
	if (m->nlargest == pk->r->nsources)
		strbuf_addstr(&pk->line, "Every file, largest first");
	else
		strbuf_addf(&pk->line, "The %zu largest files", m->nlargest);
	rc = pack_subtitle(pk, pk->line.buf);
	return rc ? rc : pack_table(pk, cols, PST_ARRAY_LEN(cols), 0, m->nlargest, source_cells);
}

static void group_cells(struct pack *pk, const struct pst_review_source_group *g)
{
	strbuf_addstr(pack_cell(pk, 0), g->label);
	pack_num(pack_cell(pk, 1), (int64_t)g->files);
	pack_num(pack_cell(pk, 2), (int64_t)g->bytes);
	pack_num(pack_cell(pk, 3), (int64_t)g->records);
}

static int group_table(struct pack *pk, const char *title, const char *what,
                       const struct pst_review_source_group *g, size_t n)
{
	const struct pst_pdf_col cols[] = {
		{what, 1, 0, PST_PDF_LEFT, 0},
		{"Files", 0, 56, PST_PDF_RIGHT, 0},
		{"Bytes", 0, 90, PST_PDF_RIGHT, 0},
		{"Records", 0, 80, PST_PDF_RIGHT, 0},
	};
	size_t i;
	int rc = pack_subtitle(pk, title);

	if (rc == PST_OK)
		rc = pst_pdf_table_begin(pk->pdf, cols, PST_ARRAY_LEN(cols), PST_REVIEW_FOLDERS, pk->err);
	for (i = 0; i < n && rc == PST_OK; i++) {
		group_cells(pk, &g[i]);
		rc = pack_row(pk, 4);
	}
	return rc ? rc : pst_pdf_table_end(pk->pdf, pk->err);
}

static int fact(struct pack *pk, const char *label, const char *value)
{
	struct pst_pdf_run runs[2] = {{PST_PDF_BOLD, label}, {PST_PDF_BODY, value}};

	return pst_pdf_runs(pk->pdf, runs, 2, pk->err);
}

/* The one line of evidence: files, bytes, the manifest's hash. */
static int manifest_line(struct pack *pk)
{
	const struct pst_review_manifest *m = &pk->r->manifest;
	struct strbuf *v = pack_cell(pk, 0);

	pack_num(v, (int64_t)m->files);
	strbuf_addstr(v, pack_plural((int64_t)m->files, " file, ", " files, "));
	bytes_text(v, m->bytes);
	strbuf_addf(v, "; SHA-256 of the list %s", m->sha256);
	return fact(pk, "Input: ", v->buf);
}

static void check_sentence(const struct pack *pk, struct strbuf *sb)
{
	const struct pst_review_manifest *m = &pk->r->manifest;

	strbuf_addstr(sb, "The list is " PST_MANIFEST_NAME ": one line per file as sha256sum writes it (hash, two "
	                  "spaces, path as given), in byte order. `sha256sum " PST_MANIFEST_NAME "` gives the hash "
	                  "above; `sha256sum -c " PST_MANIFEST_NAME "`, run in the folder posture ran in, checks every "
	                  "file. ");
	strbuf_addstr(sb, pk->team == PST_REVIEW_NO_TEAM
	                      ? "It is beside this pack; the workbook's Sources sheet lists every file with its records."
	                      : "It is beside the organisation's pack (the top of the output folder), whose appendix "
	                        "also counts the files by folder and lists the largest; the workbook's Sources sheet "
	                        "lists every file with its records.");
	if (m->hashed < m->files) {
		strbuf_addstr(sb, " ");
		pack_num(sb, (int64_t)(m->files - m->hashed));
		strbuf_addstr(sb, pack_plural((int64_t)(m->files - m->hashed), " file could not be hashed and is not",
		                              " files could not be hashed and are not"));
		strbuf_addstr(sb, " in the list.");
	}
}

static int inventory(struct pack *pk)
{
	const struct pst_review_manifest *m = &pk->r->manifest;
	int rc = manifest_line(pk);

	strbuf_reset(&pk->line);
	check_sentence(pk, &pk->line);
	if (rc == PST_OK)
		rc = pst_pdf_text(pk->pdf, PST_PDF_SMALL, pk->line.buf, pk->err);
	if (rc == PST_OK)
		rc = group_table(pk, "By format", "Format", m->formats, m->nformats);
	if (rc != PST_OK || pk->team != PST_REVIEW_NO_TEAM) /* a team pack: the rest is the organisation's */
		return rc;
	strbuf_reset(&pk->line);
	strbuf_addstr(&pk->line, "By folder");
	if (*m->root)
		strbuf_addf(&pk->line, " (under %s)", m->root);
	if (rc == PST_OK)
		rc = group_table(pk, pk->line.buf, "Folder", m->folders, m->nfolders);
	if (rc == PST_OK)
		rc = largest_table(pk);
	return rc;
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
	if (rc == PST_OK && !pk->r->nsources)
		return pack_say(pk, "No input file was read.");
	if (rc == PST_OK)
		rc = inventory(pk);
	return rc;
}
