/* pdfdoc.h: a flowing PDF document on libharu (which stays inside src/render).
 *
 * A struct pst_pdf is a document with a cursor that moves down the page and
 * starts a new page when the next block does not fit.  Headings (levels 1-2)
 * make nested PDF outlines and table-of-contents entries; the contents pages,
 * the running header (title | section) and the footer ("Page N of M") are
 * drawn by pst_pdf_save, when every page number is known.
 *
 * Every text argument is borrowed for the call only and may hold any bytes:
 * it is sanitized to valid UTF-8 before it reaches libharu.  Functions return
 * an enum pst_status and fill err; after a failure the document is unusable
 * but for pst_pdf_free.  Nothing reads the clock: the dates in the document
 * info come from the options, so the same calls give a byte-identical file.
 */
#ifndef POSTURE_PDFDOC_H
#define POSTURE_PDFDOC_H

#include <stddef.h>
#include "posture/common.h"
#include "posture/timeutil.h"

struct pst_pdf; /* opaque */

enum pst_pdf_paper { PST_PAPER_A4, PST_PAPER_LETTER };

struct pst_pdf_options {
	enum pst_pdf_paper paper;
	const char *title;       /* info title and running header */
	const char *subject;     /* info subject; NULL: none */
	const char *footer_note; /* small text at the left of each footer; NULL: none */
	pst_time created;        /* info creation and modification date; PST_TIME_NONE: none */
	const char *font_dir;    /* folder of DejaVuSans.ttf and -Bold; NULL: Debian's */
};

/* Text styles of paragraphs. */
enum pst_pdf_style { PST_PDF_BODY, PST_PDF_BOLD, PST_PDF_SMALL, PST_PDF_SMALL_BOLD };

/* One run of a paragraph: text in one style (pst_pdf_runs). */
struct pst_pdf_run {
	enum pst_pdf_style style;
	const char *text;
};

/* Creates the document (fonts loaded, compression on, info set).  The
 * caller frees *out with pst_pdf_free, also after a failed save. */
int pst_pdf_new(struct pst_pdf **out, const struct pst_pdf_options *opt, struct pst_error *err);
void pst_pdf_free(struct pst_pdf *pdf); /* NULL is fine */

/* Finishes the document (contents, headers, footers) and writes it to path
 * through a temporary name: on failure no file is left.  Call once. */
int pst_pdf_save(struct pst_pdf *pdf, const char *path, struct pst_error *err);

/* A cover page: big title, subtitle, then "label: value" lines (n pairs in
 * labels[] / values[]).  It has no running header. */
int pst_pdf_cover(struct pst_pdf *pdf, const char *title, const char *subtitle,
                  const char *const *labels, const char *const *values, size_t n, struct pst_error *err);

/* A new page that opens with a title band (a bar, the title, one small
 * line of up to three lines wrapped) instead of the running header; what
 * follows flows below it on the same page. */
int pst_pdf_title_band(struct pst_pdf *pdf, const char *title, const char *line, struct pst_error *err);

/* Marks where the table of contents goes: its pages are inserted here, on
 * pages of their own, when the document is saved.  At most once. */
int pst_pdf_contents(struct pst_pdf *pdf, struct pst_error *err);

/* Starts a new page (no-op when the current page is still empty).  In a
 * flowing document (pst_pdf_flow) it starts one only when less than the
 * flow's keep remains on the page, else leaves a gap. */
int pst_pdf_page_break(struct pst_pdf *pdf, struct pst_error *err);
/* From now on sections flow: a level-1 heading (and pst_pdf_page_break)
 * starts a new page only when less than keep points remain (keep <= 0:
 * every section on a page of its own again).  For short packs. */
void pst_pdf_flow(struct pst_pdf *pdf, double keep);

/* A heading of level 1 (starts a page; names the section in the running
 * header) or 2; both get an outline entry and a contents line. */
int pst_pdf_heading(struct pst_pdf *pdf, int level, const char *text, struct pst_error *err);

/* A paragraph wrapped to the text width; '\n' breaks a line. */
int pst_pdf_text(struct pst_pdf *pdf, enum pst_pdf_style style, const char *text, struct pst_error *err);
/* A paragraph of runs in different styles (bold words within a line). */
int pst_pdf_runs(struct pst_pdf *pdf, const struct pst_pdf_run *runs, size_t n, struct pst_error *err);
/* Vertical space in points (dropped at the top of a page). */
int pst_pdf_space(struct pst_pdf *pdf, double pt, struct pst_error *err);
/* Keeps what follows together: a new page unless pt points remain. */
int pst_pdf_keep(struct pst_pdf *pdf, double pt, struct pst_error *err);

/* Key figures: big numbers with a caption and an optional change line,
 * up to four in a row. */
struct pst_pdf_figure {
	const char *value;   /* "61.2%" */
	const char *caption; /* "Secure score" */
	const char *change;  /* "+3.4 pts since September"; NULL: none */
};
int pst_pdf_figures(struct pst_pdf *pdf, const struct pst_pdf_figure *figs, size_t n, struct pst_error *err);

/* A boxed list of warnings under a bold title; split over pages if long.
 * Nothing is drawn when n is 0. */
int pst_pdf_warnings(struct pst_pdf *pdf, const char *title, const char *const *items, size_t n,
                     struct pst_error *err);

/* Tables.  Columns share the text width: a column with points > 0 has that
 * width, the others split the rest in proportion to share.  A cell either
 * wraps (long ids break at '/') or is cut to one line with an ellipsis.
 * The header row is repeated on every page; a row never splits. */
enum pst_pdf_align { PST_PDF_LEFT, PST_PDF_RIGHT };

struct pst_pdf_col {
	const char *title;
	double share;
	double points;
	enum pst_pdf_align align;
	int cut; /* 1: never adds lines to its row: whole when it fits, wrapped
	          * into the lines the row's other cells take, else cut with an
	          * ellipsis; 0: wrap */
};

/* Starts a table (cols is copied).  max_rows > 0 shows at most that many
 * rows; pst_pdf_table_end then adds "and N more: see the workbook". */
int pst_pdf_table_begin(struct pst_pdf *pdf, const struct pst_pdf_col *cols, size_t ncols, size_t max_rows,
                        struct pst_error *err);
/* Adds a row of ncols cells (NULL cells are empty). */
int pst_pdf_table_row(struct pst_pdf *pdf, const char *const *cells, struct pst_error *err);
/* Counts n more rows without formatting them (beyond max_rows). */
void pst_pdf_table_skip(struct pst_pdf *pdf, size_t n);
/* True when a row added now would be cut: callers may skip formatting it. */
int pst_pdf_table_full(const struct pst_pdf *pdf);
int pst_pdf_table_end(struct pst_pdf *pdf, struct pst_error *err);

/* Page count so far (the contents pages not included before the save). */
size_t pst_pdf_page_count(const struct pst_pdf *pdf);

#endif
