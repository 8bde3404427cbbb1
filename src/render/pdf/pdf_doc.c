/* pdf_doc.c: creating, finishing and saving a struct pst_pdf. */
#include "pdf_int.h"

#include <hpdf_doc.h>
#include <hpdf_fontdef.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "posture/outfile.h"
#include "posture/utf8.h"

#ifndef POSTURE_VERSION
#define POSTURE_VERSION "unknown"
#endif
#define DEFAULT_FONT_DIR "/usr/share/fonts/truetype/dejavu"

static const char *const font_files[2] = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"};
/* The fallbacks for what DejaVu Sans cannot draw: Chinese and Japanese
 * (Debian fonts-droid-fallback), Korean Hangul (fonts-nanum).  TrueType
 * fonts, which libharu embeds and subsets to the glyphs used, unlike the
 * OpenType CFF of fonts-noto-cjk. */
static const char *const fallback_files[2] = {"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
                                              "/usr/share/fonts/truetype/nanum/NanumGothic.ttf"};

static const char *hpdf_error_name(HPDF_STATUS code)
{
	switch (code) {
	case HPDF_FILE_OPEN_ERROR: return "cannot open the file";
	case HPDF_FILE_IO_ERROR: return "write error";
	case HPDF_FAILD_TO_ALLOC_MEM: return "out of memory";
	case HPDF_TTF_CANNOT_EMBEDDING_FONT: return "font cannot be embedded";
	case HPDF_INVALID_FONTDEF_DATA: return "invalid font file";
	case HPDF_INVALID_DATE_TIME: return "invalid date";
	case HPDF_PAGE_OUT_OF_RANGE: return "value out of range";
	default: return "error";
	}
}

/* libharu calls this on every error; user_data is the document. */
static void on_hpdf_error(HPDF_STATUS code, HPDF_STATUS detail, void *user_data)
{
	struct pst_pdf *pdf = user_data;

	if (pdf->failed)
		return;
	pdf->failed = 1;
	pst_fail(&pdf->herr, PST_ESOFTWARE, "libharu: %s (0x%04X, detail %u)", hpdf_error_name(code),
	         (unsigned)code, (unsigned)detail);
}

int pdf_status(struct pst_pdf *pdf, struct pst_error *err)
{
	if (!pdf->failed)
		return PST_OK;
	if (err)
		*err = pdf->herr;
	return pdf->herr.status;
}

void pdf_clean(struct strbuf *sb, const char *s, int keep_newlines)
{
	size_t start = sb->len, i;

	if (!s)
		s = "";
	pst_utf8_sanitize(sb, s, strlen(s));
	strbuf_addstr(sb, ""); /* terminated even when empty */
	for (i = start; i < sb->len; i++)
		if (sb->buf[i] == '\t' || (sb->buf[i] == '\n' && !keep_newlines))
			sb->buf[i] = ' ';
}

void pdf_more_text(struct strbuf *sb, size_t more)
{
	strbuf_addf(sb, "and %zu more: see the workbook", more);
}

static char *clean_dup(const char *s)
{
	struct strbuf sb = STRBUF_INIT;

	pdf_clean(&sb, s, 0);
	return strbuf_detach(&sb);
}

/* The fallback fonts that are installed; without them, what DejaVu cannot
 * draw is shown as the replacement character (pdf_wrap.c). */
static void load_fallbacks(struct pst_pdf *pdf)
{
	int i;

	pdf->fb = xcalloc(1, sizeof(*pdf->fb));
	pdf->fb->doc = pdf->doc;
	for (i = 0; i < 2; i++) {
		if (access(fallback_files[i], R_OK) != 0)
			continue;
		pdf->fb->name[i] = HPDF_LoadTTFontFromFile(pdf->doc, fallback_files[i], HPDF_TRUE);
		if (pdf->fb->name[i])
			pdf->fb->def[i] = HPDF_GetFontDef(pdf->doc, pdf->fb->name[i]);
	}
}

/* libharu's subsetting loses parts of composite glyphs in Droid Sans
 * Fallback (数 came out as 攵): a fallback font is embedded whole once
 * used, so every character is drawn right. */
static void keep_all_glyphs(HPDF_FontDef def)
{
	HPDF_TTFontDefAttr attr = (HPDF_TTFontDefAttr)def->attr;

	if (attr && attr->glyph_tbl.flgs)
		memset(attr->glyph_tbl.flgs, 1, attr->num_glyphs);
}

