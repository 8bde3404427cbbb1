/* cmd_verify.c: `posture verify --claims FILE`: each claimed fix is
 * verified, still failing, not a fix (and why) or unknown. */
#include "posture/cli.h"
#include "posture/csvw.h"
#include "posture/diff_teams.h"
#include "posture/jsonw.h"
#include "posture/outfile.h"
#include "posture/pipeline.h"
#include "posture/text.h"
#include "posture/verify.h"

static const char *class_of(const struct pst_verify_item *vi)
{
	return vi->finding ? pst_class_name(vi->finding->cls) : NULL;
}

/* The team of the claim's finding (NULL when there is none). */
static const char *finding_team(const struct pst_diff_teams *dt, const struct pst_verify_item *vi)
{
	return vi->finding ? pst_diff_team_of(dt, vi->finding) : NULL;
}

/* The claim's team and the finding's, flagged when they differ. */
static void text_teams(FILE *out, const struct pst_claim *c, const char *team)
{
	bool claimed = c->team && *c->team;

	if (claimed)
		fprintf(out, ", team %s", c->team);
	if (team && (!claimed || pst_strcasecmp(c->team, team) != 0))
		fprintf(out, ", finding team %s%s", team, claimed ? " (differs)" : "");
}

static void text_item(FILE *out, const struct pst_verify_item *vi, const struct pst_diff_teams *dt)
{
	const struct pst_claim *c = vi->claim;

	fprintf(out, "  %-13s %s  %s\n", pst_verdict_name(vi->verdict), c->resource_id, c->recommendation);
	fprintf(out, "                line %zu", c->line);
	text_teams(out, c, finding_team(dt, vi));
	if (c->ticket && *c->ticket)
		fprintf(out, ", ticket %s", c->ticket);
	if (vi->finding)
		fprintf(out, ", %s", pst_class_name(vi->finding->cls));
	fprintf(out, ": %s\n", vi->detail);
}

static void text_report(FILE *out, const struct pst_diff *d, const struct pst_diff_teams *dt,
                        const struct pst_verify *v)
{
	size_t i;

	pst_diff_text_head(out, "verify", d);
	fprintf(out, "\nClaims: %zu", v->n);
	for (i = 0; i < PST_VERDICT__COUNT; i++)
		fprintf(out, ", %s %zu", pst_verdict_name((enum pst_verdict)i), v->counts[i]);
	fputs("\n\n", out);
	for (i = 0; i < v->n; i++)
		text_item(out, &v->items[i], dt);
}

static void csv_report(FILE *out, const struct pst_diff_teams *dt, const struct pst_verify *v)
{
	static const char *const header[] = {"line",        "resource_id", "recommendation", "team",
	                                     "finding_team", "ticket",     "verdict",        "class",
	                                     "assessment_key", "status_from", "status_to",   "cause_to",
	                                     "detail",      NULL};
	struct pst_csvw w;
	size_t i;

	pst_csvw_init(&w, out);
	pst_csvw_header(&w, header);
	for (i = 0; i < v->n; i++) {
		const struct pst_verify_item *vi = &v->items[i];
		const struct pst_diff_item *f = vi->finding;

		pst_csvw_int(&w, (int64_t)vi->claim->line);
		pst_csvw_field(&w, vi->claim->resource_id);
		pst_csvw_field(&w, vi->claim->recommendation);
		pst_csvw_field(&w, vi->claim->team);
		pst_csvw_field(&w, finding_team(dt, vi));
		pst_csvw_field(&w, vi->claim->ticket);
		pst_csvw_field(&w, pst_verdict_name(vi->verdict));
		pst_csvw_field(&w, class_of(vi));
		pst_csvw_field(&w, f ? f->assessment_key : NULL);
		pst_csvw_field(&w, f && f->status_from ? pst_status_name(f->status_from) : NULL);
		pst_csvw_field(&w, f && f->status_to ? pst_status_name(f->status_to) : NULL);
		pst_csvw_field(&w, f ? f->cause_to : NULL);
		pst_csvw_field(&w, vi->detail);
		pst_csvw_end(&w);
	}
}

