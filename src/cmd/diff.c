/* cmd_diff.c: `posture diff`: the classified finding changes between T0
 * and T1, as text, CSV or JSON. */
#include <string.h>
#include "posture/cli.h"
#include "posture/csvw.h"
#include "posture/diff.h"
#include "posture/diff_teams.h"
#include "posture/jsonw.h"
#include "posture/outfile.h"
#include "posture/pipeline.h"
#include "posture/text.h"

#define TEXT_WIDTH 118  /* the by-team lines wrap before this column */

static void text_summary(FILE *out, const struct pst_diff *d)
{
	size_t k;

	fputs("\nSummary by class:\n", out);
	for (k = 0; k < PST_CLASS__COUNT; k++)
		fprintf(out, "  %-24s %7zu  %s\n", pst_class_name((enum pst_class)k), d->counts[k],
		        pst_class_meaning((enum pst_class)k));
	fprintf(out, "\nReconciliation: unhealthy at T0 %llu - closed %llu + opened %llu = unhealthy at T1 %llu\n",
	        (unsigned long long)d->unhealthy_t0, (unsigned long long)d->closed, (unsigned long long)d->opened,
	        (unsigned long long)d->unhealthy_t1);
	fprintf(out, "Overdue (still open past due): %llu\n", (unsigned long long)d->overdue);
}

/* "  TEAM (total): class n, class n, ..." with the classes that are not
 * zero, wrapped before TEXT_WIDTH. */
static void text_team_line(FILE *out, const struct pst_diff_teams *dt, size_t t)
{
	struct strbuf line = STRBUF_INIT;
	const char *sep = ": ";
	size_t k, n;

	strbuf_addf(&line, "  %s (%zu)", dt->map.teams[t], dt->totals[t]);
	for (k = 0; k < PST_CLASS__COUNT; k++) {
		char cell[64];

		n = dt->counts[t * PST_CLASS__COUNT + k];
		if (!n)
			continue;
		snprintf(cell, sizeof(cell), "%s %zu", pst_class_name((enum pst_class)k), n);
		if (*sep && line.len + strlen(sep) + strlen(cell) > TEXT_WIDTH) {
			fprintf(out, "%s%c\n", strbuf_cstr(&line), sep[0]);
			strbuf_reset(&line);
			strbuf_addstr(&line, "      ");
			sep = "";
		}
		strbuf_addf(&line, "%s%s", sep, cell);
		sep = ", ";
	}
	fprintf(out, "%s\n", strbuf_cstr(&line));
	strbuf_release(&line);
}

static void text_by_team(FILE *out, const struct pst_diff_teams *dt)
{
	size_t t;

	fputs("\nBy team (findings per class):\n", out);
	for (t = 0; t < dt->map.nteams; t++)
		if (dt->totals[t])
			text_team_line(out, dt, t);
}

static void text_status(FILE *out, enum pst_status_code st, const char *cause, bool exported)
{
	fputs(st != PST_ST_UNKNOWN ? pst_status_name(st) : exported ? "absent" : "not exported", out);
	if (cause)
		fprintf(out, " (%s)", cause);
}

static void text_item(FILE *out, const struct pst_diff_item *it, const char *team)
{
	char due[PST_TIME_BUF];

	fprintf(out, "  %-8s %s [%s]\n           %s\n           ", pst_severity_name(it->severity), it->recommendation,
	        it->assessment_key, it->resource_id);
	text_status(out, it->status_from, it->cause_from, true);
	fputs(" -> ", out);
	text_status(out, it->status_to, it->cause_to, it->cls != PST_CLASS_OUT_OF_SCOPE);
	if (it->age_days >= 0)
		fprintf(out, ", age %lld days", (long long)it->age_days);
	if (it->due != PST_TIME_NONE)
		fprintf(out, ", due %s%s", pst_date_format(it->due, due, sizeof(due)), it->overdue ? ", OVERDUE" : "");
	fprintf(out, ", team %s\n", team);
}