HPDF_Font pdf_fallback_font(struct pdf_fallback *fb, int i)
{
	if (!fb->tried[i] && fb->def[i]) {
		fb->tried[i] = 1;
		fb->font[i] = HPDF_GetFont(fb->doc, fb->name[i], "UTF-8");
		if (fb->font[i] && pdf_fix_tounicode(fb->doc, fb->font[i]) != 0)
			fb->font[i] = NULL;
		if (fb->font[i] && i == 0)
			keep_all_glyphs(fb->def[i]); /* Nanum Gothic subsets well */
	}
	return fb->font[i];
}

static int load_fonts(struct pst_pdf *pdf, const char *dir, struct pst_error *err)
{
	struct strbuf path = STRBUF_INIT;
	int i, rc = PST_OK;

	for (i = 0; i < 2 && rc == PST_OK; i++) {
		const char *name;

		strbuf_reset(&path);
		strbuf_addf(&path, "%s/%s", dir, font_files[i]);
		if (access(path.buf, R_OK) != 0) {
			rc = pst_fail(err, PST_ENOINPUT, "%s: font not found (install the Debian package fonts-dejavu-core)",
			              path.buf);
			break;
		}
		name = HPDF_LoadTTFontFromFile(pdf->doc, path.buf, HPDF_TRUE);
		if (name) {
			pdf->font[i] = HPDF_GetFont(pdf->doc, name, "UTF-8");
			pdf->fdef[i] = HPDF_GetFontDef(pdf->doc, name);
		}
		if (pdf->font[i] && pdf_fix_tounicode(pdf->doc, pdf->font[i]) != 0)
			pdf->font[i] = NULL;
		rc = pdf_status(pdf, err);
		if (rc == PST_OK && !pdf->font[i])
			rc = pst_fail(err, PST_ESOFTWARE, "%s: cannot load the font", path.buf);
	}
	strbuf_release(&path);
	if (rc == PST_OK)
		load_fallbacks(pdf);
	return rc;
}

static void set_date(struct pst_pdf *pdf, pst_time t)
{
	HPDF_Date d;
	int64_t y, secs = t / 1000 - (t % 1000 < 0 ? 1 : 0);
	int64_t days = secs / 86400 - (secs % 86400 < 0 ? 1 : 0), rem = secs - days * 86400;
	unsigned m, dd;

	pst_civil_from_days(days, &y, &m, &dd);
	memset(&d, 0, sizeof(d));
	d.year = (HPDF_INT)y;
	d.month = (HPDF_INT)m;
	d.day = (HPDF_INT)dd;
	d.hour = (HPDF_INT)(rem / 3600);
	d.minutes = (HPDF_INT)(rem / 60 % 60);
	d.seconds = (HPDF_INT)(rem % 60);
	d.ind = 'Z';
	HPDF_SetInfoDateAttr(pdf->doc, HPDF_INFO_CREATION_DATE, d);
	HPDF_SetInfoDateAttr(pdf->doc, HPDF_INFO_MOD_DATE, d);
}

static void set_info(struct pst_pdf *pdf, const struct pst_pdf_options *opt)
{
	const char *creator = "posture " POSTURE_VERSION;

	/* With the UTF-8 encoder current, info strings are written as UTF-16. */
	HPDF_SetCurrentEncoder(pdf->doc, "UTF-8");
	HPDF_SetInfoAttr(pdf->doc, HPDF_INFO_TITLE, pdf->title);
	HPDF_SetInfoAttr(pdf->doc, HPDF_INFO_AUTHOR, creator);
	HPDF_SetInfoAttr(pdf->doc, HPDF_INFO_CREATOR, creator);
	if (opt->subject) {
		char *subject = clean_dup(opt->subject);

		HPDF_SetInfoAttr(pdf->doc, HPDF_INFO_SUBJECT, subject);
		free(subject);
	}
	if (opt->created != PST_TIME_NONE)
		set_date(pdf, opt->created);
}

static void set_paper(struct pst_pdf *pdf, enum pst_pdf_paper paper)
{
	pdf->page_w = paper == PST_PAPER_LETTER ? 612.0 : 595.276;
	pdf->page_h = paper == PST_PAPER_LETTER ? 792.0 : 841.89;
	pdf->left = 54.0;
	pdf->right = pdf->page_w - 54.0;
	pdf->top = pdf->page_h - 62.0;
	pdf->bottom = 56.0;
}

