/* text_diff.c: `posture diff` as text, CSV or JSON, from the review model
 * (text.h).  The CSV columns are the first PST_FCOL_CSV of the finding
 * table (review.h), the same as the workbook's Changes sheet. */
#include <string.h>
#include "posture/csvw.h"
#include "posture/jsonw.h"
#include "posture/text.h"
#include "posture/utf8.h"

#define TEXT_WIDTH 118 /* the by-team lines wrap before this column */

static int64_t team_total(const struct pst_review_team *t)
{
	int64_t n = 0;
	size_t k;

	for (k = 0; k < PST_CLASS__COUNT; k++)
		n += t->by_class[k];
	return n;
}

static int64_t overdue_total(const struct pst_review *r)
{
	int64_t n = 0;
	size_t s;

	for (s = 0; s <= PST_SEV_CRITICAL; s++)
		n += r->overdue_by_severity[s];
	return n;
}

/* ---- text ---- */

static void text_summary(FILE *out, const struct pst_review *r)
{
	size_t k;

	fputs("\nSummary by class:\n", out);
	for (k = 0; k < PST_CLASS__COUNT; k++)
		fprintf(out, "  %-24s %7lld  %s\n", pst_class_name((enum pst_class)k), (long long)r->by_class[k],
		        pst_class_meaning((enum pst_class)k));
	fprintf(out, "\nReconciliation: unhealthy at T0 %lld - closed %lld + opened %lld = unhealthy at T1 %lld\n",
	        (long long)r->unhealthy_t0, (long long)r->closed, (long long)r->opened, (long long)r->unhealthy_t1);
	fprintf(out, "Overdue (open past due): %lld\n", (long long)overdue_total(r));
}

/* "  TEAM (total): class n, class n, ..." with the classes that are not
 * zero, wrapped before TEXT_WIDTH. */
static void text_team_line(FILE *out, const struct pst_review_team *t)
{
	struct strbuf line = STRBUF_INIT;
	const char *sep = ": ";
	size_t k;

	strbuf_addf(&line, "  %s (%lld)", t->name, (long long)team_total(t));
	for (k = 0; k < PST_CLASS__COUNT; k++) {
		char cell[64];

		if (!t->by_class[k])
			continue;
		snprintf(cell, sizeof(cell), "%s %lld", pst_class_name((enum pst_class)k), (long long)t->by_class[k]);
		if (*sep && line.len + strlen(sep) + strlen(cell) > TEXT_WIDTH) {
			strbuf_addf(&line, "%c\n", sep[0]);
			pst_utf8_fputs(strbuf_cstr(&line), out);
			strbuf_reset(&line);
			strbuf_addstr(&line, "      ");
			sep = "";
		}
		strbuf_addf(&line, "%s%s", sep, cell);
		sep = ", ";
	}
	strbuf_addch(&line, '\n');
	pst_utf8_fputs(strbuf_cstr(&line), out);
	strbuf_release(&line);
}

static void text_by_team(FILE *out, const struct pst_review *r)
{
	size_t t;

	fputs("\nBy team (findings per class):\n", out);
	for (t = 0; t < r->nteams; t++)
		if (team_total(&r->teams[t]))
			text_team_line(out, &r->teams[t]);
}

static void text_status(struct strbuf *sb, enum pst_status_code st, const char *cause, bool exported)
{
	strbuf_addstr(sb, st != PST_ST_UNKNOWN ? pst_status_name(st) : exported ? "absent" : "not exported");
	if (*cause)
		strbuf_addf(sb, " (%s)", cause);
}

