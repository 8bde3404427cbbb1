/* pack_xlsx_findings.c: the Changes and Open items sheets. */
#include "pack_xlsx_int.h"

/* The Changes sheet: every column of the finding table (review.h), whose
 * first PST_FCOL_CSV are those of `posture diff --format csv`, the class
 * label first with its code beside it. */
static enum pst_fcol nth_col(size_t i)
{
	if (i == 0)
		return PST_FCOL_CLASS_LABEL;
	return (enum pst_fcol)(i - 1 < PST_FCOL_CLASS_LABEL ? i - 1 : i);
}

static size_t changes_cols(const struct pst_review *r, struct pst_xlsx_column *cols)
{
	static const enum pst_xlsx_type types[] = {
		[PST_FT_TEXT] = PST_XLSX_TEXT,  [PST_FT_SEVERITY] = PST_XLSX_SEVERITY, [PST_FT_COUNT] = PST_XLSX_INTEGER,
		[PST_FT_TIME] = PST_XLSX_DATE,  [PST_FT_BOOL] = PST_XLSX_BOOL,         [PST_FT_LINK] = PST_XLSX_LINK,
	};
	size_t c, n = 0;

	for (c = 0; c < PST_FCOL__COUNT; c++) {
		const struct pst_fcol_info *fc = pst_fcol_info(nth_col(c));

		if (!pst_fcol_shown(r, nth_col(c)))
			continue;
		cols[n].header = fc->title;
		cols[n].type = types[fc->type];
		cols[n].num_format = fc->type == PST_FT_COUNT ? PST_XLSX_FMT_COUNT : NULL;
		cols[n++].width = fc->width;
	}
	return n;
}

static void changes_cell(struct xpk_row *w, const struct pst_review *r, const struct pst_review_finding *f,
                         enum pst_fcol c)
{
	struct pst_fcell v;

	pst_fcol_value(r, f, c, &v);
	switch (pst_fcol_info(c)->type) {
	case PST_FT_COUNT: xpk_count(w, v.count, !v.blank); break;
	case PST_FT_TIME: xpk_date(w, v.time); break;
	case PST_FT_BOOL: xpk_bool(w, v.flag); break;
	case PST_FT_LINK: xpk_link(w, v.text); break;
	default: xpk_text(w, v.text);
	}
}

static int changes_row(const struct xpk *p, struct pst_xlsx_table *t, const struct pst_review_finding *f,
                       struct pst_error *err)
{
	struct xpk_row w;
	size_t c;

	xpk_row_begin(&w, t, err);
	for (c = 0; c < PST_FCOL__COUNT; c++)
		if (pst_fcol_shown(p->r, nth_col(c)))
			changes_cell(&w, p->r, f, nth_col(c));
	return xpk_row_end(&w);
}

int xpk_changes(const struct xpk *p, struct pst_error *err)
{
	struct pst_xlsx_column cols[PST_FCOL__COUNT];
	struct pst_xlsx_table *t;
	size_t i, n = changes_cols(p->r, cols);
	int rc = pst_xlsx_table_begin(p->book, "Changes", cols, n, &t, err);
	for (i = 0; i < p->r->nfindings && rc == PST_OK; i++)
		if (xpk_shows(p, p->r->findings[i].team))
			rc = changes_row(p, t, &p->r->findings[i], err);
	return rc ? rc : pst_xlsx_table_end(t, err);
}

#define OPEN_RISK_AT 1 /* the risk columns, with risk data, follow Team */
static const struct pst_xlsx_column open_risk_cols[] = {
	{"Risk level", PST_XLSX_TEXT, NULL, 0},
	{"Risk factors", PST_XLSX_TEXT, NULL, 30},
};
static const struct pst_xlsx_column open_path_col = {"On attack path", PST_XLSX_BOOL, NULL, 0};
static const struct pst_xlsx_column open_cols[] = {
	{"Team", PST_XLSX_TEXT, NULL, 0},
	{"Severity", PST_XLSX_SEVERITY, NULL, 0},
	{"Recommendation", PST_XLSX_TEXT, NULL, 50},
	{"Resource", PST_XLSX_TEXT, NULL, 0},
	{"Resource group", PST_XLSX_TEXT, NULL, 0},
	{"Subscription", PST_XLSX_TEXT, NULL, 0},
	{"Class", PST_XLSX_TEXT, NULL, 0},
	{"Age (days)", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
	{"Due date", PST_XLSX_DATE, NULL, 0},
	{"Overdue", PST_XLSX_FLAG, NULL, 0},
	{"Owner", PST_XLSX_TEXT, NULL, 0},
	{"Portal link", PST_XLSX_LINK, NULL, 30},
	{"Resource ID", PST_XLSX_TEXT, NULL, 40},
	{"Assessment key", PST_XLSX_TEXT, NULL, 20},
};

static int open_row(const struct xpk *p, struct pst_xlsx_table *t, const struct pst_review_finding *f,
                    struct pst_error *err)
{
	struct xpk_row w;

	xpk_row_begin(&w, t, err);
	xpk_text(&w, xpk_team_name(p->r, f->team));
	if (p->r->has_risk) {
		xpk_text(&w, pst_risk_name(f->risk));
		xpk_text(&w, f->risk_factors);
	}
	if (p->r->has_attack_paths)
		xpk_bool(&w, f->on_attack_path);
	xpk_text(&w, pst_severity_name(f->severity));
	xpk_text(&w, f->recommendation);
	xpk_text(&w, f->resource_name);
	xpk_text(&w, f->resource_group);
	xpk_text(&w, f->subscription_name);
	xpk_text(&w, pst_class_label(f->cls));
	xpk_count(&w, f->age_days, f->age_days >= 0);
	xpk_date(&w, f->due_date);
	xpk_bool(&w, f->overdue);
	xpk_text(&w, f->owner);
	xpk_link(&w, f->portal_link);
	xpk_text(&w, f->resource_id);
	xpk_text(&w, f->assessment_key);
	return xpk_row_end(&w);
}

/* The Open items columns: those of open_cols, with the risk columns after
 * Team when the review has risk data, then On attack path with attack-path
 * data; returns the count. */
static size_t open_columns(const struct pst_review *r, struct pst_xlsx_column *cols)
{
	size_t n = 0, i;

	for (i = 0; i < PST_ARRAY_LEN(open_cols); i++) {
		if (i == OPEN_RISK_AT && r->has_risk) {
			cols[n++] = open_risk_cols[0];
			cols[n++] = open_risk_cols[1];
		}
		if (i == OPEN_RISK_AT && r->has_attack_paths)
			cols[n++] = open_path_col;
		cols[n++] = open_cols[i];
	}
	return n;
}

/* Open items in what-to-fix-first order (review.h fix_order). */
int xpk_open_items(const struct xpk *p, struct pst_error *err)
{
	struct pst_xlsx_column cols[PST_ARRAY_LEN(open_cols) + PST_ARRAY_LEN(open_risk_cols) + 1];
	struct pst_xlsx_table *t;
	size_t i, n = open_columns(p->r, cols);
	int rc = pst_xlsx_table_begin(p->book, "Open items", cols, n, &t, err);

	for (i = 0; i < p->r->nfix_order && rc == PST_OK; i++) {
		const struct pst_review_finding *f = &p->r->findings[p->r->fix_order[i]];

		if (xpk_shows(p, f->team))
			rc = open_row(p, t, f, err);
	}
	return rc ? rc : pst_xlsx_table_end(t, err);
}
