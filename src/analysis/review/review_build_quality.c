/* review_build_quality.c: data quality and evidence: the warnings (diff
 * completeness, score, team rules, files that failed), the first rejected
 * records, and every input file read (their kinds, the manifest and the
 * subscriptions with a problem: pst_review_index). */
#include <stdlib.h>
#include <string.h>
#include "posture/utf8.h"
#include "review_build_int.h"

/* The files that could not be read (skipped with --skip-bad). */
static void skipped_files(struct rb_ctx *c)
{
	size_t i;

	for (i = 0; i < c->e->sources.nfiles; i++) {
		const struct pst_source *f = &c->e->sources.files[i];

		if (f->failed)
			pst_diags_add(&c->r->warnings, PST_DC_FILE_SKIPPED, &(struct pst_diag_place){f->path, 0, 0, 0},
			              "%s (file skipped)", f->error ? f->error : "unreadable");
		else if (f->skipped)
			pst_diags_add(&c->r->warnings, PST_DC_FILE_SKIPPED, &(struct pst_diag_place){f->path, 0, 0, 0},
			              "%s", f->skipped);
	}
}

/* Every rejected record the sources kept, with the file it is in and the
 * records it stands for (the rest are counted: rb_sources, unlisted). */
static void rejected(struct rb_ctx *c)
{
	const struct pst_sources *ing = &c->e->sources;
	size_t i, k;

	for (i = 0; i < ing->nfiles; i++) {
		const struct pst_source *f = &ing->files[i];

		for (k = 0; k < f->diags.n; k++) {
			const struct pst_diag *d = &f->diags.items[k];
			struct pst_diag_place at = {f->path, d->line, d->offset, d->index};

			struct pst_diag *g;

			if (d->kind != PST_DIAG_REJECTED)
				continue;
			g = pst_diags_add(&c->r->rejected, d->code, &at, "%s", d->msg);
			g->records = d->records;
		}
	}
	c->r->rejected.count[PST_DIAG_REJECTED] = ing->rejected;
}

/* Team names in a script the PDF cannot draw as written: listed, so the
 * marker (U+FFFD), or the Arabic marks and letters drawn unjoined or
 * unplaced (arabic.h), on the pages are explained. */
static void unshaped_names(struct rb_ctx *c)
{
	size_t i;
	uint32_t ch;

	for (i = 0; i < c->r->nteams; i++) {
		ch = pst_utf8_unshaped(c->r->teams[i].name);
		if (ch)
			pst_diags_add(&c->r->warnings, PST_DC_PDF_SCRIPT, &(struct pst_diag_place){NULL, 0, 0, 0},
			              "team \"%s\": the PDF cannot draw %s as written (%s); the workbook and the text "
			              "outputs keep the name exactly", c->r->teams[i].name,
			              ch >= 0x10000 ? "characters past U+FFFF (emoji)" : "its script",
			              ch >= 0x0600 && ch <= 0x08FF ? "marks and letters beyond the Arabic and Persian alphabets are drawn unjoined"
			                                           : "shown as the marker U+FFFD");
	}
}

void rb_quality(struct rb_ctx *c)
{
	if (c->in->notes)
		pst_diags_append(&c->r->warnings, c->in->notes);
	pst_diags_append(&c->r->warnings, &c->d->warnings);
	pst_diags_append(&c->r->warnings, &c->v->warnings);
	pst_teams_warnings(c->teams, &c->r->warnings);
	skipped_files(c);
	unshaped_names(c);
	rejected(c);
}


static void source(struct pst_review *r, struct pst_review_source *s, const struct pst_source *f)
{
	s->path = pst_review_str(r, f->path);
	s->format = pst_review_str(r, pst_format_name(f->format));
	s->size = f->size;
	s->sha256 = pst_review_str(r, f->sha256);
	memcpy(s->records, f->records, sizeof(s->records));
	s->total = f->total_records;
	s->rejected = f->rejected;
	s->unlisted = f->rejected - pst_diags_rejected_listed(&f->diags);
	if (s->unlisted > f->rejected) /* never more than were rejected */
		s->unlisted = 0;
	s->failed = f->failed;
	s->error = pst_review_str(r, f->error);
}

static int cmp_source(const void *pa, const void *pb)
{
	const struct pst_review_source *a = pa, *b = pb;

	return strcmp(a->path, b->path);
}

void rb_sources(struct rb_ctx *c)
{
	const struct pst_sources *ing = &c->e->sources;
	size_t i;

	c->r->sources = PST_REVIEW_NEW(c->r, struct pst_review_source, ing->nfiles);
	c->r->nsources = ing->nfiles;
	for (i = 0; i < ing->nfiles; i++)
		source(c->r, &c->r->sources[i], &ing->files[i]);
	if (ing->nfiles > 1) /* by path, whatever order they were read in */
		pst_sort(c->r->sources, ing->nfiles, sizeof(*c->r->sources), cmp_source);
}
