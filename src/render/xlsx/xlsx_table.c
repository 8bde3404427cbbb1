/* xlsx_table.c: table sheets: header, rows in order, continuation sheets. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "xlsx_int.h"

#define MAX_COLS 1000

static const char *default_numfmt(enum pst_xlsx_type type)
{
	if (type == PST_XLSX_INTEGER)
		return "0";
	if (type == PST_XLSX_DATE)
		return PST_XLSX_FMT_DATE;
	return NULL;
}

static void copy_cols(struct pst_xlsx_table *t, const struct pst_xlsx_column *cols, size_t ncols)
{
	size_t c;

	t->cols = xcalloc(ncols, sizeof(*t->cols));
	t->ncols = ncols;
	for (c = 0; c < ncols; c++) {
		struct xlsx_col *col = &t->cols[c];
		const char *code = cols[c].num_format ? cols[c].num_format : default_numfmt(cols[c].type);

		col->header = xstrdup(cols[c].header ? cols[c].header : "");
		col->type = cols[c].type;
		col->width = cols[c].width;
		if (cols[c].type == PST_XLSX_INTEGER || cols[c].type == PST_XLSX_NUMBER ||
		    cols[c].type == PST_XLSX_DATE)
			col->fmt = xlsx_numfmt(t->book, code);
	}
}

/* Opens the table's next sheet and writes the frozen header row. */
static int sheet_start(struct pst_xlsx_table *t, struct pst_error *err)
{
	struct pst_xlsx_book *book = t->book;
	size_t c;
	int rc = xlsx_new_sheet(book, t->base, t->nsheets + 1, &t->ws, &t->ws_name, err);

	if (rc)
		return rc;
	t->nsheets++;
	t->sheet_rows = 0;
	t->links = 0;
	worksheet_freeze_panes(t->ws, 1, 0);
	for (c = 0; c < t->ncols && rc == PST_OK; c++)
		rc = xlsx_put_text(book, t->ws, 0, c, t->cols[c].header, book->st.header, NULL, err);
	return rc;
}

int pst_xlsx_table_begin(struct pst_xlsx_book *book, const char *name, const struct pst_xlsx_column *cols,
                         size_t ncols, struct pst_xlsx_table **out, struct pst_error *err)
{
	struct pst_xlsx_table *t;
	int rc = xlsx_usable(book, err);

	*out = NULL;
	if (rc)
		return rc;
	if (ncols == 0 || ncols > MAX_COLS)
		return xlsx_misuse(book, err, "table '%s': %zu columns (1 to %d)", name ? name : "", ncols, MAX_COLS);
	t = xcalloc(1, sizeof(*t));
	t->book = book;
	t->base = xstrdup(name ? name : "");
	copy_cols(t, cols, ncols);
	PST_GROW(book->tables, book->tables_alloc, book->ntables + 1);
	book->tables[book->ntables++] = t;
	rc = sheet_start(t, err);
	if (rc == PST_OK)
		*out = t;
	return rc;
}

static lxw_error severity_formats(struct pst_xlsx_table *t, size_t c)
{
	static const char *const names[] = {"\"Critical\"", "\"High\"", "\"Medium\"", "\"Low\""};
	lxw_format *fmts[] = {t->book->st.critical, t->book->st.high, t->book->st.medium, t->book->st.low};
	lxw_conditional_format cf;
	size_t i;
	lxw_error e = LXW_NO_ERROR;

	for (i = 0; i < PST_ARRAY_LEN(names) && !e; i++) {
		memset(&cf, 0, sizeof(cf));
		cf.type = LXW_CONDITIONAL_TYPE_CELL;
		cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
		cf.value_string = (char *)names[i];
		cf.format = fmts[i];
		e = worksheet_conditional_format_range(t->ws, 1, (lxw_col_t)c, t->sheet_rows, (lxw_col_t)c, &cf);
	}
	return e;
}

/* Highlights every row whose flag column c is TRUE. */
static lxw_error flag_format(struct pst_xlsx_table *t, size_t c)
{
	char col[LXW_MAX_COL_NAME_LENGTH], formula[32];
	lxw_conditional_format cf;

	lxw_col_to_name(col, (lxw_col_t)c, LXW_TRUE);
	snprintf(formula, sizeof(formula), "=%s2=TRUE", col);
	memset(&cf, 0, sizeof(cf));
	cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
	cf.value_string = formula;
	cf.format = t->book->st.flagged;
	return worksheet_conditional_format_range(t->ws, 1, 0, t->sheet_rows, (lxw_col_t)(t->ncols - 1), &cf);
}

/* Finishes the current sheet: autofilter over the rows written,
 * conditional formats, column widths. */
int xlsx_table_finish(struct pst_xlsx_table *t, struct pst_error *err)
{
	lxw_error e = worksheet_autofilter(t->ws, 0, 0, t->sheet_rows, (lxw_col_t)(t->ncols - 1));
	size_t c;

	for (c = 0; c < t->ncols && !e && t->sheet_rows > 0; c++) {
		if (t->cols[c].type == PST_XLSX_SEVERITY)
			e = severity_formats(t, c);
		else if (t->cols[c].type == PST_XLSX_FLAG)
			e = flag_format(t, c);
	}
	for (c = 0; c < t->ncols; c++)
		xlsx_set_width(t->ws, c, t->cols[c].seen, &t->cols[c]);
	return e ? xlsx_lxw_fail(t->book, e, t->ws_name, t->sheet_rows, 0, err) : PST_OK;
}

int pst_xlsx_table_end(struct pst_xlsx_table *t, struct pst_error *err)
{
	int rc = xlsx_usable(t->book, err);

	if (rc)
		return rc;
	if (t->in_row || t->ended)
		return xlsx_misuse(t->book, err, "sheet '%s': table ended %s", t->ws_name,
		                   t->ended ? "twice" : "inside a row");
	t->ended = true;
	return xlsx_table_finish(t, err);
}

int pst_xlsx_row_begin(struct pst_xlsx_table *t, struct pst_error *err)
{
	int rc = xlsx_usable(t->book, err);

	if (rc)
		return rc;
	if (t->in_row || t->ended)
		return xlsx_misuse(t->book, err, "sheet '%s': row begun %s", t->ws_name,
		                   t->ended ? "after the table ended" : "twice");
	if (t->sheet_rows == t->book->max_rows) {
		rc = xlsx_table_finish(t, err);
		if (rc == PST_OK)
			rc = sheet_start(t, err);
		if (rc)
			return rc;
	}
	t->sheet_rows++;
	t->total_rows++;
	t->next_col = 0;
	t->in_row = true;
	return PST_OK;
}

int pst_xlsx_row_end(struct pst_xlsx_table *t, struct pst_error *err)
{
	int rc = xlsx_usable(t->book, err);

	if (rc == PST_OK && !t->in_row)
		rc = xlsx_misuse(t->book, err, "sheet '%s': row ended outside a row", t->ws_name);
	t->in_row = false;
	return rc;
}

uint64_t pst_xlsx_table_rows(const struct pst_xlsx_table *t)
{
	return t->total_rows;
}

unsigned pst_xlsx_table_sheets(const struct pst_xlsx_table *t)
{
	return t->nsheets;
}

void xlsx_table_free(struct pst_xlsx_table *t)
{
	size_t c;

	for (c = 0; c < t->ncols; c++)
		free(t->cols[c].header);
	free(t->cols);
	free(t->base);
	free(t);
}
