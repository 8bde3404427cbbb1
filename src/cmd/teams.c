/* cmd_teams.c: `posture teams`: the team of every resource at T, the rule
 * that placed it, counts per team, the unassigned list (text, csv, json). */
#include <stdlib.h>
#include <string.h>
#include "posture/cli.h"
#include "posture/csvw.h"
#include "posture/jsonw.h"
#include "posture/outfile.h"
#include "posture/pipeline.h"
#include "posture/text.h"
#include "posture/utf8.h"

/* The pipeline's results, the warnings (one per line) and the time. */
struct teams_run {
	const struct pst_estate *e;
	const struct pst_teams *rules;
	const struct pst_team_map *map;
	struct pst_diags warnings;
	pst_time at;
};

static void put(FILE *out, const char *s)
{
	pst_utf8_fputs(s, out);
}

/* The resource columns of every output, in order. */
enum res_field { RF_ID, RF_SUB, RF_SUB_NAME, RF_GROUP, RF_TYPE, RF_NAME, RF__COUNT };
static const char *const res_field_names[RF__COUNT] = {"resource_id",    "subscription_id", "subscription_name",
                                                      "resource_group", "resource_type",   "resource_name"};

static const char *res_text(const struct pst_estate *e, uint32_t res, enum res_field f)
{
	const struct pst_resource *r = &e->resources[res];

	switch (f) {
	case RF_ID: return pst_estate_resource_id(e, res);
	case RF_SUB: return pst_estate_subscription_id(e, r->subscription);
	case RF_SUB_NAME: return r->subscription ? pst_estate_text(e, e->subscriptions[r->subscription].name) : NULL;
	case RF_GROUP: return pst_estate_text(e, r->group);
	case RF_TYPE: return pst_estate_text(e, r->type);
	default: return pst_estate_text(e, r->name);
	}
}

static void rule_place(struct strbuf *sb, const struct teams_run *tr, const struct pst_team_rule *rule)
{
	strbuf_reset(sb);
	if (rule)
		strbuf_addf(sb, "%s:%u", tr->rules->path, rule->line);
}

static void text_out(FILE *out, const struct teams_run *tr)
{
	struct strbuf place = STRBUF_INIT;
	char when[PST_TIME_BUF];
	size_t i;

	fprintf(out, "Teams at %s (rules: ", pst_time_format(tr->at, when, sizeof(when)));
	put(out, tr->rules->path ? tr->rules->path : "none, every resource is Unassigned");
	fputs(")\n\nResources per team:\n", out);
	for (i = 0; i < tr->map->nteams; i++) {
		fputs("  ", out);
		put(out, tr->map->teams[i]);
		fprintf(out, ": %zu\n", tr->map->counts[i]);
	}
	fputs("\nResources:\n", out);
	for (i = 0; i < tr->map->n; i++) {
		const struct pst_team_assignment *a = &tr->map->items[i];

		rule_place(&place, tr, a->rule);
		fputs("  ", out);
		put(out, res_text(tr->e, a->resource, RF_ID));
		fputs("\n      ", out);
		put(out, tr->map->teams[a->team]);
		fprintf(out, "%s%s%s\n", a->rule ? " (" : "", strbuf_cstr(&place), a->rule ? ")" : "");
	}
	fprintf(out, "\nUnassigned: %zu\n", tr->map->counts[tr->map->unassigned]);
	for (i = 0; i < tr->map->n; i++) {
		if (tr->map->items[i].rule)
			continue;
		fputs("  ", out);
		put(out, res_text(tr->e, tr->map->items[i].resource, RF_ID));
		fputc('\n', out);
	}
	if (tr->warnings.n)
		fputs("\nWarnings:\n", out);
	for (i = 0; i < tr->warnings.n; i++) {
		strbuf_reset(&place);
		pst_diag_text(&tr->warnings.items[i], &place);
		fputs("  ", out);
		put(out, strbuf_cstr(&place));
		fputc('\n', out);
	}
	strbuf_release(&place);
}

static void csv_out(FILE *out, const struct teams_run *tr)
{
	struct strbuf place = STRBUF_INIT;
	struct pst_csvw w;
	size_t i;
	int k;

	pst_csvw_init(&w, out);
	for (k = 0; k < RF__COUNT; k++)
		pst_csvw_field(&w, res_field_names[k]);
	pst_csvw_field(&w, "team");
	pst_csvw_field(&w, "rule");
	pst_csvw_end(&w);
	for (i = 0; i < tr->map->n; i++) {
		const struct pst_team_assignment *a = &tr->map->items[i];

		for (k = 0; k < RF__COUNT; k++)
			pst_csvw_field(&w, res_text(tr->e, a->resource, (enum res_field)k));
		pst_csvw_field(&w, tr->map->teams[a->team]);
		rule_place(&place, tr, a->rule);
		pst_csvw_field(&w, strbuf_cstr(&place));
		pst_csvw_end(&w);
	}
	strbuf_release(&place);
}

