/* rows.c: tables recognised from their column names, the column index,
 * and pst_row_emit, which hands a row to its table's normalizer. */
#include "rows.h"

#include <stdlib.h>
#include <string.h>

static const char *const column_names[PST_COL__COUNT] = {
#define X(e, s) s,
	PST_ROW_COLUMNS
#undef X
};

const char *pst_row_column_name(enum pst_col c)
{
	return (unsigned)c < PST_COL__COUNT ? column_names[c] : "";
}

#define MAX_MARKS 4

struct table_def {
	const char *name;
	row_fill_fn fill;
	enum pst_col markers[MAX_MARKS];  /* any one of them present identifies the table */
	size_t nmarkers;
	enum pst_col required[MAX_MARKS]; /* every row needs these columns */
	size_t nrequired;
};

static const struct table_def tables[PST_TABLE__COUNT] = {
	[PST_TABLE_UNKNOWN] = {"unknown", NULL, {0}, 0, {0}, 0},
	[PST_TABLE_PORTAL] = {"portal", pst_rows_portal,
		{PST_COL_EXPORTED_TIMESTAMP, PST_COL_AZURE_PORTAL_RECOMMENDATION_LINK, PST_COL_CONTROLS}, 3,
		{PST_COL_RECOMMENDATION_ID, PST_COL_RECOMMENDATION_NAME, PST_COL_STATE}, 3},
	[PST_TABLE_SECURITY_RECOMMENDATION] = {"SecurityRecommendation", pst_rows_recommendation,
		{PST_COL_RECOMMENDATION_STATE, PST_COL_ASSESSED_RESOURCE_ID}, 2, {0}, 0},
	[PST_TABLE_SECURE_SCORES] = {"SecureScores", pst_rows_scores,
		{PST_COL_SECURE_SCORES_SUBSCRIPTION_ID, PST_COL_CURRENT_SCORE}, 2, {0}, 0},
	[PST_TABLE_SECURE_SCORE_CONTROLS] = {"SecureScoreControls", pst_rows_controls,
		{PST_COL_CONTROL_ID, PST_COL_CONTROL_NAME}, 2, {PST_COL_CONTROL_ID}, 1},
	[PST_TABLE_SECURITY_ALERT] = {"SecurityAlert", pst_rows_alert,
		{PST_COL_SYSTEM_ALERT_ID, PST_COL_ALERT_NAME, PST_COL_ALERT_SEVERITY}, 3, {PST_COL_SYSTEM_ALERT_ID}, 1},
	[PST_TABLE_REGULATORY_COMPLIANCE] = {"SecurityRegulatoryCompliance", pst_rows_compliance,
		{PST_COL_COMPLIANCE_STANDARD, PST_COL_COMPLIANCE_CONTROL}, 2,
		{PST_COL_COMPLIANCE_STANDARD, PST_COL_COMPLIANCE_CONTROL}, 2},
	[PST_TABLE_NESTED_RECOMMENDATION] = {"SecurityNestedRecommendation", pst_rows_nested,
		{PST_COL_PARENT_RECOMMENDATION_ID, PST_COL_NESTED_RECOMMENDATION_ID}, 2, {0}, 0},
	[PST_TABLE_ATTACK_PATH] = {"SecurityAttackPathData", pst_rows_attack_path,
		{PST_COL_ATTACK_PATH_ID, PST_COL_ENTRYPOINT_ID}, 2, {PST_COL_ATTACK_PATH_ID}, 1},
};

/* Detection order: a table whose marker columns also appear in a later
 * table comes first (SecureScoreControls holds every SecureScores column,
 * the Log Analytics tables share Recommendation* names with the portal). */
static const enum pst_table detect_order[] = {
	PST_TABLE_ATTACK_PATH, PST_TABLE_NESTED_RECOMMENDATION, PST_TABLE_SECURE_SCORE_CONTROLS, PST_TABLE_SECURE_SCORES,
	PST_TABLE_SECURITY_ALERT, PST_TABLE_REGULATORY_COMPLIANCE, PST_TABLE_SECURITY_RECOMMENDATION,
	PST_TABLE_PORTAL,
};