int pst_pdf_new(struct pst_pdf **out, const struct pst_pdf_options *opt, struct pst_error *err)
{
	struct pst_pdf *pdf = xcalloc(1, sizeof(*pdf));
	int rc;

	*out = pdf;
	pdf->section = -1;
	pdf->page_empty = 1;
	pdf->title = clean_dup(opt->title);
	pdf->footer_note = opt->footer_note ? clean_dup(opt->footer_note) : NULL;
	set_paper(pdf, opt->paper);
	pdf->doc = HPDF_New(on_hpdf_error, pdf);
	if (!pdf->doc)
		return pst_fail(err, PST_ESOFTWARE, "libharu: cannot create a document");
	HPDF_SetCompressionMode(pdf->doc, HPDF_COMP_ALL);
	HPDF_SetPageMode(pdf->doc, HPDF_PAGE_MODE_USE_OUTLINE);
	HPDF_UseUTFEncodings(pdf->doc);
	rc = load_fonts(pdf, opt->font_dir ? opt->font_dir : DEFAULT_FONT_DIR, err);
	if (rc == PST_OK) {
		set_info(pdf, opt);
		rc = pdf_status(pdf, err);
	}
	return rc;
}

void pst_pdf_free(struct pst_pdf *pdf)
{
	size_t i;

	if (!pdf)
		return;
	if (pdf->doc)
		HPDF_Free(pdf->doc);
	for (i = 0; i < pdf->nheads; i++)
		free(pdf->heads[i].title);
	pdf_table_free(pdf->table);
	free(pdf->fb);
	free(pdf->heads);
	free(pdf->pages);
	free(pdf->title);
	free(pdf->footer_note);
	free(pdf);
}

size_t pst_pdf_page_count(const struct pst_pdf *pdf)
{
	return pdf->npages;
}

/* The document, rendered into libharu's memory stream, copied to our own
 * temporary file: libharu never opens a file by name, and a full disk or a
 * refused write is one message naming the file and strerror (PST_EIO). */
static int copy_stream(struct pst_pdf *pdf, FILE *fp, const char *path, struct pst_error *err)
{
	HPDF_BYTE buf[65536];
	HPDF_UINT32 n;
	HPDF_STATUS st;

	do {
		n = sizeof(buf);
		st = HPDF_ReadFromStream(pdf->doc, buf, &n);
		if (st != HPDF_OK && st != HPDF_STREAM_EOF)
			return pst_fail(err, PST_ESOFTWARE, "%s: cannot write the PDF: libharu: %s (0x%04X)", path,
			                hpdf_error_name(st), (unsigned)st);
		if (n && fwrite(buf, 1, n, fp) != n)
			return pst_fail(err, PST_EIO, "%s: write error: %s", path, strerror(errno));
	} while (st != HPDF_STREAM_EOF && n);
	return PST_OK;
}

static int write_file(struct pst_pdf *pdf, const char *path, struct pst_error *err)
{
	struct pst_outfile of;
	int rc = pst_outfile_open(&of, path, err);

	if (rc)
		return rc;
	HPDF_SaveToStream(pdf->doc);
	if (pdf->failed) {
		pst_outfile_abort(&of);
		return pst_fail(err, PST_ESOFTWARE, "%s: cannot write the PDF: %s", path, pdf->herr.msg);
	}
	HPDF_ResetStream(pdf->doc);
	rc = copy_stream(pdf, of.fp, path, err);
	if (rc == PST_OK && pdf->failed)
		rc = pst_fail(err, PST_ESOFTWARE, "%s: cannot write the PDF: %s", path, pdf->herr.msg);
	if (rc) {
		pst_outfile_abort(&of);
		return rc;
	}
	return pst_outfile_commit(&of, err);
}

int pst_pdf_save(struct pst_pdf *pdf, const char *path, struct pst_error *err)
{
	int rc = pdf_status(pdf, err);

	if (rc == PST_OK && pdf->saved)
		return pst_fail(err, PST_ESOFTWARE, "%s: pdf: the document was already saved", path);
	pdf->saved = 1;
	if (rc == PST_OK && pdf->table)
		rc = pst_pdf_table_end(pdf, err);
	if (rc == PST_OK && pdf->npages == 0)
		rc = pdf_new_page(pdf, err);
	if (rc == PST_OK)
		rc = pdf_insert_contents(pdf, err);
	if (rc == PST_OK) {
		pdf_draw_running(pdf);
		rc = pdf_status(pdf, err);
	}
	if (rc == PST_OK)
		rc = write_file(pdf, path, err);
	return rc;
}
