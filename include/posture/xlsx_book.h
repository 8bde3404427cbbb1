/* xlsxbook.h: a workbook toolkit on libxlsxwriter that stays correct at any size.
 *
 * A book is written to a temporary name and renamed into place by
 * pst_xlsx_book_close; on any failure (or pst_xlsx_book_abort) no file is left.
 * Everything is written top to bottom, row by row, so the same code works in
 * libxlsxwriter's constant-memory mode (which flushes each row once the next
 * one starts and forbids Excel tables; this toolkit uses neither tables nor
 * out-of-order rows, and sets autofilters, conditional formats and column
 * widths when a sheet is finished).
 *
 * Two kinds of sheet:
 *  - a table (pst_xlsx_table_*): a bold, filled, bordered header row, frozen,
 *    an autofilter over the written range, widths from the content; rows are
 *    added with row_begin, one add_* per column in order, row_end.  Past
 *    max_rows data rows the table continues on "NAME (2)", "NAME (3)", ...
 *    with the same header: never truncated.
 *  - a free sheet (pst_xlsx_sheet_*): a title, key figures (label / value),
 *    data blocks and native charts over those blocks.
 *
 * Text: every string goes through pst_utf8_sanitize, is cut at Excel's
 * 32,767 characters with the marker PST_XLSX_CUT_MARK, and is written as a
 * string (never a formula: "=1+1" stays text).
 *
 * Ownership: the book owns every table and sheet it hands out; they stay
 * valid until pst_xlsx_book_close or pst_xlsx_book_abort, which free all.
 * Strings passed in are borrowed for the call only.  Every function returns
 * an enum pst_status and fills err; after a failure the book only accepts
 * pst_xlsx_book_abort (close on a failed book aborts and returns the error).
 */
#ifndef POSTURE_XLSXBOOK_H
#define POSTURE_XLSXBOOK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "posture/common.h"
#include "posture/strbuf.h"
#include "posture/timeutil.h"

struct pst_xlsx_book;  /* opaque */
struct pst_xlsx_table; /* opaque, owned by the book */
struct pst_xlsx_sheet; /* opaque, owned by the book */

/* Excel's limits. */
#define PST_XLSX_MAX_ROWS 1048575u     /* data rows under a header row */
#define PST_XLSX_MAX_TEXT 32767u       /* UTF-16 units per cell */
#define PST_XLSX_MAX_URL 2079u         /* characters per URL (escaped) */
#define PST_XLSX_MAX_LINKS 65530u      /* hyperlinks per sheet */
#define PST_XLSX_MAX_SHEETNAME 31u
#define PST_XLSX_CUT_MARK "\xE2\x80\xA6 [cut]"

/* Number formats worth sharing. */
#define PST_XLSX_FMT_SCORE "0.00"
#define PST_XLSX_FMT_PERCENT "0.0%"
#define PST_XLSX_FMT_COUNT "#,##0"
#define PST_XLSX_FMT_DATE "yyyy-mm-dd"

/* Readable severity colours (fill) for cells and chart series, 0xRRGGBB. */
#define PST_XLSX_COLOR_CRITICAL 0xE06666u
#define PST_XLSX_COLOR_HIGH 0xF4B6B6u
#define PST_XLSX_COLOR_MEDIUM 0xFFE08Au
#define PST_XLSX_COLOR_LOW 0xBDD7EEu

/* A table above this many rows is better written in constant-memory mode
 * (libxlsxwriter otherwise keeps every cell: 200,000 rows of ten columns
 * took 344 MB, against 7 MB in constant memory). */
#define PST_XLSX_CONSTANT_MEMORY_ROWS 100000u

struct pst_xlsx_options {
	const char *title;      /* document title; NULL = none */
	pst_time created;       /* document creation time: required, never "now" */
	bool constant_memory;   /* libxlsxwriter constant-memory mode */
	bool zip64;             /* ZIP64 for parts over 4 GB (very large books) */
	uint32_t max_rows;      /* data rows per sheet; 0 = PST_XLSX_MAX_ROWS */
	uint32_t max_links;     /* hyperlinks per sheet; 0 = PST_XLSX_MAX_LINKS.  Each
	                         * costs libxlsxwriter about 2.5 KB until the close
	                         * (65,530 links: about 170 MB peak): a big book may
	                         * want fewer. */
	const char *tmpdir;     /* libxlsxwriter's temporary files; NULL = default */
};

enum pst_xlsx_type {
	PST_XLSX_TEXT,
	PST_XLSX_INTEGER,  /* add_int (or add_number); format "0" unless given */
	PST_XLSX_NUMBER,   /* add_number; num_format like "0.0" or "0.00%" */
	PST_XLSX_DATE,     /* add_date: a real Excel date, "yyyy-mm-dd" unless given */
	PST_XLSX_BOOL,     /* add_bool */
	PST_XLSX_LINK,     /* add_link: a hyperlink within Excel's limits, else text */
	PST_XLSX_SEVERITY, /* add_text: Critical / High / Medium / Low coloured */
	PST_XLSX_FLAG      /* add_bool: rows where it is TRUE are highlighted */
};

struct pst_xlsx_column {
	const char *header;
	enum pst_xlsx_type type;
	const char *num_format; /* NULL = the type's default */
	double width;           /* 0 = from the header and the content */
};

/* Opens PATH (its folder is created) on a temporary name.  opt is copied. */
int pst_xlsx_book_open(struct pst_xlsx_book **out, const char *path, const struct pst_xlsx_options *opt,
                       struct pst_error *err);
/* Finishes every sheet, writes the file and renames it into place; frees
 * the book whatever happens.  On failure no file is left. */
