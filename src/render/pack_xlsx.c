/* pack_xlsx.c: the review pack as a workbook: options, sheet order, and
 * the row helpers every sheet uses. */
#include "pack_xlsx_int.h"

typedef int (*pack_sheet_fn)(const struct pack *p, struct pst_error *err);

/* The workbook's sheets, in order. */
static const pack_sheet_fn pack_sheets[] = {
	pack_summary, pack_teams,  pack_changes,    pack_open_items, pack_controls,
	pack_alerts,  pack_compliance, pack_quality, pack_sources,
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
	o->max_links = opts ? opts->max_links : 0;
	if (!o->max_links && o->constant_memory)
		o->max_links = PST_RENDER_XLSX_BIG_LINKS;
	o->tmpdir = opts ? opts->tmpdir : NULL;
}

int pst_render_xlsx(const struct pst_review *r, size_t team, const struct pst_render_xlsx_opts *opts,
                    const char *path, struct pst_error *err)
{
	struct pst_xlsx_options o;
	struct pack p = {r, team, NULL};
	size_t i;
	int rc;

	if (team != PST_REVIEW_NO_TEAM && team >= r->nteams)
		return pst_fail(err, PST_ESOFTWARE, "%s: team %zu of %zu", path, team, r->nteams);
	if (r->generated_at == PST_TIME_NONE)
		return pst_fail(err, PST_ESOFTWARE, "%s: the review has no generation time", path);
	book_options(&o, r, opts);
	rc = pst_xlsx_book_open(&p.book, path, &o, err);
	for (i = 0; i < PST_ARRAY_LEN(pack_sheets) && rc == PST_OK; i++)
		rc = pack_sheets[i](&p, err);
	if (rc) {
		pst_xlsx_book_abort(p.book);
		return rc;
	}
	return pst_xlsx_book_close(p.book, err);
}

bool pack_shows(const struct pack *p, size_t team)
{
	return p->team == PST_REVIEW_NO_TEAM || p->team == team;
}

const char *pack_team_name(const struct pst_review *r, size_t team)
{
	return team < r->nteams ? r->teams[team].name : "";
}

const char *pack_status_name(enum pst_status_code st)
{
	return st == PST_ST_UNKNOWN ? "" : pst_status_name(st);
}

void pack_row_begin(struct pack_row *w, struct pst_xlsx_table *t, struct pst_error *err)
{
	w->t = t;
	w->err = err;
	w->rc = pst_xlsx_row_begin(t, err);
}

void pack_text(struct pack_row *w, const char *s)
{
	if (w->rc == PST_OK)
		w->rc = pst_xlsx_add_text(w->t, s, w->err);
}

void pack_int(struct pack_row *w, int64_t v)
{
	if (w->rc == PST_OK)
		w->rc = pst_xlsx_add_int(w->t, v, w->err);
}

void pack_count(struct pack_row *w, int64_t v, bool known)
{
	if (w->rc == PST_OK)
		w->rc = known ? pst_xlsx_add_int(w->t, v, w->err) : pst_xlsx_add_blank(w->t, w->err);
}

void pack_number(struct pack_row *w, double v)
{
	if (w->rc == PST_OK)
		w->rc = pst_xlsx_add_number(w->t, v, w->err);
}

void pack_date(struct pack_row *w, pst_time v)
{
	if (w->rc == PST_OK)
		w->rc = pst_xlsx_add_date(w->t, v, w->err);
}

void pack_bool(struct pack_row *w, bool v)
{
	if (w->rc == PST_OK)
		w->rc = pst_xlsx_add_bool(w->t, v, w->err);
}

void pack_link(struct pack_row *w, const char *url)
{
	if (w->rc == PST_OK)
		w->rc = pst_xlsx_add_link(w->t, url, NULL, w->err);
}

int pack_row_end(struct pack_row *w)
{
	if (w->rc == PST_OK)
		w->rc = pst_xlsx_row_end(w->t, w->err);
	return w->rc;
}
