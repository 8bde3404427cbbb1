/* pack_xlsx_clouds.c: the Clouds sheet: findings by cloud, in the whole
 * workbook only, and only when some resource is not Azure's. */
#include "pack_xlsx_int.h"

#include <math.h>

static const struct pst_xlsx_column cloud_cols[] = {
	{"Cloud", PST_XLSX_TEXT, NULL, 14},
	{"Resources", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
	{"Open findings", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
	{"Healthy findings", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
	{"Healthy %", PST_XLSX_NUMBER, PST_XLSX_FMT_PERCENT, 0},
	{"Verified fixes", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
	{"Opened in the period", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
};

int xpk_clouds(const struct xpk *p, struct pst_error *err)
{
	struct pst_xlsx_table *t;
	size_t i;
	int rc;

	if (!p->r->has_clouds || p->team != PST_REVIEW_NO_TEAM)
		return PST_OK;
	rc = pst_xlsx_table_begin(p->book, "Clouds", cloud_cols, PST_ARRAY_LEN(cloud_cols), &t, err);
	for (i = 0; i < p->r->nclouds && rc == PST_OK; i++) {
		const struct pst_review_cloud *c = &p->r->clouds[i];
		struct xpk_row w;

		xpk_row_begin(&w, t, err);
		xpk_text(&w, c->cloud);
		xpk_int(&w, c->resources);
		xpk_int(&w, c->unhealthy);
		xpk_int(&w, c->healthy);
		xpk_number(&w, isnan(c->healthy_pct) ? NAN : c->healthy_pct / 100.0);
		xpk_int(&w, c->remediated);
		xpk_int(&w, c->opened);
		rc = xpk_row_end(&w);
	}
	return rc ? rc : pst_xlsx_table_end(t, err);
}
