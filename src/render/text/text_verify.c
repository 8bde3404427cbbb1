/* text_verify.c: `posture verify` as text, CSV or JSON, from the review
 * model (text.h): each claim with its verdict, its team and the finding it
 * was judged by. */
#include "posture/csvw.h"
#include "posture/jsonw.h"
#include "posture/text.h"
#include "posture/utf8.h"

static const struct pst_review_finding *finding_of(const struct pst_review *r, const struct pst_review_claim *c)
{
	return c->finding < r->nfindings ? &r->findings[c->finding] : NULL;
}

/* The team of the claim's finding (NULL when there is none). */
static const char *finding_team(const struct pst_review *r, const struct pst_review_claim *c)
{
	const struct pst_review_finding *f = finding_of(r, c);

	return f ? pst_review_team_name(r, f->team) : NULL;
}

static const char *status_of(const struct pst_review_finding *f, bool after)
{
	enum pst_status_code st = f ? (after ? f->status_to : f->status_from) : PST_ST_UNKNOWN;

	return st ? pst_status_name(st) : NULL;
}

/* ---- text ---- */

/* The claim's team and the finding's, flagged when they differ. */
static void text_teams(struct strbuf *sb, const struct pst_review_claim *c, const char *team)
{
	bool claimed = c->team && *c->team;

	if (claimed)
		strbuf_addf(sb, ", team %s", c->team);
	if (team && (!claimed || pst_strcasecmp(c->team, team) != 0))
		strbuf_addf(sb, ", finding team %s%s", team, claimed ? " (differs)" : "");
}

static void text_item(FILE *out, const struct pst_review *r, const struct pst_review_claim *c)
{
	const struct pst_review_finding *f = finding_of(r, c);
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "  %-13s %s  %s\n", c->verdict, c->resource_id, c->recommendation);
	strbuf_addf(&sb, "                line %llu", (unsigned long long)c->line);
	text_teams(&sb, c, finding_team(r, c));
	if (c->ticket && *c->ticket)
		strbuf_addf(&sb, ", ticket %s", c->ticket);
	if (f)
		strbuf_addf(&sb, ", %s", f->class_name);
	strbuf_addf(&sb, ": %s\n", c->detail);
	pst_utf8_fputs(strbuf_cstr(&sb), out);
	strbuf_release(&sb);
}

static void text_report(FILE *out, const struct pst_review *r)
{
	size_t i;

	pst_text_changes_head(out, "verify", r);
	fprintf(out, "\nClaims: %zu", r->nclaims);
	for (i = 0; i < r->nverdicts; i++)
		fprintf(out, ", %s %lld", r->verdicts[i].label, (long long)r->verdicts[i].count);
	fputs("\n\n", out);
	for (i = 0; i < r->nclaims; i++)
		text_item(out, r, &r->claims[i]);
}

/* ---- csv ---- */

static void csv_report(FILE *out, const struct pst_review *r)
{
	static const char *const header[] = {"line",           "resource_id", "recommendation", "team",
	                                     "finding_team",   "ticket",      "verdict",        "class",
	                                     "assessment_key", "status_from", "status_to",      "cause_to",
	                                     "detail",         NULL};
	struct pst_csvw w;
	size_t i;

	pst_csvw_init(&w, out);
	pst_csvw_header(&w, header);
	for (i = 0; i < r->nclaims; i++) {
		const struct pst_review_claim *c = &r->claims[i];
		const struct pst_review_finding *f = finding_of(r, c);

		pst_csvw_int(&w, (int64_t)c->line);
		pst_csvw_field(&w, c->resource_id);
		pst_csvw_field(&w, c->recommendation);
		pst_csvw_field(&w, c->team);
		pst_csvw_field(&w, finding_team(r, c));
		pst_csvw_field(&w, c->ticket);
		pst_csvw_field(&w, c->verdict);
		pst_csvw_field(&w, f ? f->class_name : NULL);
		pst_csvw_field(&w, f ? f->assessment_key : NULL);
		pst_csvw_field(&w, status_of(f, false));
		pst_csvw_field(&w, status_of(f, true));
		pst_csvw_field(&w, f ? f->cause_to : NULL);
		pst_csvw_field(&w, c->detail);
		pst_csvw_end(&w);
	}
}

/* ---- json ---- */

static void json_item(struct pst_jsonw *w, const struct pst_review *r, const struct pst_review_claim *c)
{
	const struct pst_review_finding *f = finding_of(r, c);

	pst_jsonw_object_begin(w);
	pst_jsonw_kv_int(w, "line", (int64_t)c->line);
	pst_jsonw_kv_string(w, "resource_id", c->resource_id);
	pst_jsonw_kv_string(w, "recommendation", c->recommendation);
	pst_jsonw_kv_string(w, "team", c->team);
	pst_jsonw_kv_string(w, "finding_team", finding_team(r, c));
	pst_jsonw_kv_string(w, "ticket", c->ticket);
	pst_jsonw_kv_string(w, "verdict", c->verdict);
	pst_jsonw_kv_string(w, "class", f ? f->class_name : NULL);
	pst_text_json_opt(w, "assessment_key", f ? f->assessment_key : NULL);
	pst_jsonw_kv_string(w, "status_from", status_of(f, false));
	pst_jsonw_kv_string(w, "status_to", status_of(f, true));
	pst_text_json_opt(w, "cause_to", f ? f->cause_to : NULL);
	pst_jsonw_kv_string(w, "detail", c->detail);
	pst_jsonw_object_end(w);
}

static void json_report(FILE *out, const struct pst_review *r)
{
	struct pst_jsonw w;
	size_t i;

	pst_jsonw_init(&w, out);
	pst_jsonw_object_begin(&w);
	pst_text_json_head(&w, r);
	pst_jsonw_key(&w, "counts");
	pst_jsonw_object_begin(&w);
	for (i = 0; i < r->nverdicts; i++)
		pst_jsonw_kv_int(&w, r->verdicts[i].label, r->verdicts[i].count);
	pst_jsonw_object_end(&w);
	pst_jsonw_key(&w, "claims");
	pst_jsonw_array_begin(&w);
	for (i = 0; i < r->nclaims; i++)
		json_item(&w, r, &r->claims[i]);
	pst_jsonw_array_end(&w);
	pst_jsonw_object_end(&w);
	pst_jsonw_finish(&w);
}

void pst_text_verify(FILE *out, const struct pst_review *r, enum pst_outfmt fmt)
{
	if (fmt == PST_OUT_JSON)
		json_report(out, r);
	else if (fmt == PST_OUT_CSV)
		csv_report(out, r);
	else
		text_report(out, r);
}