static void text_item(FILE *out, const struct pst_review *r, const struct pst_review_finding *f)
{
	struct strbuf sb = STRBUF_INIT;
	char due[PST_TIME_BUF];

	strbuf_addf(&sb, "  %-8s %s [%s]\n           %s\n           ", pst_severity_name(f->severity),
	            f->recommendation, f->assessment_key, f->resource_id);
	text_status(&sb, f->status_from, f->cause_from, true);
	strbuf_addstr(&sb, " -> ");
	text_status(&sb, f->status_to, f->cause_to, f->cls != PST_CLASS_OUT_OF_SCOPE);
	if (f->age_days >= 0)
		strbuf_addf(&sb, ", age %lld %s", (long long)f->age_days, f->age_days == 1 ? "day" : "days");
	if (f->due_date != PST_TIME_NONE)
		strbuf_addf(&sb, ", due %s%s", pst_date_format(f->due_date, due, sizeof(due)),
		            f->overdue ? ", OVERDUE" : "");
	strbuf_addf(&sb, ", team %s", pst_review_team_name(r, f->team));
	if (*f->renamed_from)
		strbuf_addf(&sb, ", renamed from %s", f->renamed_from);
	if (*f->risk_factors || f->risk != PST_RISK_UNKNOWN)
		strbuf_addf(&sb, ", risk %s%s%s", f->risk ? pst_risk_name(f->risk) : "unknown", *f->risk_factors ? ": " : "",
		            f->risk_factors);
	strbuf_addch(&sb, '\n');
	pst_utf8_fputs(strbuf_cstr(&sb), out);
	strbuf_release(&sb);
}

static void text_report(FILE *out, const struct pst_review *r)
{
	size_t i;

	pst_text_changes_head(out, "diff", r);
	text_summary(out, r);
	text_by_team(out, r);
	for (i = 0; i < r->nfindings; i++) {
		enum pst_class c = r->findings[i].cls;

		if (i == 0 || c != r->findings[i - 1].cls)
			fprintf(out, "\n%s (%lld)\n", pst_class_name(c), (long long)r->by_class[c]);
		text_item(out, r, &r->findings[i]);
	}
}

/* ---- csv ---- */

static void csv_cell(struct pst_csvw *w, const struct pst_review *r, const struct pst_review_finding *f,
                     enum pst_fcol c)
{
	struct pst_fcell v;

	pst_fcol_value(r, f, c, &v);
	switch (pst_fcol_info(c)->type) {
	case PST_FT_COUNT:
		if (v.blank)
			pst_csvw_field(w, NULL);
		else
			pst_csvw_int(w, v.count);
		break;
	case PST_FT_TIME: pst_csvw_time(w, v.time); break;
	case PST_FT_BOOL: pst_csvw_bool(w, v.flag); break;
	default: pst_csvw_field(w, v.text);
	}
}

static void csv_report(FILE *out, const struct pst_review *r)
{
	struct pst_csvw w;
	size_t i, c;

	pst_csvw_init(&w, out);
	for (c = 0; c < PST_FCOL_CSV; c++)
		pst_csvw_field(&w, pst_fcol_info((enum pst_fcol)c)->key);
	pst_csvw_end(&w);
	for (i = 0; i < r->nfindings; i++) {
		for (c = 0; c < PST_FCOL_CSV; c++)
			csv_cell(&w, r, &r->findings[i], (enum pst_fcol)c);
		pst_csvw_end(&w);
	}
}

/* ---- json ---- */

/* The keys of a JSON finding, in their order. */
static const enum pst_fcol json_cols[] = {
	PST_FCOL_CLASS,       PST_FCOL_RESOURCE_ID,    PST_FCOL_ASSESSMENT_KEY, PST_FCOL_RECOMMENDATION,
	PST_FCOL_SEVERITY,    PST_FCOL_SUBSCRIPTION_ID, PST_FCOL_STATUS_FROM,   PST_FCOL_STATUS_TO,
	PST_FCOL_CAUSE_TO,    PST_FCOL_AGE_DAYS,       PST_FCOL_OVERDUE,        PST_FCOL_CAUSE_FROM,
	PST_FCOL_RESOURCE_GROUP, PST_FCOL_FIRST_SEEN,  PST_FCOL_DUE_DATE,       PST_FCOL_OWNER,
	PST_FCOL_PORTAL_LINK, PST_FCOL_TEAM,         PST_FCOL_RISK_LEVEL,     PST_FCOL_RISK_FACTORS,
	PST_FCOL_RENAMED_FROM, PST_FCOL_CLOUD,         PST_FCOL_GRACE,          PST_FCOL_ETA,
	PST_FCOL_TICKET_NUMBER, PST_FCOL_TICKET_STATUS, PST_FCOL_TICKET_LINK, PST_FCOL_ON_ATTACK_PATH,
};