static void json_item(struct pst_jsonw *w, const struct pst_diff_teams *dt, const struct pst_verify_item *vi)
{
	const struct pst_diff_item *f = vi->finding;

	pst_jsonw_object_begin(w);
	pst_jsonw_kv_int(w, "line", (int64_t)vi->claim->line);
	pst_jsonw_kv_string(w, "resource_id", vi->claim->resource_id);
	pst_jsonw_kv_string(w, "recommendation", vi->claim->recommendation);
	pst_jsonw_kv_string(w, "team", vi->claim->team);
	pst_jsonw_kv_string(w, "finding_team", finding_team(dt, vi));
	pst_jsonw_kv_string(w, "ticket", vi->claim->ticket);
	pst_jsonw_kv_string(w, "verdict", pst_verdict_name(vi->verdict));
	pst_jsonw_kv_string(w, "class", class_of(vi));
	pst_jsonw_kv_string(w, "assessment_key", f ? f->assessment_key : NULL);
	pst_jsonw_kv_string(w, "status_from", f && f->status_from ? pst_status_name(f->status_from) : NULL);
	pst_jsonw_kv_string(w, "status_to", f && f->status_to ? pst_status_name(f->status_to) : NULL);
	pst_jsonw_kv_string(w, "cause_to", f ? f->cause_to : NULL);
	pst_jsonw_kv_string(w, "detail", vi->detail);
	pst_jsonw_object_end(w);
}

static void json_report(FILE *out, const struct pst_diff *d, const struct pst_diff_teams *dt,
                        const struct pst_verify *v)
{
	struct pst_jsonw w;
	size_t i;

	pst_jsonw_init(&w, out);
	pst_jsonw_object_begin(&w);
	pst_diff_json_head(&w, d);
	pst_jsonw_key(&w, "counts");
	pst_jsonw_object_begin(&w);
	for (i = 0; i < PST_VERDICT__COUNT; i++)
		pst_jsonw_kv_int(&w, pst_verdict_name((enum pst_verdict)i), (int64_t)v->counts[i]);
	pst_jsonw_object_end(&w);
	pst_jsonw_key(&w, "claims");
	pst_jsonw_array_begin(&w);
	for (i = 0; i < v->n; i++)
		json_item(&w, dt, &v->items[i]);
	pst_jsonw_array_end(&w);
	pst_jsonw_object_end(&w);
	pst_jsonw_finish(&w);
}

static void write_report(const struct pst_cli *cli, FILE *out, const struct pst_diff *d,
                         const struct pst_diff_teams *dt, const struct pst_verify *v)
{
	if (cli->format == PST_OUT_JSON) {
		json_report(out, d, dt, v);
	} else if (cli->format == PST_OUT_CSV) {
		csv_report(out, dt, v);
		if (!cli->quiet)
			pst_text_warnings(stderr, &d->warnings);
	} else {
		text_report(out, d, dt, v);
	}
}

int pst_cmd_verify(const struct pst_cli *cli, FILE *out, struct pst_error *err)
{
	struct pst_pipeline_request rq = {cli->paths, cli->npaths, cli->from, cli->to, cli->period,
	                                  PST_TIMES_SNAPSHOTS, PST_WANT_VERIFY, cli->settings_file, cli->teams_file,
	                                  NULL, cli->claims_file, cli->skip_bad, NULL, cli->generated_at,
	                                  POSTURE_VERSION};
	struct pst_pipeline p;
	int rc;

	if (!cli->claims_file)
		return pst_fail(err, PST_EUSAGE, "verify: --claims FILE is required");
	pst_pipeline_init(&p);
	rc = pst_pipeline_run(&p, &rq, err);
	if (rc == PST_OK) {
		write_report(cli, out, &p.diff, &p.dt, &p.verify);
		rc = pst_close_stream(out, "standard output", err);
	}
	if (rc == PST_OK && cli->strict && p.diff.warnings.n)
		rc = PST_WARN;
	pst_pipeline_release(&p);
	return rc;
}
