/* pack_xlsx_paths.c: the Attack paths sheet: every attack path at the end
 * of the period, then those gone since the start, with its change, the open
 * findings on it and what it names; only with attack-path data.  A team's
 * workbook lists the paths that run through its open findings. */
#include "pack_xlsx_int.h"

#include "posture/strbuf.h"

static const struct pst_xlsx_column path_cols[] = {
	{"Risk level", PST_XLSX_TEXT, NULL, 0},
	{"Attack path", PST_XLSX_TEXT, NULL, 50},
	{"Change", PST_XLSX_TEXT, NULL, 0},
	{"Open findings on it", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
	{"Fix first", PST_XLSX_TEXT, NULL, 50},
	{"Entry point", PST_XLSX_TEXT, NULL, 30},
	{"Target", PST_XLSX_TEXT, NULL, 30},
	{"Risk factors", PST_XLSX_TEXT, NULL, 30},
	{"MITRE", PST_XLSX_TEXT, NULL, 20},
	{"Subscription ID", PST_XLSX_TEXT, NULL, 20},
	{"Attack path ID", PST_XLSX_TEXT, NULL, 20},
	{"Description", PST_XLSX_TEXT, NULL, 40},
};

static bool path_shown(const struct xpk *p, const struct pst_review_path *x)
{
	size_t i;

	if (p->team == PST_REVIEW_NO_TEAM)
		return true;
	for (i = 0; i < x->nfindings; i++)
		if (p->r->findings[x->findings[i]].team == p->team)
			return true;
	return false;
}

static const char *risk_label(enum pst_risk r)
{
	return r == PST_RISK_UNKNOWN ? "" : r == PST_RISK_NONE ? "Not evaluated" : pst_risk_name(r);
}

/* The first open finding on it, of the team's when the workbook is a team's. */
static void fix_first(const struct xpk *p, const struct pst_review_path *x, struct strbuf *sb)
{
	size_t i;

	for (i = 0; i < x->nfindings; i++) {
		const struct pst_review_finding *f = &p->r->findings[x->findings[i]];

		if (!xpk_shows(p, f->team))
			continue;
		strbuf_addf(sb, "%s on %s", f->recommendation, *f->resource_name ? f->resource_name : f->resource_id);
		return;
	}
}

/* An entry point or target; in a team's workbook another team's resource is not named. */
static const char *end_of(const struct xpk *p, const char *s, size_t team)
{
	if (!xpk_shows(p, team) && pst_strncasecmp(s, "/subscriptions/", 15) == 0)
		return "another team's resource";
	return s;
}

static int path_row(const struct xpk *p, struct pst_xlsx_table *t, const struct pst_review_path *x,
                    struct pst_error *err)
{
	struct strbuf sb = STRBUF_INIT;
	struct xpk_row w;
	size_t i, n = 0;

	for (i = 0; i < x->nfindings; i++)
		n += xpk_shows(p, p->r->findings[x->findings[i]].team);
	fix_first(p, x, &sb);
	xpk_row_begin(&w, t, err);
	xpk_text(&w, risk_label(x->risk));
	xpk_text(&w, x->name);
	xpk_text(&w, pst_path_change_label(x->change));
	xpk_count(&w, (int64_t)n, x->change != PST_PATH_GONE);
	xpk_text(&w, strbuf_cstr(&sb));
	xpk_text(&w, end_of(p, x->entry, x->entry_team));
	xpk_text(&w, end_of(p, x->target, x->target_team));
	xpk_text(&w, x->risk_factors);
	xpk_text(&w, x->mitre);
	xpk_text(&w, x->subscription_id);
	xpk_text(&w, x->id);
	xpk_text(&w, x->description);
	strbuf_release(&sb);
	return xpk_row_end(&w);
}

int xpk_paths(const struct xpk *p, struct pst_error *err)
{
	const struct pst_review *r = p->r;
	struct pst_xlsx_table *t;
	size_t i;
	int rc;

	if (!r->has_attack_paths)
		return PST_OK;
	rc = pst_xlsx_table_begin(p->book, "Attack paths", path_cols, PST_ARRAY_LEN(path_cols), &t, err);
	for (i = 0; i < r->npaths && rc == PST_OK; i++)
		if (path_shown(p, &r->paths[i]))
			rc = path_row(p, t, &r->paths[i], err);
	return rc ? rc : pst_xlsx_table_end(t, err);
}
