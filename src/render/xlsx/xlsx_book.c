/* xlsx_book.c: the workbook: temporary file, properties, styles, sheet names. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "xlsx_int.h"

#define HEADER_FILL 0xD9E1F2
#define FLAG_FILL 0xFCE4D6
#define DARK_RED 0x9C0006
#define DARK_AMBER 0x7F5F00
#define DARK_BLUE 0x1F3864

static lxw_format *fill_format(lxw_workbook *wb, uint32_t fill, uint32_t font)
{
	lxw_format *f = workbook_add_format(wb);

	format_set_bg_color(f, fill);
	format_set_font_color(f, font);
	return f;
}

static void make_styles(struct pst_xlsx_book *book)
{
	struct xlsx_styles *st = &book->st;

	st->header = workbook_add_format(book->wb);
	format_set_bold(st->header);
	format_set_bg_color(st->header, HEADER_FILL);
	format_set_border(st->header, LXW_BORDER_THIN);
	format_set_text_wrap(st->header);
	format_set_align(st->header, LXW_ALIGN_VERTICAL_TOP);
	st->bold = workbook_add_format(book->wb);
	format_set_bold(st->bold);
	st->title = workbook_add_format(book->wb);
	format_set_bold(st->title);
	format_set_font_size(st->title, 14);
	st->critical = fill_format(book->wb, PST_XLSX_COLOR_CRITICAL, DARK_RED);
	format_set_bold(st->critical);
	st->high = fill_format(book->wb, PST_XLSX_COLOR_HIGH, DARK_RED);
	st->medium = fill_format(book->wb, PST_XLSX_COLOR_MEDIUM, DARK_AMBER);
	st->low = fill_format(book->wb, PST_XLSX_COLOR_LOW, DARK_BLUE);
	st->flagged = fill_format(book->wb, FLAG_FILL, DARK_RED);
}

static int set_properties(struct pst_xlsx_book *book, const struct pst_xlsx_options *opt,
                          struct pst_error *err)
{
	lxw_doc_properties props;
	lxw_error e;

	/* libxlsxwriter takes created == 0 as "now": refuse it, and NONE. */
	if (opt->created == PST_TIME_NONE || opt->created < 1000)
		return xlsx_misuse(book, err, "a creation time after 1970 is required");
	memset(&props, 0, sizeof(props));
	props.title = (char *)(opt->title ? opt->title : "");
	props.author = (char *)"posture";
	props.created = (time_t)(opt->created / 1000);
	e = workbook_set_properties(book->wb, &props);
	return e ? xlsx_lxw_fail(book, e, NULL, 0, 0, err) : PST_OK;
}

static uint32_t limit(uint32_t asked, uint32_t excel)
{
	return asked && asked < excel ? asked : excel;
}

static lxw_workbook *start_workbook(struct pst_xlsx_book *book, const struct pst_xlsx_options *opt)
{
	lxw_workbook_options lopt = {0};

	lopt.constant_memory = opt->constant_memory ? LXW_TRUE : LXW_FALSE;
	lopt.use_zip64 = opt->zip64 ? LXW_TRUE : LXW_FALSE;
	lopt.tmpdir = (char *)opt->tmpdir;
	return workbook_new_opt(book->of.tmp_path, &lopt);
}

int pst_xlsx_book_open(struct pst_xlsx_book **out, const char *path, const struct pst_xlsx_options *opt,
                       struct pst_error *err)
{
	struct pst_xlsx_book *book = xcalloc(1, sizeof(*book));
	int rc;

	*out = NULL;
	rc = pst_outfile_open_name(&book->of, path, err);
	if (rc) {
		free(book);
		return rc;
	}
	book->max_rows = limit(opt->max_rows, PST_XLSX_MAX_ROWS);
	book->max_links = limit(opt->max_links, PST_XLSX_MAX_LINKS);
	book->wb = start_workbook(book, opt);
	if (!book->wb)
		rc = pst_fail(err, PST_ECANTCREAT, "%s: cannot start the workbook", path);
	else
		rc = set_properties(book, opt, err);
	if (rc) {
		pst_xlsx_book_abort(book);
		return rc;
	}
	make_styles(book);
	*out = book;
	return PST_OK;
}

static void book_free(struct pst_xlsx_book *book)
{
	size_t i;

	for (i = 0; i < book->ntables; i++)
		xlsx_table_free(book->tables[i]);
	for (i = 0; i < book->nsheets; i++)
		free(book->sheets[i]);
	for (i = 0; i < book->nnumfmts; i++)
		free(book->numfmts[i].code);
	for (i = 0; i < book->nnames; i++)
		free(book->names[i]);
	free(book->tables);
	free(book->sheets);
	free(book->numfmts);
	free(book->names);
	strbuf_release(&book->text);
	strbuf_release(&book->url);
	free(book);
}

void pst_xlsx_book_abort(struct pst_xlsx_book *book)
{
	if (!book)
		return;
	lxw_workbook_free(book->wb); /* writes nothing; NULL is fine */
	pst_outfile_abort(&book->of);
	book_free(book);
}

static int finish_sheets(struct pst_xlsx_book *book, struct pst_error *err)
{
	size_t i;
	int rc = PST_OK;

	for (i = 0; i < book->ntables && rc == PST_OK; i++)
		if (!book->tables[i]->ended)
			rc = pst_xlsx_table_end(book->tables[i], err);
	for (i = 0; i < book->nsheets; i++)
		xlsx_sheet_finish(book->sheets[i]);
	return rc;
}

