/* review_build_quality.c: data quality and evidence: the warnings (diff
 * completeness, score, team rules, files that failed), the first rejected
 * records, and every input file read. */
#include <stdlib.h>
#include <string.h>
#include "posture/strbuf.h"
#include "review_build_int.h"

struct warn_list {
	struct pst_review_warning *v;
	size_t n, alloc;
};

static void warn(struct rb_ctx *c, struct warn_list *w, const char *kind, const char *text)
{
	PST_GROW(w->v, w->alloc, w->n + 1);
	w->v[w->n].kind = kind;
	w->v[w->n++].text = pst_review_str(c->r, text);
}

/* One warning per line of sb. */
static void warn_lines(struct rb_ctx *c, struct warn_list *w, const char *kind, const struct strbuf *sb)
{
	struct strbuf line = STRBUF_INIT;
	const char *p, *nl;

	for (p = strbuf_cstr(sb); (nl = strchr(p, '\n')) != NULL; p = nl + 1) {
		strbuf_reset(&line);
		strbuf_add(&line, p, (size_t)(nl - p));
		warn(c, w, kind, strbuf_cstr(&line));
	}
	strbuf_release(&line);
}

static void team_warnings(struct rb_ctx *c, struct warn_list *w)
{
	struct strbuf sb = STRBUF_INIT;

	if (!c->teams->path)
		strbuf_addstr(&sb, "no team rules (no --teams and no templates/teams.conf): every resource is Unassigned\n");
	pst_teams_unused(c->teams, &sb);
	warn_lines(c, w, "teams", &sb);
	strbuf_release(&sb);
}

static void ingest_warnings(struct rb_ctx *c, struct warn_list *w)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < c->e->sources.nfiles; i++) {
		const struct pst_source *f = &c->e->sources.files[i];

		if (f->failed)
			strbuf_addf(&sb, "%s: %s (file skipped)\n", f->path, f->error ? f->error : "unreadable");
	}
	warn_lines(c, w, "ingest", &sb);
	strbuf_release(&sb);
}

static void rejected(struct rb_ctx *c)
{
	const struct pst_sources *ing = &c->e->sources;
	struct pst_review *r = c->r;
	size_t i, k;

	r->rejected_total = ing->rejected;
	r->rejected = PST_REVIEW_NEW(r, struct pst_review_rejected, PST_REVIEW_MAX_REJECTED);
	for (i = 0; i < ing->nfiles && r->nrejected < PST_REVIEW_MAX_REJECTED; i++) {
		const struct pst_source *f = &ing->files[i];

		for (k = 0; k < f->diags.n && r->nrejected < PST_REVIEW_MAX_REJECTED; k++) {
			struct pst_review_rejected *o;

			if (f->diags.items[k].kind != PST_DIAG_REJECTED)
				continue;
			o = &r->rejected[r->nrejected++];
			o->path = pst_review_str(r, f->path);
			o->line = f->diags.items[k].line;
			o->index = f->diags.items[k].index;
			o->message = pst_review_str(r, f->diags.items[k].msg);
		}
	}
}

void rb_quality(struct rb_ctx *c)
{
	struct warn_list w = {NULL, 0, 0};
	size_t i;

	for (i = 0; i < c->d->nwarnings; i++)
		warn(c, &w, c->d->warnings[i].kind == PST_DQ_REJECTED ? "rejected" : "completeness",
		     c->d->warnings[i].msg);
	for (i = 0; i < c->v->nwarnings; i++)
		warn(c, &w, "score", c->v->warnings[i]);
	team_warnings(c, &w);
	ingest_warnings(c, &w);
	c->r->warnings = PST_REVIEW_NEW(c->r, struct pst_review_warning, w.n);
	if (w.n)
		memcpy(c->r->warnings, w.v, w.n * sizeof(*w.v));
	c->r->nwarnings = w.n;
	free(w.v);
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
	s->failed = f->failed;
	s->error = pst_review_str(r, f->error);
}

void rb_sources(struct rb_ctx *c)
{
	const struct pst_sources *ing = &c->e->sources;
	size_t i;

	c->r->sources = PST_REVIEW_NEW(c->r, struct pst_review_source, ing->nfiles);
	c->r->nsources = ing->nfiles;
	for (i = 0; i < ing->nfiles; i++)
		source(c->r, &c->r->sources[i], &ing->files[i]);
}
