/* sources.c: the reports of what was read (sources.h). */
#include <stdlib.h>
#include <string.h>
#include "posture/sources.h"

const char *pst_format_name(enum pst_format f)
{
	static const char *const names[PST_FMT__COUNT] = {
		"unknown", "empty", "json-ndjson", "json-array", "json-object", "json-records",
		"rest-list", "resource-graph", "rest-example", "la-json-rows", "la-query-api",
		"la-csv", "portal-csv", "avro-capture"};

	return (unsigned)f < PST_FMT__COUNT ? names[f] : "unknown";
}

void pst_sources_init(struct pst_sources *s)
{
	memset(s, 0, sizeof(*s));
}

void pst_source_release(struct pst_source *r)
{
	size_t i;

	free(r->path);
	free(r->detail);
	free(r->error);
	free(r->skipped);
	for (i = 0; i < r->nsubscriptions; i++)
		free(r->subscriptions[i]);
	free(r->subscriptions);
	pst_diags_release(&r->diags);
}

void pst_sources_release(struct pst_sources *s)
{
	size_t i;

	for (i = 0; i < s->nfiles; i++)
		pst_source_release(&s->files[i]);
	free(s->files);
	pst_sources_init(s);
}

void pst_sources_truncate(struct pst_sources *s, size_t n)
{
	while (s->nfiles > n) {
		struct pst_source *r = &s->files[--s->nfiles];

		if (r->failed && s->failed_files)
			s->failed_files--;
		pst_source_release(r);
	}
}

struct pst_source *pst_sources_add(struct pst_sources *s, const char *path)
{
	struct pst_source *r;

	PST_GROW(s->files, s->files_alloc, s->nfiles + 1);
	r = &s->files[s->nfiles++];
	memset(r, 0, sizeof(*r));
	r->path = xstrdup(path);
	r->tmin = r->tmax = PST_TIME_NONE;
	pst_diags_init(&r->diags, s->keep_diags == SIZE_MAX ? 0 : s->keep_diags ? s->keep_diags : PST_SOURCE_MAX_DIAGS);
	return r;
}


bool pst_portal_at_cap(uint64_t rows, unsigned *cap)
{
	static const unsigned caps[] = {13000, 25000};
	size_t i;

	for (i = 0; i < sizeof(caps) / sizeof(caps[0]); i++) {
		if (rows + 100 >= caps[i] && rows <= caps[i] + 100) {
			if (cap)
				*cap = caps[i];
			return true;
		}
	}
	return false;
}
