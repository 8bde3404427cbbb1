/* json_la.c: Log Analytics JSON.  Row objects (`az monitor log-analytics
 * query`: an array of objects keyed by column name) and the query API's
 * {"tables":[{"columns":[{"name":...}],"rows":[[...]]}]} become struct
 * pst_row (cells as text; nested values as their JSON text) for the shared
 * row normalizers; the rows array is streamed one row at a time. */
#include "json_read.h"
#include "json_arena.h"

#include <stdlib.h>
#include <string.h>

void pst_jla_release(struct pst_jla *la)
{
	size_t i;

	for (i = 0; i < la->n; i++)
		free(la->names[i]);
	free(la->names);
	memset(la, 0, sizeof(*la));
}

/* Columns only Log Analytics tables have (a CE alert has SystemAlertId and
 * AlertType too, so those do not count). */
bool pst_jla_is_row(const cJSON *obj)
{
	static const char *const marks[] = {"RecommendationState", "AssessedResourceId", "SecureScoresSubscriptionId",
	                                    "CurrentScore", "ControlId", "AlertSeverity", "AlertName",
	                                    "ComplianceStandard", "ParentRecommendationId", "NestedRecommendationId",
	                                    "AttackPathId", "EntrypointId"};
	size_t i;

	for (i = 0; i < PST_ARRAY_LEN(marks); i++)
		if (pst_jget(obj, marks[i]))
			return true;
	return false;
}

/* The file's format says which table its rows are (first row wins). */
static void note_table(struct pst_jreader *r, enum pst_format f, enum pst_table table)
{
	enum pst_format cur = r->fc->rep->format;

	if (r->mem || r->la_table_set)
		return;
	if (f == PST_FMT_LA_JSON_ROWS && cur != PST_FMT_JSON_ARRAY && cur != PST_FMT_JSON_NDJSON &&
	    cur != PST_FMT_JSON_OBJECT)
		return; /* rows inside another wrapper keep its format */
	pst_set_format(r->fc, f, pst_table_name(table));
	r->format_set = true;
	r->la_table_set = true;
}

static int emit_row(struct pst_jreader *r, enum pst_table table, const struct pst_row *row,
                    const struct pst_origin *at, struct pst_error *err)
{
	if (table == PST_TABLE_UNKNOWN) {
		pst_warn(r->fc, at, "a Log Analytics row of no known table skipped");
		return PST_OK;
	}
	return pst_row_emit(r->fc, table, row, at, err);
}

static int row_object(struct pst_jreader *r, const cJSON *obj, const struct pst_origin *at, struct pst_error *err)
{
	struct pst_jtmp t = PST_JTMP_INIT;
	size_t n = (size_t)cJSON_GetArraySize(obj), i = 0;
	const char **names = pst_jtmp_alloc(&t, n * sizeof(*names));
	const char **values = pst_jtmp_alloc(&t, n * sizeof(*values));
	struct pst_row row;
	enum pst_table table;
	const cJSON *e;
	int rc;

	cJSON_ArrayForEach(e, obj) {
		names[i] = e->string ? e->string : "";
		values[i++] = pst_jcell(&t, e);
	}
	row.names = names;
	row.values = values;
	row.n = i;
	table = pst_table_detect(names, i);
	note_table(r, PST_FMT_LA_JSON_ROWS, table);
	rc = emit_row(r, table, &row, at, err);
	pst_jtmp_release(&t);
	return rc;
}

int pst_jreader_object(struct pst_jreader *r, const cJSON *obj, const struct pst_json_src *src, struct pst_error *err)
{
	if (pst_jla_is_row(obj))
		return row_object(r, obj, &src->at, err);
	return pst_json_record(r->fc, obj, src, err);
}

/* ---- the query API ---- */

static void add_column(struct pst_jla *la, const char *name)
{
	PST_GROW(la->names, la->alloc, la->n + 1);
	la->names[la->n++] = xstrdup(name ? name : "");
}

