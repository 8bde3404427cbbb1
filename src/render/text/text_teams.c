/* text_teams.c: `posture teams` as text, CSV or JSON, from the review
 * model (text.h): the team of every resource, the rule that placed it,
 * the resources per team and the unassigned ones. */
#include "posture/csvw.h"
#include "posture/jsonw.h"
#include "posture/text.h"
#include "posture/utf8.h"

static void put(FILE *out, const char *s)
{
	pst_utf8_fputs(s, out);
}

/* The resource columns of every output, in order. */
enum res_field { RF_ID, RF_SUB, RF_SUB_NAME, RF_GROUP, RF_TYPE, RF_NAME, RF__COUNT };
static const char *const res_field_names[RF__COUNT] = {"resource_id",    "subscription_id", "subscription_name",
                                                      "resource_group", "resource_type",   "resource_name"};

static const char *res_text(const struct pst_review_resource *x, enum res_field f)
{
	switch (f) {
	case RF_ID: return x->id;
	case RF_SUB: return x->subscription_id;
	case RF_SUB_NAME: return x->subscription_name;
	case RF_GROUP: return x->group;
	case RF_TYPE: return x->type;
	default: return x->name;
	}
}

static int64_t unassigned(const struct pst_review *r)
{
	return r->nteam_resources ? r->team_resources[r->nteam_resources - 1].count : 0;
}

static void text_warnings(FILE *out, const struct pst_review *r)
{
	struct strbuf text = STRBUF_INIT;
	size_t i;

	if (pst_text_teams_warnings(r))
		fputs("\nWarnings:\n", out);
	for (i = 0; i < r->warnings.n; i++) {
		if (!pst_text_teams_warning(&r->warnings.items[i]))
			continue;
		strbuf_reset(&text);
		pst_diag_text(&r->warnings.items[i], &text);
		fputs("  ", out);
		put(out, strbuf_cstr(&text));
		fputc('\n', out);
	}
	strbuf_release(&text);
}

static void text_out(FILE *out, const struct pst_review *r)
{
	char when[PST_TIME_BUF];
	size_t i;

	fprintf(out, "Teams at %s (rules: ", pst_time_format(r->t1, when, sizeof(when)));
	put(out, *r->teams_file ? r->teams_file : "none, every resource is Unassigned");
	fputs(")\n\nResources per team:\n", out);
	for (i = 0; i < r->nteam_resources; i++) {
		fputs("  ", out);
		put(out, r->team_resources[i].label);
		fprintf(out, ": %lld\n", (long long)r->team_resources[i].count);
	}
	fputs("\nResources:\n", out);
	for (i = 0; i < r->nresources; i++) {
		const struct pst_review_resource *x = &r->resources[i];

		fputs("  ", out);
		put(out, x->id);
		fputs("\n      ", out);
		put(out, x->team);
		if (*x->rule) {
			fputs(" (", out);
			put(out, x->rule);
			fputc(')', out);
		}
		fputc('\n', out);
	}
	fprintf(out, "\nUnassigned: %lld\n", (long long)unassigned(r));
	for (i = 0; i < r->nresources; i++) {
		if (*r->resources[i].rule)
			continue;
		fputs("  ", out);
		put(out, r->resources[i].id);
		fputc('\n', out);
	}
	text_warnings(out, r);
}

static void csv_out(FILE *out, const struct pst_review *r)
{
	struct pst_csvw w;
	size_t i;
	int k;

	pst_csvw_init(&w, out);
	for (k = 0; k < RF__COUNT; k++)
		pst_csvw_field(&w, res_field_names[k]);
	pst_csvw_field(&w, "team");
	pst_csvw_field(&w, "rule");
	pst_csvw_end(&w);
	for (i = 0; i < r->nresources; i++) {
		for (k = 0; k < RF__COUNT; k++)
			pst_csvw_field(&w, res_text(&r->resources[i], (enum res_field)k));
		pst_csvw_field(&w, r->resources[i].team);
		pst_csvw_field(&w, r->resources[i].rule);
		pst_csvw_end(&w);
	}
}

static void json_warnings(struct pst_jsonw *w, const struct pst_review *r)
{
	struct strbuf text = STRBUF_INIT;
	size_t i;

	pst_jsonw_key(w, "warnings");
	pst_jsonw_array_begin(w);
	for (i = 0; i < r->warnings.n; i++) {
		if (!pst_text_teams_warning(&r->warnings.items[i]))
			continue;
		strbuf_reset(&text);
		pst_diag_text(&r->warnings.items[i], &text);
		pst_jsonw_string(w, strbuf_cstr(&text));
	}
	pst_jsonw_array_end(w);
	strbuf_release(&text);
}

static void json_resource(struct pst_jsonw *w, const struct pst_review_resource *x)
{
	int k;

	pst_jsonw_object_begin(w);
	for (k = 0; k < RF__COUNT; k++)
		pst_text_json_opt(w, res_field_names[k], res_text(x, (enum res_field)k));
	pst_jsonw_kv_string(w, "team", x->team);
	pst_text_json_opt(w, "rule", x->rule);
	pst_jsonw_object_end(w);
}

static void json_out(FILE *out, const struct pst_review *r)
{
	struct pst_jsonw w;
	size_t i;

	pst_jsonw_init(&w, out);
	pst_jsonw_object_begin(&w);
	pst_jsonw_kv_time(&w, "at", r->t1);
	pst_text_json_opt(&w, "rules", r->teams_file);
	pst_jsonw_key(&w, "teams");
	pst_jsonw_array_begin(&w);
	for (i = 0; i < r->nteam_resources; i++) {
		pst_jsonw_object_begin(&w);
		pst_jsonw_kv_string(&w, "team", r->team_resources[i].label);
		pst_jsonw_kv_int(&w, "resources", r->team_resources[i].count);
		pst_jsonw_object_end(&w);
	}
	pst_jsonw_array_end(&w);
	pst_jsonw_key(&w, "resources");
	pst_jsonw_array_begin(&w);
	for (i = 0; i < r->nresources; i++)
		json_resource(&w, &r->resources[i]);
	pst_jsonw_array_end(&w);
	pst_jsonw_key(&w, "unassigned");
	pst_jsonw_array_begin(&w);
	for (i = 0; i < r->nresources; i++)
		if (!*r->resources[i].rule)
			pst_jsonw_string(&w, r->resources[i].id);
	pst_jsonw_array_end(&w);
	json_warnings(&w, r);
	pst_jsonw_object_end(&w);
	pst_jsonw_finish(&w);
}

bool pst_text_teams_warning(const struct pst_diag *d)
{
	return d->code == PST_DC_NO_TEAM_RULES || d->code == PST_DC_UNUSED_TEAM_RULE;
}

size_t pst_text_teams_warnings(const struct pst_review *r)
{
	size_t i, n = 0;

	for (i = 0; i < r->warnings.n; i++)
		n += pst_text_teams_warning(&r->warnings.items[i]);
	return n;
}

void pst_text_teams(FILE *out, const struct pst_review *r, enum pst_outfmt fmt)
{
	if (fmt == PST_OUT_JSON)
		json_out(out, r);
	else if (fmt == PST_OUT_CSV)
		csv_out(out, r);
	else
		text_out(out, r);
}
