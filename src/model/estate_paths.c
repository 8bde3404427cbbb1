/* estate_paths.c: attack paths in the estate (estate.h): every record kept
 * (a path's presence at a time is decided by the review: the latest export
 * of its subscription at or before the time), with what it references, and
 * the assessments' own references to paths. */
#include "estate_int.h"

#include <string.h>

#define ASSESSMENT_MARK "/providers/Microsoft.Security/assessments/"

static uint32_t text(struct pst_estate *e, const char *s)
{
	return pst_strpool_intern(&e->text, s);
}

static void add_ref(struct pst_estate *e, uint32_t resource, uint32_t key)
{
	struct pst_path_ref *r;

	if (!resource && !key)
		return;
	PST_GROW(e->path_refs, e->path_refs_alloc, e->npath_refs + 1);
	r = &e->path_refs[e->npath_refs++];
	r->resource = resource;
	r->key = key;
}

/* "RES/providers/Microsoft.Security/assessments/KEY" -> (RES, KEY). */
static void add_assessment_ref(struct pst_estate *e, const char *id)
{
	size_t n = strlen(ASSESSMENT_MARK), i, at = 0;
	const char *key;

	for (i = 0; id[i]; i++)
		if (pst_strncasecmp(id + i, ASSESSMENT_MARK, n) == 0)
			at = i;
	if (!at)
		return;
	key = id + at + n;
	add_ref(e, pst_strpool_intern_n(&e->text, id, at),
	        pst_strpool_intern_n(&e->text, key, strcspn(key, "/?")));
}

void pst_estate_add_path(struct pst_estate *e, const struct pst_record *rec)
{
	const struct pst_attack_path *a = &rec->u.path;
	struct pst_path_rec *p;
	size_t i;

	PST_GROW(e->paths, e->paths_alloc, e->npaths + 1);
	p = &e->paths[e->npaths++];
	memset(p, 0, sizeof(*p));
	p->path_id = text(e, a->path_id);
	p->display_name = text(e, a->display_name);
	p->description = text(e, a->description);
	p->risk_factors = text(e, a->risk_factors);
	p->entry = text(e, a->entry_point);
	p->target = text(e, a->target);
	p->mitre = text(e, a->mitre);
	p->subscription = text(e, rec->subscription_id);
	p->risk = (uint8_t)a->risk;
	p->deleted = rec->action == PST_ACT_DELETE;
	p->stream = rec->snapshot == PST_SNAP_STREAM;
	p->observed = rec->observed;
	p->first_ref = e->npath_refs;
	for (i = 0; i < a->assessment_ids.n; i++)
		add_assessment_ref(e, a->assessment_ids.items[i]);
	for (i = 0; i < a->keys.n; i++)
		add_ref(e, 0, text(e, a->keys.items[i]));
	for (i = 0; i < a->resource_ids.n; i++)
		add_ref(e, text(e, a->resource_ids.items[i]), 0);
	p->nrefs = e->npath_refs - p->first_ref;
}

void pst_estate_add_finding_paths(struct pst_estate *e, uint32_t resource, uint32_t key, const struct pst_record *rec)
{
	const struct pst_str_list *l = &rec->u.assessment.attack_paths;
	size_t i;

	for (i = 0; i < l->n; i++) {
		struct pst_finding_path *f;

		PST_GROW(e->finding_paths, e->finding_paths_alloc, e->nfinding_paths + 1);
		f = &e->finding_paths[e->nfinding_paths++];
		f->resource = resource;
		f->key = key;
		f->path_id = text(e, l->items[i]);
		f->observed = rec->observed;
	}
}

static int cmp_u32(uint32_t a, uint32_t b)
{
	return (a > b) - (a < b);
}

static int cmp_path(const void *pa, const void *pb)
{
	const struct pst_path_rec *a = pa, *b = pb;
	int c = cmp_u32(a->path_id, b->path_id);

	if (!c)
		c = (a->observed > b->observed) - (a->observed < b->observed);
	if (!c)
		c = (a->first_ref > b->first_ref) - (a->first_ref < b->first_ref);
	return c;
}

/* By finding and path; the latest record of each last. */
static int cmp_finding_path(const void *pa, const void *pb)
{
	const struct pst_finding_path *a = pa, *b = pb;
	int c = cmp_u32(a->resource, b->resource);

	if (!c)
		c = cmp_u32(a->key, b->key);
	if (!c)
		c = cmp_u32(a->path_id, b->path_id);
	if (!c)
		c = (a->observed > b->observed) - (a->observed < b->observed);
	return c;
}

void pst_estate_finish_paths(struct pst_estate *e)
{
	size_t i, n = 0;

	pst_sort(e->paths, e->npaths, sizeof(*e->paths), cmp_path);
	pst_sort(e->finding_paths, e->nfinding_paths, sizeof(*e->finding_paths), cmp_finding_path);
	for (i = 0; i < e->nfinding_paths; i++) {
		const struct pst_finding_path *f = &e->finding_paths[i];

		if (n && e->finding_paths[n - 1].resource == f->resource && e->finding_paths[n - 1].key == f->key &&
		    e->finding_paths[n - 1].path_id == f->path_id)
			n--;
		e->finding_paths[n++] = *f;
	}
	e->nfinding_paths = n;
}