/* "columns": [{"name": ..., "type": ...}, ...], parsed whole (it is small). */
static int read_columns(struct pst_jreader *r, struct pst_error *err)
{
	struct pst_origin at;
	struct pst_jpos start;
	const cJSON *e;
	cJSON *cols;
	int rc;

	pst_jscan_pos(&r->sc, &start);
	strbuf_reset(&r->elem);
	rc = pst_jreader_scan(r, pst_jscan_value(&r->sc, &r->elem, PST_INGEST_MAX_ELEMENT, false, err));
	if (rc)
		return rc;
	pst_jreader_origin(r, &start, &at);
	pst_jla_release(&r->la);
	cols = pst_jreader_parse(r, &start, &at, r->sc.too_big);
	if (cJSON_IsArray(cols)) {
		cJSON_ArrayForEach(e, cols)
			add_column(&r->la, pst_jstr(e, "name"));
	}
	cJSON_Delete(cols);
	r->la.table = pst_table_detect((const char *const *)r->la.names, r->la.n);
	r->la.have_columns = true;
	note_table(r, PST_FMT_LA_QUERY_API, r->la.table);
	if (r->la.table == PST_TABLE_UNKNOWN)
		pst_warn(r->fc, &at, "a Log Analytics table of no known columns: its rows are skipped");
	return PST_OK;
}

/* One row: an array of cells in column order. */
static int row_array(struct pst_jreader *r, const struct pst_jpos *start, void *ctx, struct pst_error *err)
{
	struct pst_jtmp t = PST_JTMP_INIT;
	struct pst_origin at;
	struct pst_row row;
	const cJSON *e;
	cJSON *cells;
	const char **values;
	size_t i = 0;
	int rc = PST_OK;

	(void)ctx;
	pst_jreader_origin(r, start, &at);
	r->index++;
	if (r->la.table == PST_TABLE_UNKNOWN)
		return PST_OK;
	pst_jarena_begin(); /* the row's tree from the arena (json_arena.h) */
	cells = pst_jreader_parse(r, start, &at, r->sc.too_big);
	if (cells && !cJSON_IsArray(cells))
		pst_reject(r->fc, &at, "a Log Analytics row that is not an array");
	if (cJSON_IsArray(cells)) {
		values = pst_jtmp_alloc(&t, r->la.n * sizeof(*values));
		cJSON_ArrayForEach(e, cells) {
			if (i < r->la.n)
				values[i++] = pst_jcell(&t, e);
		}
		while (i < r->la.n)
			values[i++] = NULL;
		row.names = (const char *const *)r->la.names;
		row.values = values;
		row.n = r->la.n;
		rc = emit_row(r, r->la.table, &row, &at, err);
	}
	cJSON_Delete(cells);
	pst_jarena_end();
	pst_jtmp_release(&t);
	return rc;
}

static int table_member(struct pst_jreader *r, void *ctx, int c, struct pst_error *err)
{
	struct pst_jpos at;
	struct pst_origin o;

	(void)ctx;
	if (c == '[' && pst_streq_ci(r->key.buf, "columns"))
		return read_columns(r, err);
	if (c != '[' || !pst_streq_ci(r->key.buf, "rows"))
		return pst_jreader_skip_value(r, false, err);
	if (r->la.have_columns)
		return pst_jreader_list(r, row_array, NULL, err);
	pst_jscan_pos(&r->sc, &at);
	pst_jreader_origin(r, &at, &o);
	pst_warn(r->fc, &o, "Log Analytics \"rows\" before \"columns\": the table is skipped");
	return pst_jreader_skip_value(r, false, err);
}

static int table_item(struct pst_jreader *r, void *ctx, int c, struct pst_error *err)
{
	(void)ctx;
	pst_jla_release(&r->la);
	if (c != '{')
		return pst_jreader_skip_value(r, false, err);
	return pst_jreader_members(r, false, table_member, NULL, err);
}

int pst_jreader_tables(struct pst_jreader *r, struct pst_error *err)
{
	return pst_jreader_items(r, table_item, NULL, err);
}
