/* pack_pdf_clouds.c: findings by cloud (Azure and the clouds and DevOps
 * platforms of the security connectors), in the whole pack only, and only
 * when some resource is not Azure's. */
#include "pack_pdf_int.h"

static void cloud_cells(struct pack *pk, size_t i)
{
	const struct pst_review_cloud *c = &pk->r->clouds[i];

	strbuf_addstr(pack_cell(pk, 0), c->cloud);
	pack_num(pack_cell(pk, 1), c->resources);
	pack_num(pack_cell(pk, 2), c->unhealthy);
	pack_num(pack_cell(pk, 3), c->healthy);
	pack_pct(pack_cell(pk, 4), c->healthy_pct);
	pack_num(pack_cell(pk, 5), c->remediated);
	pack_num(pack_cell(pk, 6), c->opened);
}

int pack_clouds(struct pack *pk)
{
	static const struct pst_pdf_col cols[] = {
		{"Cloud", 2, 0, PST_PDF_LEFT, 0},
		{"Resources", 0, 56, PST_PDF_RIGHT, 0},
		{"Open findings", 0, 64, PST_PDF_RIGHT, 0},
		{"Healthy", 0, 52, PST_PDF_RIGHT, 0},
		{"Healthy %", 0, 56, PST_PDF_RIGHT, 0},
		{"Verified fixes", 0, 64, PST_PDF_RIGHT, 0},
		{"Opened", 0, 48, PST_PDF_RIGHT, 0},
	};
	int rc;

	if (!pk->r->has_clouds || pk->team != PST_REVIEW_NO_TEAM)
		return PST_OK;
	rc = pack_subtitle(pk, "Findings by cloud");
	if (rc == PST_OK)
		rc = pack_say(pk, "Resources of other clouds and DevOps platforms come through their security connectors. "
		                  "Healthy % is the share of healthy assessments at the end of the period (the secure score "
		                  "itself is counted per subscription).");
	return rc ? rc : pack_table(pk, cols, PST_ARRAY_LEN(cols), 0, pk->r->nclouds, cloud_cells);
}
