/* pack_xlsx_evidence.c: the Alerts, Compliance, Data quality, Subscriptions and Sources sheets. */
#include "pack_xlsx_int.h"
#include "posture/sources.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define FMT_DATETIME "yyyy-mm-dd hh:mm"

static const struct pst_xlsx_column alert_cols[] = {
	{"Time", PST_XLSX_DATE, FMT_DATETIME, 17},
	{"Severity", PST_XLSX_SEVERITY, NULL, 0},
	{"Alert", PST_XLSX_TEXT, NULL, 40},
	{"Status", PST_XLSX_TEXT, NULL, 0},
	{"Tactics", PST_XLSX_TEXT, NULL, 0},
	{"Team", PST_XLSX_TEXT, NULL, 0},
	{"Resource ID", PST_XLSX_TEXT, NULL, 40},
	{"Entity", PST_XLSX_TEXT, NULL, 0},
	{"Alert ID", PST_XLSX_TEXT, NULL, 20},
};

static int alert_row(const struct xpk *p, struct pst_xlsx_table *t, const struct pst_review_alert *a,
                     struct pst_error *err)
{
	struct xpk_row w;

	xpk_row_begin(&w, t, err);
	xpk_date(&w, a->time);
	xpk_text(&w, pst_severity_name(a->severity));
	xpk_text(&w, a->name);
	xpk_text(&w, a->status);
	xpk_text(&w, a->tactics);
	xpk_text(&w, xpk_team_name(p->r, a->team));
	xpk_text(&w, a->resource_id);
	xpk_text(&w, a->entity);
	xpk_text(&w, a->system_alert_id);
	return xpk_row_end(&w);
}

int xpk_alerts(const struct xpk *p, struct pst_error *err)
{
	struct pst_xlsx_table *t;
	size_t i;
	int rc = pst_xlsx_table_begin(p->book, "Alerts", alert_cols, PST_ARRAY_LEN(alert_cols), &t, err);

	for (i = 0; i < p->r->nalerts && rc == PST_OK; i++)
		if (xpk_shows(p, p->r->alerts[i].team))
			rc = alert_row(p, t, &p->r->alerts[i], err);
	return rc ? rc : pst_xlsx_table_end(t, err);
}

