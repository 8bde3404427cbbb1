/* pack_xlsx.c: the review pack as a workbook: options, sheet order, and
 * the row helpers every sheet uses. */
#include "pack_xlsx_int.h"

typedef int (*xpk_sheet_fn)(const struct xpk *p, struct pst_error *err);

/* The workbook's sheets, in order. */
static const xpk_sheet_fn xpk_sheets[] = {
	xpk_summary, xpk_teams, xpk_changes, xpk_open_items, xpk_paths, xpk_controls, xpk_movers, xpk_clouds,
	xpk_governance, xpk_exemptions,
	xpk_alerts, xpk_compliance, xpk_quality, xpk_subscriptions, xpk_sources,
};

static void book_options(struct pst_xlsx_options *o, const struct pst_review *r,
                         const struct pst_render_xlsx_opts *opts)
{
	size_t big = opts && opts->big ? opts->big : PST_RENDER_XLSX_BIG;

	*o = (struct pst_xlsx_options){0};
	o->title = r->title;
	o->created = r->generated_at;
	o->constant_memory = r->nfindings >= big;
	o->max_rows = opts ? opts->max_rows : 0;
	o->max_links = opts && opts->max_links ? opts->max_links : PST_RENDER_XLSX_LINKS;
	o->tmpdir = opts ? opts->tmpdir : NULL;
}

int pst_render_xlsx(const struct pst_review *r, size_t team, const struct pst_render_xlsx_opts *opts,
                    const char *path, struct pst_error *err)
{
	struct pst_xlsx_options o;
	struct xpk p = {r, team, NULL};
	size_t i;
	int rc;

	if (team != PST_REVIEW_NO_TEAM && team >= r->nteams)
		return pst_fail(err, PST_ESOFTWARE, "%s: team %zu of %zu", path, team, r->nteams);
	if (r->generated_at == PST_TIME_NONE)
		return pst_fail(err, PST_ESOFTWARE, "%s: the review has no generation time", path);
	book_options(&o, r, opts);
	rc = pst_xlsx_book_open(&p.book, path, &o, err);
	for (i = 0; i < PST_ARRAY_LEN(xpk_sheets) && rc == PST_OK; i++)
		rc = xpk_sheets[i](&p, err);
	if (rc) {
		pst_xlsx_book_abort(p.book);
		return rc;
	}
	return pst_xlsx_book_close(p.book, err);
}

bool xpk_shows(const struct xpk *p, size_t team)
{
	return p->team == PST_REVIEW_NO_TEAM || p->team == team;
}

const char *xpk_team_name(const struct pst_review *r, size_t team)
{
	return team < r->nteams ? r->teams[team].name : "";
}

const char *xpk_status_name(enum pst_status_code st)
{
	return st == PST_ST_UNKNOWN ? "" : pst_status_name(st);
}

void xpk_row_begin(struct xpk_row *w, struct pst_xlsx_table *t, struct pst_error *err)
{
	w->t = t;
	w->err = err;
	w->rc = pst_xlsx_row_begin(t, err);
}

void xpk_text(struct xpk_row *w, const char *s)
{
	if (w->rc == PST_OK)
		w->rc = pst_xlsx_add_text(w->t, s, w->err);
}

void xpk_int(struct xpk_row *w, int64_t v)
{
	if (w->rc == PST_OK)
		w->rc = pst_xlsx_add_int(w->t, v, w->err);
}

void xpk_count(struct xpk_row *w, int64_t v, bool known)
{
	if (w->rc == PST_OK)
		w->rc = known ? pst_xlsx_add_int(w->t, v, w->err) : pst_xlsx_add_blank(w->t, w->err);
}

void xpk_number(struct xpk_row *w, double v)
{
	if (w->rc == PST_OK)
		w->rc = pst_xlsx_add_number(w->t, v, w->err);
}

void xpk_date(struct xpk_row *w, pst_time v)
{
	if (w->rc == PST_OK)
		w->rc = pst_xlsx_add_date(w->t, v, w->err);
}

void xpk_bool(struct xpk_row *w, bool v)
{
	if (w->rc == PST_OK)
		w->rc = pst_xlsx_add_bool(w->t, v, w->err);
}

void xpk_link(struct xpk_row *w, const char *url)
{
	if (w->rc == PST_OK)
		w->rc = pst_xlsx_add_link(w->t, url, NULL, w->err);
}

int xpk_row_end(struct xpk_row *w)
{
	if (w->rc == PST_OK)
		w->rc = pst_xlsx_row_end(w->t, w->err);
	return w->rc;
}
