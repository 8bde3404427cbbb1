/* xlsx_sheet.c: free sheets: a title, key figures, data blocks, charts. */
#include <math.h>
#include <stdlib.h>
#include "xlsx_int.h"

#define VALUE_WIDTH 12u

int pst_xlsx_sheet_add(struct pst_xlsx_book *book, const char *name, struct pst_xlsx_sheet **out,
                       struct pst_error *err)
{
	struct pst_xlsx_sheet *s;
	int rc = xlsx_usable(book, err);

	*out = NULL;
	if (rc)
		return rc;
	s = xcalloc(1, sizeof(*s));
	s->book = book;
	PST_GROW(book->sheets, book->sheets_alloc, book->nsheets + 1);
	book->sheets[book->nsheets++] = s;
	rc = xlsx_new_sheet(book, name, 1, &s->ws, &s->name, err);
	if (rc == PST_OK)
		*out = s;
	return rc;
}

void xlsx_sheet_finish(struct pst_xlsx_sheet *s)
{
	size_t c;

	for (c = 0; c < XLSX_FREE_COLS && s->ws; c++)
		if (s->seen[c])
			xlsx_set_width(s->ws, c, s->seen[c], NULL);
}

static int text_at(struct pst_xlsx_sheet *s, size_t col, const char *text, lxw_format *fmt,
                   struct pst_error *err)
{
	return xlsx_put_text(s->book, s->ws, s->row, col, text, fmt, &s->seen[col], err);
}

static int number_at(struct pst_xlsx_sheet *s, size_t col, double v, const char *num_format,
                     struct pst_error *err)
{
	if (s->seen[col] < VALUE_WIDTH)
		s->seen[col] = VALUE_WIDTH;
	return xlsx_put_number(s->book, s->ws, s->row, col, v, xlsx_numfmt(s->book, num_format), err);
}

int pst_xlsx_sheet_title(struct pst_xlsx_sheet *s, const char *title, struct pst_error *err)
{
	int rc = xlsx_usable(s->book, err);

	if (rc == PST_OK) /* a long title may run over the next columns */
		rc = xlsx_put_text(s->book, s->ws, s->row, 0, title, s->book->st.title, NULL, err);
	s->row += 2;
	return rc;
}

int pst_xlsx_sheet_skip(struct pst_xlsx_sheet *s, unsigned rows, struct pst_error *err)
{
	int rc = xlsx_usable(s->book, err);

	s->row += rows;
	return rc;
}

int pst_xlsx_keyfig(struct pst_xlsx_sheet *s, const char *label, double value, const char *num_format,
                    struct pst_error *err)
{
	int rc = xlsx_usable(s->book, err);

	if (rc == PST_OK)
		rc = text_at(s, 0, label, s->book->st.bold, err);
	if (rc == PST_OK)
		rc = number_at(s, 1, value, num_format, err);
	s->row++;
	return rc;
}

int pst_xlsx_keyfig_text(struct pst_xlsx_sheet *s, const char *label, const char *value,
                         struct pst_error *err)
{
	int rc = xlsx_usable(s->book, err);

	if (rc == PST_OK)
		rc = text_at(s, 0, label, s->book->st.bold, err);
	if (rc == PST_OK)
		rc = text_at(s, 1, value, NULL, err);
	s->row++;
	return rc;
}

int pst_xlsx_data_begin(struct pst_xlsx_sheet *s, const char *category_header, const char *const *series,
                        size_t nseries, struct pst_xlsx_data *out, struct pst_error *err)
{
	size_t i;
	int rc = xlsx_usable(s->book, err);

	if (rc)
		return rc;
	if (nseries == 0 || nseries > PST_XLSX_MAX_SERIES)
		return xlsx_misuse(s->book, err, "sheet '%s': %zu chart series (1 to %d)", s->name, nseries,
		                   PST_XLSX_MAX_SERIES);
	out->sheet = s;
	out->header_row = s->row;
	out->rows = 0;
	out->nseries = nseries;
	rc = text_at(s, 0, category_header, s->book->st.header, err);
	for (i = 0; i < nseries && rc == PST_OK; i++)
		rc = text_at(s, i + 1, series[i], s->book->st.header, err);
	s->row++;
	return rc;
}

int pst_xlsx_data_row(struct pst_xlsx_data *d, const char *category, const double *values,
                      const char *num_format, struct pst_error *err)
{
	struct pst_xlsx_sheet *s = d->sheet;
	size_t i;
	int rc = xlsx_usable(s->book, err);

	if (rc == PST_OK && s->row != d->header_row + d->rows + 1)
		rc = xlsx_misuse(s->book, err, "sheet '%s': data block interrupted", s->name);
	if (rc == PST_OK)
		rc = text_at(s, 0, category, NULL, err);
	for (i = 0; i < d->nseries && rc == PST_OK; i++)
		rc = number_at(s, i + 1, values[i], num_format, err);
	s->row++;
	d->rows++;
	return rc;
}