static void json_warnings(struct pst_jsonw *w, const struct pst_diags *warnings)
{
	struct strbuf text = STRBUF_INIT;
	size_t i;

	pst_jsonw_key(w, "warnings");
	pst_jsonw_array_begin(w);
	for (i = 0; i < warnings->n; i++) {
		strbuf_reset(&text);
		pst_diag_text(&warnings->items[i], &text);
		pst_jsonw_string(w, strbuf_cstr(&text));
	}
	pst_jsonw_array_end(w);
	strbuf_release(&text);
}

static void json_resource(struct pst_jsonw *w, const struct teams_run *tr, const struct pst_team_assignment *a)
{
	struct strbuf place = STRBUF_INIT;
	int k;

	pst_jsonw_object_begin(w);
	for (k = 0; k < RF__COUNT; k++)
		pst_jsonw_kv_string(w, res_field_names[k], res_text(tr->e, a->resource, (enum res_field)k));
	pst_jsonw_kv_string(w, "team", tr->map->teams[a->team]);
	rule_place(&place, tr, a->rule);
	pst_jsonw_kv_string(w, "rule", a->rule ? strbuf_cstr(&place) : NULL);
	pst_jsonw_object_end(w);
	strbuf_release(&place);
}

static void json_out(FILE *out, const struct teams_run *tr)
{
	struct pst_jsonw w;
	size_t i;

	pst_jsonw_init(&w, out);
	pst_jsonw_object_begin(&w);
	pst_jsonw_kv_time(&w, "at", tr->at);
	pst_jsonw_kv_string(&w, "rules", tr->rules->path);
	pst_jsonw_key(&w, "teams");
	pst_jsonw_array_begin(&w);
	for (i = 0; i < tr->map->nteams; i++) {
		pst_jsonw_object_begin(&w);
		pst_jsonw_kv_string(&w, "team", tr->map->teams[i]);
		pst_jsonw_kv_int(&w, "resources", (int64_t)tr->map->counts[i]);
		pst_jsonw_object_end(&w);
	}
	pst_jsonw_array_end(&w);
	pst_jsonw_key(&w, "resources");
	pst_jsonw_array_begin(&w);
	for (i = 0; i < tr->map->n; i++)
		json_resource(&w, tr, &tr->map->items[i]);
	pst_jsonw_array_end(&w);
	pst_jsonw_key(&w, "unassigned");
	pst_jsonw_array_begin(&w);
	for (i = 0; i < tr->map->n; i++)
		if (!tr->map->items[i].rule)
			pst_jsonw_string(&w, res_text(tr->e, tr->map->items[i].resource, RF_ID));
	pst_jsonw_array_end(&w);
	json_warnings(&w, &tr->warnings);
	pst_jsonw_object_end(&w);
	pst_jsonw_finish(&w);
}

int pst_cmd_teams(const struct pst_cli *cli, FILE *out, struct pst_error *err)
{
	struct pst_pipeline_request rq = {cli->paths, cli->npaths, cli->from, cli->to, cli->period,
	                                  PST_TIMES_MONTH, PST_WANT_TEAMS, NULL, cli->teams_file, NULL,
	                                  NULL, cli->skip_bad, NULL, cli->generated_at, POSTURE_VERSION};
	struct pst_pipeline p;
	struct teams_run tr = {NULL, NULL, NULL, {NULL, 0, 0, 0, {0, 0}}, PST_TIME_NONE};
	int rc;

	pst_pipeline_init(&p);
	rc = pst_pipeline_run(&p, &rq, err);
	if (rc == PST_OK) {
		tr.e = &p.e;
		tr.rules = &p.rules;
		tr.map = &p.map;
		tr.at = p.t1;
		pst_teams_warnings(tr.rules, &tr.warnings);
		if (cli->format == PST_OUT_JSON)
			json_out(out, &tr);
		else if (cli->format == PST_OUT_CSV)
			csv_out(out, &tr);
		else
			text_out(out, &tr);
		if (cli->format == PST_OUT_CSV && !cli->quiet)
			pst_text_warnings(stderr, &tr.warnings);
		rc = pst_close_stream(out, "standard output", err);
	}
	if (rc == PST_OK && cli->strict && tr.warnings.n)
		rc = PST_WARN;
	pst_diags_release(&tr.warnings);
	pst_pipeline_release(&p);
	return rc;
}