static const struct pst_xlsx_column compliance_cols[] = {
	{"Standard", PST_XLSX_TEXT, NULL, 0},
	{"Control", PST_XLSX_TEXT, NULL, 40},
	{"State", PST_XLSX_TEXT, NULL, 0},
	{"State at the start", PST_XLSX_TEXT, NULL, 0},
	{"Passed", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
	{"Failed", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
	{"Skipped", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
};

/* A team's workbook: compliance is exported per subscription, not per team,
 * so its figures are the organisation's and labelled so. */
static const struct pst_xlsx_column team_compliance_cols[] = {
	{"Standard", PST_XLSX_TEXT, NULL, 0},
	{"Control", PST_XLSX_TEXT, NULL, 40},
	{"Organisation: state", PST_XLSX_TEXT, NULL, 0},
	{"Organisation: state at the start", PST_XLSX_TEXT, NULL, 0},
	{"Organisation: passed", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
	{"Organisation: failed", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
	{"Organisation: skipped", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
};

_Static_assert(sizeof(team_compliance_cols) == sizeof(compliance_cols), "the same columns, labelled");

int xpk_compliance(const struct xpk *p, struct pst_error *err)
{
	struct pst_xlsx_table *t;
	size_t i;
	bool team = p->team != PST_REVIEW_NO_TEAM;
	int rc = pst_xlsx_table_begin(p->book, "Compliance", team ? team_compliance_cols : compliance_cols,
	                              PST_ARRAY_LEN(compliance_cols), &t, err);

	for (i = 0; i < p->r->ncompliance && rc == PST_OK; i++) {
		const struct pst_review_compliance *c = &p->r->compliance[i];
		struct xpk_row w;

		xpk_row_begin(&w, t, err);
		xpk_text(&w, c->standard);
		xpk_text(&w, c->control);
		xpk_text(&w, pst_compliance_state_name(c->state));
		xpk_text(&w, c->state_t0 == PST_CS_UNKNOWN ? "" : pst_compliance_state_name(c->state_t0));
		xpk_int(&w, c->passed);
		xpk_int(&w, c->failed);
		xpk_int(&w, c->skipped);
		rc = xpk_row_end(&w);
	}
	return rc ? rc : pst_xlsx_table_end(t, err);
}

/* Warnings by kind (every one, the kinds in code order), then the score
 * checks and the rejected records listed, in one table. */
static const struct pst_xlsx_column quality_cols[] = {
	{"Kind", PST_XLSX_TEXT, NULL, 0},
	{"Of this kind", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
	{"Message", PST_XLSX_TEXT, NULL, 80},
	{"File", PST_XLSX_TEXT, NULL, 30},
	{"Line", PST_XLSX_INTEGER, NULL, 0},
	{"Record", PST_XLSX_INTEGER, NULL, 0},
	{"Code", PST_XLSX_TEXT, NULL, 0},
	{"Records rejected", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
};

struct quality_kind {
	const char *label, *code;
	uint64_t count;
};

static int quality_row(struct pst_xlsx_table *t, const struct quality_kind *k, const char *msg,
                       const struct pst_diag *rej, struct pst_error *err)
{
	struct xpk_row w;

	xpk_row_begin(&w, t, err);
	xpk_text(&w, k->label);
	xpk_count(&w, (int64_t)k->count, k->count > 0);
	xpk_text(&w, msg);
	if (rej) { /* the record blank for a report on the whole file */
		xpk_text(&w, rej->file);
		xpk_count(&w, (int64_t)rej->line, rej->line > 0);
		xpk_count(&w, (int64_t)rej->index, !pst_diag_whole_file(rej));
	} else {
		xpk_text(&w, "");
		xpk_count(&w, 0, false);
		xpk_count(&w, 0, false);
	}
	xpk_text(&w, k->code);
	xpk_count(&w, rej ? (int64_t)rej->records : 0, rej != NULL);
	return xpk_row_end(&w);
}

static int warning_row(struct pst_xlsx_table *t, const struct pst_review_warning_kind *k, const struct pst_diag *d,
                       struct pst_error *err)
{
	struct quality_kind q = {pst_diag_code_label(k->code), pst_diag_code_name(k->code), k->count};
	struct strbuf text = STRBUF_INIT;
	int rc;

	pst_diag_text(d, &text);
	rc = quality_row(t, &q, strbuf_cstr(&text), NULL, err);
	strbuf_release(&text);
	return rc;
}

static int kind_rows(struct pst_xlsx_table *t, const struct pst_review *r, const struct pst_review_warning_kind *k,
                     struct pst_error *err)
{
	size_t i;
	int rc = PST_OK;

	for (i = 0; i < r->warnings.n && rc == PST_OK; i++)
		if (r->warnings.items[i].code == k->code)
			rc = warning_row(t, k, &r->warnings.items[i], err);
	return rc;
}

/* A score exported and recomputed at the export's time that differ: every
 * one is listed here (the warnings count them by kind). */
static int score_check_row(struct pst_xlsx_table *t, const struct pst_review_score_row *x, struct pst_error *err)
{
	char when[PST_TIME_BUF], msg[512];

	snprintf(msg, sizeof(msg), "%s %s%s%s%s: exported %.2f%%, recomputed %.2f%% (%s)", x->scope,
	         x->subscription_id, *x->control ? ", control \"" : "", x->control, *x->control ? "\"" : "",
	         100 * x->exp_pct, 100 * x->rec_pct, pst_time_format(x->at, when, sizeof(when)));
	struct quality_kind q = {"Score check", "score_check", 0};

	return quality_row(t, &q, msg, NULL, err);
}

/* A file whose rejected records were not all kept (past the first
 * PST_SOURCE_MAX_DIAGS): how many are not listed above, so that the
 * column of records rejected adds up to every one, and where they are. */
static int unlisted_row(const struct pst_review *r, const struct pst_review_source *f, struct pst_error *err,
                        struct pst_xlsx_table *t)
{
	struct pst_diag d = {.code = PST_DC_BAD_RECORD, .kind = PST_DIAG_REJECTED, .file = (char *)f->path,
	                     .records = f->unlisted};
	char msg[256];

	snprintf(msg, sizeof(msg), "%llu of the %llu records rejected in this file are not listed: counted but not "
	         "kept (posture keeps the first %d of each file); posture inspect --verbose FILE lists every one",
	         (unsigned long long)f->unlisted, (unsigned long long)f->rejected, PST_SOURCE_MAX_DIAGS);
	return quality_row(t, &(struct quality_kind){"Rejected records not kept", "rejected_unlisted",
	                                             r->rejected.count[PST_DIAG_REJECTED]}, msg, &d, err);
}

int xpk_quality(const struct xpk *p, struct pst_error *err)
{
	const struct pst_review *r = p->r;
	struct quality_kind rej = {pst_diag_code_label(PST_DC_BAD_RECORD), pst_diag_code_name(PST_DC_BAD_RECORD),
	                           r->rejected.count[PST_DIAG_REJECTED]};
	struct pst_xlsx_table *t;
	size_t i;
	int rc = pst_xlsx_table_begin(p->book, "Data quality", quality_cols, PST_ARRAY_LEN(quality_cols), &t, err);

	for (i = 0; i < r->nwarning_kinds && rc == PST_OK; i++)
		rc = kind_rows(t, r, &r->warning_kinds[i], err);
	for (i = 0; i < r->score.nrows && rc == PST_OK; i++)
		if (r->score.rows[i].differs)
			rc = score_check_row(t, &r->score.rows[i], err);
	for (i = 0; i < r->rejected.n && rc == PST_OK; i++) /* every one the sources kept */
		rc = quality_row(t, &rej, r->rejected.items[i].msg, &r->rejected.items[i], err);
	for (i = 0; i < r->nsources && rc == PST_OK; i++)
		if (r->sources[i].unlisted)
			rc = unlisted_row(r, &r->sources[i], err, t);
	return rc ? rc : pst_xlsx_table_end(t, err);
}

/* Every subscription, with its problem (blank when none) flagged. */
static const struct pst_xlsx_column sub_cols[] = {
	{"Subscription", PST_XLSX_TEXT, NULL, 0},
	{"Id", PST_XLSX_TEXT, NULL, 38},
	{"In scope at the end", PST_XLSX_BOOL, NULL, 0},
	{"Missing since", PST_XLSX_DATE, NULL, 0},
	{"Score before (%)", PST_XLSX_NUMBER, PST_XLSX_FMT_SCORE, 0},
	{"Score now (%)", PST_XLSX_NUMBER, PST_XLSX_FMT_SCORE, 0},
	{"Weight", PST_XLSX_NUMBER, NULL, 0},
	{"Warnings naming it", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
	{"Score checks differing", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
	{"Problem", PST_XLSX_TEXT, NULL, 60},
	{"Has a problem", PST_XLSX_FLAG, NULL, 0},
};

static int sub_row(struct pst_xlsx_table *t, const struct pst_review_subscription *s,
                   const struct pst_review_sub_problem *pr, struct pst_error *err)
{
	struct xpk_row w;

	xpk_row_begin(&w, t, err);
	xpk_text(&w, s->name);
	xpk_text(&w, s->id);
	xpk_bool(&w, s->covered_t1);
	xpk_date(&w, s->missing_since);
	xpk_number(&w, s->previous);
	xpk_number(&w, s->covered_t1 ? s->percentage : NAN);
	xpk_number(&w, s->weight);
	xpk_int(&w, pr ? (int64_t)pr->warnings : 0);
	xpk_int(&w, pr ? (int64_t)pr->score_checks : 0);
	xpk_text(&w, pr ? pr->problems : "");
	xpk_bool(&w, pr != NULL);
	return xpk_row_end(&w);
}

int xpk_subscriptions(const struct xpk *p, struct pst_error *err)
{
	const struct pst_review *r = p->r;
	const struct pst_review_sub_problem **pr = xcalloc(r->nsubscriptions + 1, sizeof(*pr));
	struct pst_xlsx_table *t;
	size_t i;
	int rc = pst_xlsx_table_begin(p->book, "Subscriptions", sub_cols, PST_ARRAY_LEN(sub_cols), &t, err);

	for (i = 0; i < r->nsub_problems; i++)
		pr[r->sub_problems[i].sub] = &r->sub_problems[i];
	for (i = 0; i < r->nsubscriptions && rc == PST_OK; i++)
		rc = sub_row(t, &r->subscriptions[i], pr[i], err);
	free(pr);
	return rc ? rc : pst_xlsx_table_end(t, err);
}

/* Path, Format, Size, SHA-256, one count per record type, the totals. */
#define SOURCE_HEAD 4
#define SOURCE_COLS (SOURCE_HEAD + PST_REC__COUNT + 4)

static void source_columns(struct pst_xlsx_column *cols)
{
	static const struct pst_xlsx_column head[SOURCE_HEAD] = {
		{"File", PST_XLSX_TEXT, NULL, 40},
		{"Format", PST_XLSX_TEXT, NULL, 0},
		{"Size (bytes)", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
		{"SHA-256", PST_XLSX_TEXT, NULL, 66},
	};
	static const struct pst_xlsx_column tail[4] = {
		{"Records", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
		{"Rejected", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
		{"Failed", PST_XLSX_BOOL, NULL, 0},
		{"Error", PST_XLSX_TEXT, NULL, 0},
	};
	size_t i;

	for (i = 0; i < SOURCE_HEAD; i++)
		cols[i] = head[i];
	for (i = 0; i < PST_REC__COUNT; i++)
		cols[SOURCE_HEAD + i] = (struct pst_xlsx_column){pst_rec_type_name((enum pst_rec_type)i),
		                                                 PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0};
	for (i = 0; i < PST_ARRAY_LEN(tail); i++)
		cols[SOURCE_HEAD + PST_REC__COUNT + i] = tail[i];
}

static int source_row(struct pst_xlsx_table *t, const struct pst_review_source *s, struct pst_error *err)
{
	struct xpk_row w;
	size_t i;

	xpk_row_begin(&w, t, err);
	xpk_text(&w, s->path);
	xpk_text(&w, s->format);
	xpk_int(&w, (int64_t)s->size);
	xpk_text(&w, s->sha256);
	for (i = 0; i < PST_REC__COUNT; i++)
		xpk_int(&w, (int64_t)s->records[i]);
	xpk_int(&w, (int64_t)s->total);
	xpk_int(&w, (int64_t)s->rejected);
	xpk_bool(&w, s->failed);
	xpk_text(&w, s->error);
	return xpk_row_end(&w);
}

int xpk_sources(const struct xpk *p, struct pst_error *err)
{
	struct pst_xlsx_column cols[SOURCE_COLS];
	struct pst_xlsx_table *t;
	size_t i;
	int rc;

	source_columns(cols);
	rc = pst_xlsx_table_begin(p->book, "Sources", cols, SOURCE_COLS, &t, err);
	for (i = 0; i < p->r->nsources && rc == PST_OK; i++)
		rc = source_row(t, &p->r->sources[i], err);
	return rc ? rc : pst_xlsx_table_end(t, err);
}