const char *pst_table_name(enum pst_table t)
{
	return (unsigned)t < PST_TABLE__COUNT ? tables[t].name : "unknown";
}

/* The length of a column name without blanks and a "[UTC]" style suffix. */
static size_t name_len(const char *name, const char **start)
{
	const char *end;

	while (*name == ' ' || *name == '\t')
		name++;
	end = strchr(name, '[');
	if (!end)
		end = name + strlen(name);
	while (end > name && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	*start = name;
	return (size_t)(end - name);
}

static int compare_name(const char *s, size_t len, const char *col)
{
	int c = pst_strncasecmp(s, col, len);

	if (c == 0 && col[len] != '\0')
		return -1;
	return c;
}

static int find_column(const char *name)
{
	const char *s;
	size_t len = name_len(name, &s), lo = 0, hi = PST_COL__COUNT;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = compare_name(s, len, column_names[mid]);

		if (c == 0)
			return (int)mid;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}

void pst_row_index_build(struct pst_row_index *ix, const char *const *names, size_t n)
{
	size_t i;

	for (i = 0; i < PST_COL__COUNT; i++)
		ix->at[i] = -1;
	for (i = 0; i < n && i < INT16_MAX; i++) {
		int k = names[i] ? find_column(names[i]) : -1;

		if (k >= 0 && ix->at[k] < 0)
			ix->at[k] = (int16_t)i;
	}
}

static bool has_any(const struct pst_row_index *ix, const enum pst_col *cols, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (ix->at[cols[i]] >= 0)
			return true;
	return false;
}

static enum pst_table detect_indexed(const struct pst_row_index *ix)
{
	size_t i;

	for (i = 0; i < PST_ARRAY_LEN(detect_order); i++) {
		const struct table_def *d = &tables[detect_order[i]];

		if (has_any(ix, d->markers, d->nmarkers))
			return detect_order[i];
	}
	return PST_TABLE_UNKNOWN;
}

enum pst_table pst_table_detect(const char *const *names, size_t n)
{
	struct pst_row_index ix;

	pst_row_index_build(&ix, names, n);
	return detect_indexed(&ix);
}

const char *pst_table_missing(enum pst_table t, const struct pst_row_index *ix)
{
	const struct table_def *d;
	size_t i;

	if ((unsigned)t >= PST_TABLE__COUNT)
		return NULL;
	d = &tables[t];
	for (i = 0; i < d->nrequired; i++)
		if (ix->at[d->required[i]] < 0)
			return column_names[d->required[i]];
	return NULL;
}

static void row_release(struct row_ctx *c)
{
	size_t i;

	for (i = 0; i < c->nowned; i++)
		free(c->owned[i]);
	free(c->owned);
	for (i = 0; i < c->ntrees; i++)
		cJSON_Delete(c->trees[i]);
	free(c->trees);
}

int pst_row_emit_indexed(struct pst_file_ctx *fc, enum pst_table t, const struct pst_row *row,
                         const struct pst_row_index *ix, const struct pst_origin *at, struct pst_error *err)
{
	struct row_ctx c;
	int rc = PST_OK;

	if ((unsigned)t >= PST_TABLE__COUNT || !tables[t].fill) {
		pst_reject(fc, at, "a row of no known table");
		return PST_OK;
	}
	memset(&c, 0, sizeof(c));
	c.fc = fc;
	c.at = at;
	c.row = row;
	c.ix = ix;
	if (tables[t].fill(&c)) {
		if (at)
			c.rec.origin = *at;
		rc = pst_emit(fc, &c.rec, err);
	}
	row_release(&c);
	return rc;
}

int pst_row_emit(struct pst_file_ctx *fc, enum pst_table t, const struct pst_row *row,
                 const struct pst_origin *at, struct pst_error *err)
{
	struct pst_row_index ix;

	pst_row_index_build(&ix, row->names, row->n);
	return pst_row_emit_indexed(fc, t, row, &ix, at, err);
}