static void json_cell(struct pst_jsonw *w, const struct pst_review *r, const struct pst_review_finding *f,
                      enum pst_fcol c)
{
	const char *key = pst_fcol_info(c)->key;
	struct pst_fcell v;

	if (!pst_fcol_shown(r, c))
		return;
	pst_fcol_value(r, f, c, &v);
	switch (pst_fcol_info(c)->type) {
	case PST_FT_COUNT:
		pst_jsonw_key(w, key);
		if (v.blank)
			pst_jsonw_null(w);
		else
			pst_jsonw_int(w, v.count);
		break;
	case PST_FT_TIME: pst_jsonw_kv_time(w, key, v.time); break;
	case PST_FT_BOOL: pst_jsonw_kv_bool(w, key, v.flag); break;
	default: pst_text_json_opt(w, key, v.text);
	}
}

static void json_item(struct pst_jsonw *w, const struct pst_review *r, const struct pst_review_finding *f)
{
	size_t c;

	pst_jsonw_object_begin(w);
	for (c = 0; c < PST_ARRAY_LEN(json_cols); c++)
		json_cell(w, r, f, json_cols[c]);
	pst_jsonw_object_end(w);
}

/* {"remediated": N, ...}: every class */
static void json_class_counts(struct pst_jsonw *w, const int64_t *counts)
{
	size_t k;

	pst_jsonw_object_begin(w);
	for (k = 0; k < PST_CLASS__COUNT; k++)
		pst_jsonw_kv_int(w, pst_class_name((enum pst_class)k), counts[k]);
	pst_jsonw_object_end(w);
}

/* "counts", then "teams" (the teams with findings), then "reconciliation". */
static void json_counts(struct pst_jsonw *w, const struct pst_review *r)
{
	size_t t;

	pst_jsonw_key(w, "counts");
	json_class_counts(w, r->by_class);
	pst_jsonw_key(w, "teams");
	pst_jsonw_object_begin(w);
	for (t = 0; t < r->nteams; t++) {
		if (!team_total(&r->teams[t]))
			continue;
		pst_jsonw_key(w, r->teams[t].name);
		json_class_counts(w, r->teams[t].by_class);
	}
	pst_jsonw_object_end(w);
	pst_jsonw_key(w, "reconciliation");
	pst_jsonw_object_begin(w);
	pst_jsonw_kv_int(w, "unhealthy_from", r->unhealthy_t0);
	pst_jsonw_kv_int(w, "closed", r->closed);
	pst_jsonw_kv_int(w, "opened", r->opened);
	pst_jsonw_kv_int(w, "unhealthy_to", r->unhealthy_t1);
	pst_jsonw_kv_int(w, "overdue", overdue_total(r));
	pst_jsonw_object_end(w);
}

static void json_report(FILE *out, const struct pst_review *r)
{
	struct pst_jsonw w;
	size_t i;

	pst_jsonw_init(&w, out);
	pst_jsonw_object_begin(&w);
	pst_text_json_head(&w, r);
	json_counts(&w, r);
	pst_jsonw_key(&w, "findings");
	pst_jsonw_array_begin(&w);
	for (i = 0; i < r->nfindings; i++)
		json_item(&w, r, &r->findings[i]);
	pst_jsonw_array_end(&w);
	pst_jsonw_object_end(&w);
	pst_jsonw_finish(&w);
}

void pst_text_diff(FILE *out, const struct pst_review *r, enum pst_outfmt fmt)
{
	if (fmt == PST_OUT_JSON)
		json_report(out, r);
	else if (fmt == PST_OUT_CSV)
		csv_report(out, r);
	else
		text_report(out, r);
}