static void text_report(FILE *out, const struct pst_diff *d, const struct pst_diff_teams *dt)
{
	size_t i;

	pst_diff_text_head(out, "diff", d);
	text_summary(out, d);
	text_by_team(out, dt);
	for (i = 0; i < d->n; i++) {
		if (i == 0 || d->items[i].cls != d->items[i - 1].cls)
			fprintf(out, "\n%s (%zu)\n", pst_class_name(d->items[i].cls), d->counts[d->items[i].cls]);
		text_item(out, &d->items[i], pst_diff_team_of(dt, &d->items[i]));
	}
}

static const char *status_text(enum pst_status_code st)
{
	return st == PST_ST_UNKNOWN ? NULL : pst_status_name(st);
}

static void csv_item(struct pst_csvw *w, const struct pst_diff_item *it, const char *team)
{
	struct strbuf link = STRBUF_INIT;

	pst_diff_portal_link(&link, it);
	pst_csvw_field(w, pst_class_name(it->cls));
	pst_csvw_field(w, it->resource_id);
	pst_csvw_field(w, it->assessment_key);
	pst_csvw_field(w, it->recommendation);
	pst_csvw_field(w, pst_severity_name(it->severity));
	pst_csvw_field(w, it->subscription_id);
	pst_csvw_field(w, it->subscription_name);
	pst_csvw_field(w, it->resource_group);
	pst_csvw_field(w, it->resource_type);
	pst_csvw_field(w, status_text(it->status_from));
	pst_csvw_field(w, it->cause_from);
	pst_csvw_field(w, status_text(it->status_to));
	pst_csvw_field(w, it->cause_to);
	if (it->age_days >= 0)
		pst_csvw_int(w, it->age_days);
	else
		pst_csvw_field(w, NULL);
	pst_csvw_time(w, it->first_seen);
	pst_csvw_time(w, it->due);
	pst_csvw_bool(w, it->overdue);
	pst_csvw_field(w, it->owner);
	pst_csvw_field(w, link.buf);
	pst_csvw_field(w, team);
	pst_csvw_end(w);
	strbuf_release(&link);
}

static void csv_report(FILE *out, const struct pst_diff *d, const struct pst_diff_teams *dt)
{
	static const char *const header[] = {
		"class", "resource_id", "assessment_key", "recommendation", "severity", "subscription_id",
		"subscription_name", "resource_group", "resource_type", "status_from", "cause_from", "status_to",
		"cause_to", "age_days", "first_seen", "due_date", "overdue", "owner", "portal_link", "team", NULL};
	struct pst_csvw w;
	size_t i;

	pst_csvw_init(&w, out);
	pst_csvw_header(&w, header);
	for (i = 0; i < d->n; i++)
		csv_item(&w, &d->items[i], pst_diff_team_of(dt, &d->items[i]));
}

static void json_item(struct pst_jsonw *w, const struct pst_diff_item *it, const char *team)
{
	struct strbuf link = STRBUF_INIT;

	pst_diff_portal_link(&link, it);
	pst_jsonw_object_begin(w);
	pst_jsonw_kv_string(w, "class", pst_class_name(it->cls));
	pst_jsonw_kv_string(w, "resource_id", it->resource_id);
	pst_jsonw_kv_string(w, "assessment_key", it->assessment_key);
	pst_jsonw_kv_string(w, "recommendation", it->recommendation);
	pst_jsonw_kv_string(w, "severity", pst_severity_name(it->severity));
	pst_jsonw_kv_string(w, "subscription_id", it->subscription_id);
	pst_jsonw_kv_string(w, "status_from", status_text(it->status_from));
	pst_jsonw_kv_string(w, "status_to", status_text(it->status_to));
	pst_jsonw_kv_string(w, "cause_to", it->cause_to);
	pst_jsonw_key(w, "age_days");
	if (it->age_days >= 0)
		pst_jsonw_int(w, it->age_days);
	else
		pst_jsonw_null(w);
	pst_jsonw_kv_bool(w, "overdue", it->overdue);
	pst_jsonw_kv_string(w, "cause_from", it->cause_from);
	pst_jsonw_kv_string(w, "resource_group", it->resource_group);
	pst_jsonw_kv_time(w, "first_seen", it->first_seen);
	pst_jsonw_kv_time(w, "due_date", it->due);
	pst_jsonw_kv_string(w, "owner", it->owner);
	pst_jsonw_kv_string(w, "portal_link", link.buf);
	pst_jsonw_kv_string(w, "team", team);
	pst_jsonw_object_end(w);
	strbuf_release(&link);
}