int pst_xlsx_book_close(struct pst_xlsx_book *book, struct pst_error *err);
/* Frees the book and removes its temporary file (NULL is fine). */
void pst_xlsx_book_abort(struct pst_xlsx_book *book);

/* Starts a table on a new sheet named after name (sanitized, made unique).
 * cols (ncols of them, 1..1000) is copied. */
int pst_xlsx_table_begin(struct pst_xlsx_book *book, const char *name, const struct pst_xlsx_column *cols,
                         size_t ncols, struct pst_xlsx_table **out, struct pst_error *err);
int pst_xlsx_row_begin(struct pst_xlsx_table *t, struct pst_error *err);
/* One call per column, in column order; columns not added stay blank.
 * Text may go in any column; the others must match the column type. */
int pst_xlsx_add_text(struct pst_xlsx_table *t, const char *s, struct pst_error *err);
int pst_xlsx_add_int(struct pst_xlsx_table *t, int64_t v, struct pst_error *err);
int pst_xlsx_add_number(struct pst_xlsx_table *t, double v, struct pst_error *err); /* NaN/inf: blank */
int pst_xlsx_add_date(struct pst_xlsx_table *t, pst_time v, struct pst_error *err); /* NONE: blank */
int pst_xlsx_add_bool(struct pst_xlsx_table *t, bool v, struct pst_error *err);
/* url without a scheme gets https://; text NULL = the url.  Past the per-sheet
 * link limit (max_links), or for a URL too long or with another scheme, the cell holds
 * the url as plain text. */
int pst_xlsx_add_link(struct pst_xlsx_table *t, const char *url, const char *text, struct pst_error *err);
int pst_xlsx_add_blank(struct pst_xlsx_table *t, struct pst_error *err);
int pst_xlsx_row_end(struct pst_xlsx_table *t, struct pst_error *err);
/* Finishes the last sheet of the table (also done by book_close). */
int pst_xlsx_table_end(struct pst_xlsx_table *t, struct pst_error *err);
/* Data rows written so far, and sheets used. */
uint64_t pst_xlsx_table_rows(const struct pst_xlsx_table *t);
unsigned pst_xlsx_table_sheets(const struct pst_xlsx_table *t);

/* A free sheet, written from the top: each call below takes the next rows. */
int pst_xlsx_sheet_add(struct pst_xlsx_book *book, const char *name, struct pst_xlsx_sheet **out,
                       struct pst_error *err);
int pst_xlsx_sheet_title(struct pst_xlsx_sheet *s, const char *title, struct pst_error *err);
int pst_xlsx_sheet_skip(struct pst_xlsx_sheet *s, unsigned rows, struct pst_error *err);
/* One key-figure row: label in bold, value with num_format (NULL = General). */
int pst_xlsx_keyfig(struct pst_xlsx_sheet *s, const char *label, double value, const char *num_format,
                    struct pst_error *err);
int pst_xlsx_keyfig_text(struct pst_xlsx_sheet *s, const char *label, const char *value, struct pst_error *err);

/* A data block for charts: a header row (category header, series names),
 * then one row per category.  Filled by data_begin and data_row; read by
 * pst_xlsx_chart_add.  A plain descriptor: the sheet keeps the data. */
#define PST_XLSX_MAX_SERIES 16
struct pst_xlsx_data {
	struct pst_xlsx_sheet *sheet; /* borrowed */
	uint32_t header_row;          /* 0-based */
	uint32_t rows;                /* categories written */
	size_t nseries;
};
int pst_xlsx_data_begin(struct pst_xlsx_sheet *s, const char *category_header, const char *const *series,
                        size_t nseries, struct pst_xlsx_data *out, struct pst_error *err);
/* values: nseries numbers (NaN = no value); num_format NULL = General. */
int pst_xlsx_data_row(struct pst_xlsx_data *d, const char *category, const double *values,
                      const char *num_format, struct pst_error *err);

/* BAR_STACKED: horizontal stacked bars, categories top to bottom in block
 * order (long labels stay level); y_title names the value axis. */
enum pst_xlsx_chart_kind {
	PST_XLSX_CHART_LINE,
	PST_XLSX_CHART_COLUMN,
	PST_XLSX_CHART_COLUMN_STACKED,
	PST_XLSX_CHART_BAR_STACKED
};

struct pst_xlsx_chart_spec {
	enum pst_xlsx_chart_kind kind;
	const char *title;
	const char *x_title;    /* NULL = none */
	const char *y_title;    /* NULL = none */
	const uint32_t *colors; /* one 0xRRGGBB per series, or NULL for Excel's */
	uint32_t row;           /* top-left anchor cell (0-based) on the sheet */
	uint16_t col;
	double y_scale;         /* its height, times the default (0: 1) */
};
/* Inserts a native chart of block d on d's sheet (the block needs a row). */
int pst_xlsx_chart_add(const struct pst_xlsx_data *d, const struct pst_xlsx_chart_spec *spec,
                       struct pst_error *err);

/* Helpers, public for tests and callers that name things. */
/* Appends s (len bytes) sanitized and cut to Excel's cell limit. */
void pst_xlsx_cell_text(struct strbuf *out, const char *s, size_t len);
/* Appends a valid sheet name for name: no []:*?/\, no leading or trailing
 * quote, not "History", not empty, at most 31 characters including suffix
 * (" (2)" for n == 2, none for n <= 1). */
void pst_xlsx_sheet_name(struct strbuf *out, const char *name, unsigned n);
/* Excel serial day number for t (1900 date system); false before 1900-03-01. */
bool pst_xlsx_serial(pst_time t, double *out);

#endif
