/* xlsx_int.h: what the xlsx_*.c files share; libxlsxwriter stays in here. */
#ifndef POSTURE_XLSX_INT_H
#define POSTURE_XLSX_INT_H

#include <xlsxwriter.h>
#include "posture/outfile.h"
#include "posture/xlsx_book.h"

/* Cell formats made once per book. */
struct xlsx_styles {
	lxw_format *header, *bold, *title, *critical, *high, *medium, *low, *flagged;
};

struct xlsx_numfmt {
	char *code;
	lxw_format *fmt;
};

struct pst_xlsx_book {
	lxw_workbook *wb;
	struct pst_outfile of;
	uint32_t max_rows;
	uint32_t max_links;
	int failed;                   /* status of the first failure, or 0 */
	struct xlsx_styles st;
	struct xlsx_numfmt *numfmts;  /* cached number formats */
	size_t nnumfmts, numfmts_alloc;
	char **names;                 /* sheet names in use */
	size_t nnames, names_alloc;
	struct pst_xlsx_table **tables;
	size_t ntables, tables_alloc;
	struct pst_xlsx_sheet **sheets;
	size_t nsheets, sheets_alloc;
	struct strbuf text;           /* scratch for cell text */
	struct strbuf url;            /* scratch for URLs */
};

struct xlsx_col {
	char *header;
	enum pst_xlsx_type type;
	lxw_format *fmt;  /* number or date format, or NULL */
	double width;     /* fixed width, or 0 */
	unsigned seen;    /* widest content, in characters (capped) */
};

struct pst_xlsx_table {
	struct pst_xlsx_book *book;
	char *base;             /* requested name, for continuation sheets */
	struct xlsx_col *cols;
	size_t ncols;
	lxw_worksheet *ws;      /* current sheet */
	const char *ws_name;    /* owned by book->names */
	unsigned nsheets;
	uint32_t sheet_rows;    /* data rows on the current sheet */
	uint64_t total_rows;
	uint32_t links;         /* hyperlinks on the current sheet */
	size_t next_col;
	bool in_row, ended;
};

#define XLSX_FREE_COLS (1 + PST_XLSX_MAX_SERIES)
struct pst_xlsx_sheet {
	struct pst_xlsx_book *book;
	lxw_worksheet *ws;
	const char *name;       /* owned by book->names */
	uint32_t row;           /* next row to write */
	unsigned seen[XLSX_FREE_COLS];
};

/* xlsx_book.c */
int xlsx_usable(struct pst_xlsx_book *book, struct pst_error *err);
int xlsx_lxw_fail(struct pst_xlsx_book *book, lxw_error e, const char *sheet, uint32_t row, size_t col,
                  struct pst_error *err);
int xlsx_misuse(struct pst_xlsx_book *book, struct pst_error *err, const char *fmt, ...) PST_PRINTF(3, 4);
lxw_format *xlsx_numfmt(struct pst_xlsx_book *book, const char *code);
int xlsx_new_sheet(struct pst_xlsx_book *book, const char *name, unsigned n, lxw_worksheet **ws,
                   const char **ws_name, struct pst_error *err);

/* xlsx_text.c */
size_t xlsx_units(const char *s, size_t len, size_t cap);
bool xlsx_url_prepare(struct strbuf *out, const char *url);
const char *xlsx_plain_title(struct strbuf *out, const char *s);
unsigned xlsx_seen(unsigned seen, const char *s, size_t len);
void xlsx_set_width(lxw_worksheet *ws, size_t c, unsigned seen, const struct xlsx_col *col);

/* xlsx_write.c: cell writers shared by tables and free sheets */
int xlsx_put_text(struct pst_xlsx_book *book, lxw_worksheet *ws, uint32_t row, size_t col, const char *s,
                  lxw_format *fmt, unsigned *seen, struct pst_error *err);
int xlsx_put_number(struct pst_xlsx_book *book, lxw_worksheet *ws, uint32_t row, size_t col, double v,
                    lxw_format *fmt, struct pst_error *err);

/* xlsx_table.c */
int xlsx_table_finish(struct pst_xlsx_table *t, struct pst_error *err);
void xlsx_table_free(struct pst_xlsx_table *t);

/* xlsx_sheet.c */
void xlsx_sheet_finish(struct pst_xlsx_sheet *s);

#endif