/* {"remediated": N, ...}: every class */
static void json_class_counts(struct pst_jsonw *w, const size_t *counts)
{
	size_t k;

	pst_jsonw_object_begin(w);
	for (k = 0; k < PST_CLASS__COUNT; k++)
		pst_jsonw_kv_int(w, pst_class_name((enum pst_class)k), (int64_t)counts[k]);
	pst_jsonw_object_end(w);
}

/* "counts", then "teams" (the teams with findings), then "reconciliation". */
static void json_counts(struct pst_jsonw *w, const struct pst_diff *d, const struct pst_diff_teams *dt)
{
	size_t t;

	pst_jsonw_key(w, "counts");
	json_class_counts(w, d->counts);
	pst_jsonw_key(w, "teams");
	pst_jsonw_object_begin(w);
	for (t = 0; t < dt->map.nteams; t++) {
		if (!dt->totals[t])
			continue;
		pst_jsonw_key(w, dt->map.teams[t]);
		json_class_counts(w, &dt->counts[t * PST_CLASS__COUNT]);
	}
	pst_jsonw_object_end(w);
	pst_jsonw_key(w, "reconciliation");
	pst_jsonw_object_begin(w);
	pst_jsonw_kv_int(w, "unhealthy_from", (int64_t)d->unhealthy_t0);
	pst_jsonw_kv_int(w, "closed", (int64_t)d->closed);
	pst_jsonw_kv_int(w, "opened", (int64_t)d->opened);
	pst_jsonw_kv_int(w, "unhealthy_to", (int64_t)d->unhealthy_t1);
	pst_jsonw_kv_int(w, "overdue", (int64_t)d->overdue);
	pst_jsonw_object_end(w);
}

static void json_report(FILE *out, const struct pst_diff *d, const struct pst_diff_teams *dt)
{
	struct pst_jsonw w;
	size_t i;

	pst_jsonw_init(&w, out);
	pst_jsonw_object_begin(&w);
	pst_diff_json_head(&w, d);
	json_counts(&w, d, dt);
	pst_jsonw_key(&w, "findings");
	pst_jsonw_array_begin(&w);
	for (i = 0; i < d->n; i++)
		json_item(&w, &d->items[i], pst_diff_team_of(dt, &d->items[i]));
	pst_jsonw_array_end(&w);
	pst_jsonw_object_end(&w);
	pst_jsonw_finish(&w);
}

int pst_cmd_diff(const struct pst_cli *cli, FILE *out, struct pst_error *err)
{
	struct pst_pipeline_request rq = {cli->paths, cli->npaths, cli->from, cli->to, cli->period,
	                                  PST_TIMES_SNAPSHOTS, PST_WANT_DIFF, cli->settings_file, cli->teams_file,
	                                  NULL, NULL, cli->skip_bad, NULL, cli->generated_at, POSTURE_VERSION};
	struct pst_pipeline p;
	int rc;

	pst_pipeline_init(&p);
	rc = pst_pipeline_run(&p, &rq, err);
	if (rc == PST_OK) {
		if (cli->format == PST_OUT_JSON)
			json_report(out, &p.diff, &p.dt);
		else if (cli->format == PST_OUT_CSV)
			csv_report(out, &p.diff, &p.dt);
		else
			text_report(out, &p.diff, &p.dt);
		if (cli->format == PST_OUT_CSV && !cli->quiet)
			pst_text_warnings(stderr, &p.diff.warnings);
		rc = pst_close_stream(out, "standard output", err);
	}
	if (rc == PST_OK && cli->strict && p.diff.warnings.n)
		rc = PST_WARN;
	pst_pipeline_release(&p);
	return rc;
}