/* workbook_close with libxlsxwriter's own "[ERROR] ..." lines kept off
 * standard error (the caller reports one message naming the file and the
 * system error); *saved_errno is errno as the library left it. */
static lxw_error quiet_close(lxw_workbook *wb, int *saved_errno)
{
	int keep, devnull;
	lxw_error e;

	fflush(stderr);
	keep = dup(STDERR_FILENO);
	devnull = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (keep >= 0 && devnull >= 0)
		dup2(devnull, STDERR_FILENO);
	errno = 0;
	e = workbook_close(wb);
	*saved_errno = e ? errno : 0;
	fflush(stderr);
	if (keep >= 0 && devnull >= 0)
		dup2(keep, STDERR_FILENO);
	if (keep >= 0)
		close(keep);
	if (devnull >= 0)
		close(devnull);
	return e;
}

int pst_xlsx_book_close(struct pst_xlsx_book *book, struct pst_error *err)
{
	int saved_errno;
	lxw_error e;
	int rc = xlsx_usable(book, err);

	if (rc == PST_OK)
		rc = finish_sheets(book, err);
	if (rc) {
		pst_xlsx_book_abort(book);
		return rc;
	}
	e = quiet_close(book->wb, &saved_errno);
	book->wb = NULL;
	if (e) {
		rc = pst_fail(err, e == LXW_ERROR_CREATING_XLSX_FILE ? PST_ECANTCREAT : PST_EIO,
		              "%s: cannot write the workbook: %s", book->of.final_path,
		              saved_errno ? strerror(saved_errno) : lxw_strerror(e));
		pst_outfile_abort(&book->of);
	} else {
		rc = pst_outfile_commit(&book->of, err);
	}
	book_free(book);
	return rc;
}

int xlsx_usable(struct pst_xlsx_book *book, struct pst_error *err)
{
	if (!book->failed)
		return PST_OK;
	return pst_fail(err, book->failed, "%s: the workbook failed earlier", book->of.final_path);
}

int xlsx_lxw_fail(struct pst_xlsx_book *book, lxw_error e, const char *sheet, uint32_t row, size_t col,
                  struct pst_error *err)
{
	book->failed = PST_ESOFTWARE;
	if (!sheet)
		return pst_fail(err, book->failed, "%s: %s", book->of.final_path, lxw_strerror(e));
	return pst_fail(err, book->failed, "%s: sheet '%s' row %lu column %zu: %s", book->of.final_path, sheet,
	                (unsigned long)row + 1, col + 1, lxw_strerror(e));
}

int xlsx_misuse(struct pst_xlsx_book *book, struct pst_error *err, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	int rc;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	book->failed = PST_ESOFTWARE;
	rc = pst_fail(err, book->failed, "%s: %s", book->of.final_path, strbuf_cstr(&sb));
	strbuf_release(&sb);
	return rc;
}

/* The cell format for number format code (NULL: none), made once per book. */
lxw_format *xlsx_numfmt(struct pst_xlsx_book *book, const char *code)
{
	size_t i;
	struct xlsx_numfmt *nf;

	if (!code || !*code)
		return NULL;
	for (i = 0; i < book->nnumfmts; i++)
		if (strcmp(book->numfmts[i].code, code) == 0)
			return book->numfmts[i].fmt;
	PST_GROW(book->numfmts, book->numfmts_alloc, book->nnumfmts + 1);
	nf = &book->numfmts[book->nnumfmts++];
	nf->code = xstrdup(code);
	nf->fmt = workbook_add_format(book->wb);
	format_set_num_format(nf->fmt, code);
	return nf->fmt;
}

/* Excel compares sheet names without case. */
static bool name_taken(const struct pst_xlsx_book *book, const char *name)
{
	size_t i;

	for (i = 0; i < book->nnames; i++)
		if (pst_streq_ci(book->names[i], name))
			return true;
	return false;
}

/* Print setup of every sheet: A4 landscape, one page wide (as many tall
 * as needed), the header row repeated on each page. */
static void print_setup(lxw_worksheet *ws)
{
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9); /* A4 */
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_repeat_rows(ws, 0, 0);
}

/* Adds a sheet named after name, suffixed " (n)" when n > 1, or the next
 * free suffix.  *ws_name stays owned by the book. */
int xlsx_new_sheet(struct pst_xlsx_book *book, const char *name, unsigned n, lxw_worksheet **ws,
                   const char **ws_name, struct pst_error *err)
{
	struct strbuf sb = STRBUF_INIT;

	for (;; n++) {
		strbuf_reset(&sb);
		pst_xlsx_sheet_name(&sb, name, n);
		if (!name_taken(book, sb.buf))
			break;
	}
	*ws = workbook_add_worksheet(book->wb, sb.buf);
	if (!*ws) {
		int rc = xlsx_misuse(book, err, "cannot add sheet '%s'", sb.buf);

		strbuf_release(&sb);
		return rc;
	}
	print_setup(*ws);
	PST_GROW(book->names, book->names_alloc, book->nnames + 1);
	book->names[book->nnames] = strbuf_detach(&sb);
	*ws_name = book->names[book->nnames++];
	return PST_OK;
}
