/* xlsx_cell.c: adding the cells of a table row, in column order. */
#include <stdio.h>
#include <string.h>
#include "xlsx_int.h"

#define BOOL_FORMAT "\"TRUE\";\"TRUE\";\"FALSE\""
#define EXACT_INT INT64_C(9007199254740992) /* 2^53: larger integers go as text */

enum kind { K_TEXT, K_NUM, K_DATE, K_BOOL, K_LINK, K_BLANK };

static bool fits(enum kind k, enum pst_xlsx_type type)
{
	switch (k) {
	case K_NUM:
		return type == PST_XLSX_INTEGER || type == PST_XLSX_NUMBER;
	case K_DATE:
		return type == PST_XLSX_DATE;
	case K_BOOL:
		return type == PST_XLSX_BOOL || type == PST_XLSX_FLAG;
	case K_LINK:
		return type == PST_XLSX_LINK;
	default:
		return true;
	}
}

/* The next column of the row, checked against kind k. */
static int next_cell(struct pst_xlsx_table *t, enum kind k, struct xlsx_col **col, struct pst_error *err)
{
	int rc = xlsx_usable(t->book, err);

	if (rc)
		return rc;
	if (!t->in_row)
		return xlsx_misuse(t->book, err, "sheet '%s': cell added outside a row", t->ws_name);
	if (t->next_col >= t->ncols)
		return xlsx_misuse(t->book, err, "sheet '%s' row %lu: more cells than the %zu columns", t->ws_name,
		                   (unsigned long)t->sheet_rows + 1, t->ncols);
	*col = &t->cols[t->next_col];
	if (!fits(k, (*col)->type))
		return xlsx_misuse(t->book, err, "sheet '%s' column '%s': value of the wrong type", t->ws_name,
		                   (*col)->header);
	t->next_col++;
	return PST_OK;
}

static int put_text(struct pst_xlsx_table *t, struct xlsx_col *col, const char *s, struct pst_error *err)
{
	return xlsx_put_text(t->book, t->ws, t->sheet_rows, (size_t)(col - t->cols), s, NULL, &col->seen, err);
}

static int put_number(struct pst_xlsx_table *t, struct xlsx_col *col, double v, unsigned width,
                      struct pst_error *err)
{
	if (width > col->seen)
		col->seen = width;
	return xlsx_put_number(t->book, t->ws, t->sheet_rows, (size_t)(col - t->cols), v, col->fmt, err);
}

int pst_xlsx_add_text(struct pst_xlsx_table *t, const char *s, struct pst_error *err)
{
	struct xlsx_col *col;
	int rc = next_cell(t, K_TEXT, &col, err);

	return rc ? rc : put_text(t, col, s, err);
}

int pst_xlsx_add_int(struct pst_xlsx_table *t, int64_t v, struct pst_error *err)
{
	struct xlsx_col *col;
	char buf[32];
	int n, rc = next_cell(t, K_NUM, &col, err);

	if (rc)
		return rc;
	n = snprintf(buf, sizeof(buf), "%lld", (long long)v);
	if (v > EXACT_INT || v < -EXACT_INT)
		return put_text(t, col, buf, err);
	return put_number(t, col, (double)v, (unsigned)n, err);
}

int pst_xlsx_add_number(struct pst_xlsx_table *t, double v, struct pst_error *err)
{
	struct xlsx_col *col;
	int rc = next_cell(t, K_NUM, &col, err);

	return rc ? rc : put_number(t, col, v, 8, err);
}

int pst_xlsx_add_date(struct pst_xlsx_table *t, pst_time v, struct pst_error *err)
{
	struct xlsx_col *col;
	char buf[PST_TIME_BUF];
	double serial;
	int rc = next_cell(t, K_DATE, &col, err);

	if (rc || v == PST_TIME_NONE)
		return rc;
	if (!pst_xlsx_serial(v, &serial)) /* outside Excel's dates: keep it readable */
		return put_text(t, col, pst_date_format(v, buf, sizeof(buf)), err);
	return put_number(t, col, serial, 10, err);
}

int pst_xlsx_add_bool(struct pst_xlsx_table *t, bool v, struct pst_error *err)
{
	struct xlsx_col *col;
	lxw_error e;
	int rc = next_cell(t, K_BOOL, &col, err);

	if (rc)
		return rc;
	if (col->seen < 5)
		col->seen = 5;
	/* A number format that names both values: LibreOffice shows a FALSE
	 * cell of a highlighted row (conditional format) as 0 without it. */
	e = worksheet_write_boolean(t->ws, t->sheet_rows, (lxw_col_t)(col - t->cols), v,
	                            xlsx_numfmt(t->book, BOOL_FORMAT));
	return e ? xlsx_lxw_fail(t->book, e, t->ws_name, t->sheet_rows, (size_t)(col - t->cols), err) : PST_OK;
}

/* Writes the hyperlink, or says (by LXW_ERROR_PARAMETER_VALIDATION without
 * writing) that it must stay text. */
static lxw_error put_link(struct pst_xlsx_table *t, struct xlsx_col *col, const char *url, const char *text)
{
	struct pst_xlsx_book *book = t->book;
	lxw_col_t c = (lxw_col_t)(col - t->cols);
	lxw_error e;

	if (t->links >= book->max_links || !xlsx_url_prepare(&book->url, url))
		return LXW_ERROR_PARAMETER_VALIDATION;
	strbuf_reset(&book->text);
	pst_xlsx_cell_text(&book->text, text, strlen(text));
	col->seen = xlsx_seen(col->seen, book->text.buf, book->text.len);
	e = worksheet_write_url_opt(t->ws, t->sheet_rows, c, book->url.buf, NULL, book->text.buf, NULL);
	if (e == LXW_NO_ERROR)
		t->links++;
	if (e == LXW_ERROR_WORKSHEET_MAX_URL_LENGTH_EXCEEDED || e == LXW_ERROR_WORKSHEET_MAX_NUMBER_URLS_EXCEEDED)
		return LXW_ERROR_PARAMETER_VALIDATION;
	return e;
}

int pst_xlsx_add_link(struct pst_xlsx_table *t, const char *url, const char *text, struct pst_error *err)
{
	struct xlsx_col *col;
	lxw_error e;
	int rc = next_cell(t, K_LINK, &col, err);

	if (rc)
		return rc;
	if (!url || !*url)
		return put_text(t, col, text, err);
	e = put_link(t, col, url, text && *text ? text : url);
	if (e == LXW_ERROR_PARAMETER_VALIDATION)
		return put_text(t, col, url, err);
	return e ? xlsx_lxw_fail(t->book, e, t->ws_name, t->sheet_rows, (size_t)(col - t->cols), err) : PST_OK;
}

int pst_xlsx_add_blank(struct pst_xlsx_table *t, struct pst_error *err)
{
	struct xlsx_col *col;

	return next_cell(t, K_BLANK, &col, err);
}
