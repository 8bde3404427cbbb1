/* xlsx_write.c: the cell writers every sheet uses. */
#include <math.h>
#include <string.h>
#include "xlsx_int.h"

/* Writes s as a string (never a formula), sanitized and cut to Excel's
 * limit; *seen (may be NULL) tracks the widest text for the column. */
int xlsx_put_text(struct pst_xlsx_book *book, lxw_worksheet *ws, uint32_t row, size_t col, const char *s,
                  lxw_format *fmt, unsigned *seen, struct pst_error *err)
{
	lxw_error e;

	strbuf_reset(&book->text);
	pst_xlsx_cell_text(&book->text, s ? s : "", s ? strlen(s) : 0);
	if (seen)
		*seen = xlsx_seen(*seen, strbuf_cstr(&book->text), book->text.len);
	if (book->text.len == 0 && !fmt)
		return PST_OK;
	e = worksheet_write_string(ws, row, (lxw_col_t)col, strbuf_cstr(&book->text), fmt);
	return e ? xlsx_lxw_fail(book, e, ws->name, row, col, err) : PST_OK;
}

/* Writes a number; NaN and infinities (which would corrupt the file) leave
 * the cell blank. */
int xlsx_put_number(struct pst_xlsx_book *book, lxw_worksheet *ws, uint32_t row, size_t col, double v,
                    lxw_format *fmt, struct pst_error *err)
{
	lxw_error e;

	if (!isfinite(v))
		e = fmt ? worksheet_write_blank(ws, row, (lxw_col_t)col, fmt) : LXW_NO_ERROR;
	else
		e = worksheet_write_number(ws, row, (lxw_col_t)col, v, fmt);
	return e ? xlsx_lxw_fail(book, e, ws->name, row, col, err) : PST_OK;
}
