/* timeline.c: observed times, snapshot batches and rounds. */
#include "posture/timeline.h"

#include <stdlib.h>
#include <string.h>
#include "posture/common.h"

#define HOUR_MS (INT64_C(3600) * 1000)
#define MIN_CELLS 256u

void pst_timeline_init(struct pst_timeline *tl)
{
	memset(tl, 0, sizeof(*tl));
	tl->tmin = tl->tmax = PST_TIME_NONE;
	tl->cur_file = PST_FILE_NONE;
}

void pst_timeline_release(struct pst_timeline *tl)
{
	free(tl->batches);
	free(tl->rounds);
	free(tl->cells);
	free(tl->open);
	pst_timeline_init(tl);
}

static void widen(pst_time *lo, pst_time *hi, pst_time t)
{
	if (*lo == PST_TIME_NONE || t < *lo)
		*lo = t;
	if (*hi == PST_TIME_NONE || t > *hi)
		*hi = t;
}

static size_t cell_slot(const struct pst_hour_cell *cells, size_t cap, uint64_t key)
{
	size_t mask = cap - 1, i = (size_t)((key * UINT64_C(0x9E3779B97F4A7C15)) >> 17) & mask;

	while (cells[i].key && cells[i].key != key)
		i = (i + 1) & mask;
	return i;
}

static void cells_grow(struct pst_timeline *tl)
{
	size_t cap = tl->cells_cap ? tl->cells_cap * 2 : MIN_CELLS, i;
	struct pst_hour_cell *cells = xcalloc(cap, sizeof(*cells));

	for (i = 0; i < tl->cells_cap; i++)
		if (tl->cells[i].key)
			cells[cell_slot(cells, cap, tl->cells[i].key)] = tl->cells[i];
	free(tl->cells);
	tl->cells = cells;
	tl->cells_cap = cap;
}

static int64_t floor_div(int64_t a, int64_t b)
{
	return a / b - (a % b < 0);
}

static void note_cell(struct pst_timeline *tl, uint32_t sub, pst_time t)
{
	uint64_t key = ((uint64_t)sub << 32) | (uint32_t)(floor_div(t, HOUR_MS) + 1);
	struct pst_hour_cell *c;

	if ((tl->cells_used + 1) * 2 > tl->cells_cap)
		cells_grow(tl);
	c = &tl->cells[cell_slot(tl->cells, tl->cells_cap, key)];
	if (!c->key) {
		c->key = key;
		c->tmin = c->tmax = PST_TIME_NONE;
		tl->cells_used++;
	}
	widen(&c->tmin, &c->tmax, t);
	c->count++;
}

static void close_file(struct pst_timeline *tl)
{
	size_t i;

	for (i = 0; i < tl->nopen; i++) {
		PST_GROW(tl->batches, tl->batches_alloc, tl->nbatches + 1);
		tl->batches[tl->nbatches++] = tl->open[i];
	}
	tl->nopen = 0;
}

static void note_file(struct pst_timeline *tl, uint32_t file, uint32_t sub, pst_time t)
{
	struct pst_batch *b = NULL;
	size_t i;

	if (file != tl->cur_file) {
		close_file(tl);
		tl->cur_file = file;
	}
	for (i = 0; i < tl->nopen && !b; i++)
		if (tl->open[i].subscription == sub)
			b = &tl->open[i];
	if (!b) {
		PST_GROW(tl->open, tl->open_alloc, tl->nopen + 1);
		b = &tl->open[tl->nopen++];
		memset(b, 0, sizeof(*b));
		b->subscription = sub;
		b->file = file;
		b->tmin = b->tmax = PST_TIME_NONE;
	}
	widen(&b->tmin, &b->tmax, t);
	b->count++;
}

void pst_timeline_note(struct pst_timeline *tl, const struct pst_record *rec, uint32_t file, uint32_t sub)
{
	tl->records++;
	if (!rec->implausible)
		widen(&tl->tmin, &tl->tmax, rec->observed);
	if (rec->action == PST_ACT_DELETE)
		tl->deletes++;
	if (rec->snapshot == PST_SNAP_STREAM) {
		tl->stream_events++;
		return;
	}
	tl->snapshot_records++;
	if (rec->type != PST_REC_ASSESSMENT || !sub || rec->action == PST_ACT_DELETE)
		return;
	if (rec->snapshot == PST_SNAP_FILE)
		note_file(tl, file, sub, rec->observed);
	else
		note_cell(tl, sub, rec->observed);
}

static int cmp_cell(const void *pa, const void *pb)
{
	const struct pst_hour_cell *a = pa, *b = pb;

	return (a->key > b->key) - (a->key < b->key);
}

/* Groups the hour cells of each subscription into batches. */
static void cells_to_batches(struct pst_timeline *tl)
{
	size_t i, n = 0;
	struct pst_batch *b = NULL;

	for (i = 0; i < tl->cells_cap; i++)
		if (tl->cells[i].key)
			tl->cells[n++] = tl->cells[i];
	if (n > 1)
		pst_sort(tl->cells, n, sizeof(*tl->cells), cmp_cell);
	for (i = 0; i < n; i++) {
		const struct pst_hour_cell *c = &tl->cells[i];
		uint32_t sub = (uint32_t)(c->key >> 32);

		if (!b || b->subscription != sub || c->tmin - b->tmax >= PST_BATCH_WINDOW) {
			PST_GROW(tl->batches, tl->batches_alloc, tl->nbatches + 1);
			b = &tl->batches[tl->nbatches++];
			memset(b, 0, sizeof(*b));
			b->subscription = sub;
			b->file = PST_FILE_NONE;
			b->tmin = c->tmin;
		}
		b->tmax = b->count ? (c->tmax > b->tmax ? c->tmax : b->tmax) : c->tmax;
		b->count += c->count;
	}
	free(tl->cells);
	tl->cells = NULL;
	tl->cells_cap = tl->cells_used = 0;
}

static int cmp_batch_time(const void *pa, const void *pb)
{
	const struct pst_batch *a = pa, *b = pb;

	if (a->tmin != b->tmin)
		return (a->tmin > b->tmin) - (a->tmin < b->tmin);
	if (a->subscription != b->subscription)
		return (a->subscription > b->subscription) - (a->subscription < b->subscription);
	return (a->file > b->file) - (a->file < b->file);
}

static void make_rounds(struct pst_timeline *tl)
{
	size_t i, alloc = 0;
	struct pst_round *r = NULL;

	if (tl->nbatches > 1)
		pst_sort(tl->batches, tl->nbatches, sizeof(*tl->batches), cmp_batch_time);
	for (i = 0; i < tl->nbatches; i++) {
		struct pst_batch *b = &tl->batches[i];

		if (!r || b->tmin - r->tmax >= PST_BATCH_WINDOW) {
			PST_GROW(tl->rounds, alloc, tl->nrounds + 1);
			r = &tl->rounds[tl->nrounds++];
			r->tmin = b->tmin;
			r->tmax = b->tmax;
			r->first = i;
			r->n = 0;
		}
		if (b->tmax > r->tmax)
			r->tmax = b->tmax;
		r->n++;
		b->round = tl->nrounds - 1;
	}
}

void pst_timeline_finish(struct pst_timeline *tl)
{
	close_file(tl);
	cells_to_batches(tl);
	make_rounds(tl);
	free(tl->open);
	tl->open = NULL;
	tl->nopen = tl->open_alloc = 0;
}

static pst_time default_t1(const struct pst_timeline *tl)
{
	if (tl->nrounds)
		return tl->rounds[tl->nrounds - 1].tmax;
	return tl->tmax == PST_TIME_NONE ? 0 : tl->tmax;
}

static pst_time default_t0(const struct pst_timeline *tl, pst_time t1)
{
	const struct pst_round *r = pst_timeline_round_at(tl, t1);

	if (r && r > tl->rounds)
		return r[-1].tmax;
	if (r)
		return r->tmin - 1;
	if (tl->tmin != PST_TIME_NONE && tl->tmin <= t1)
		return tl->tmin - 1;
	return t1 - 1;
}

void pst_timeline_pick(const struct pst_timeline *tl, pst_time from, pst_time to, pst_time *t0, pst_time *t1)
{
	*t1 = to != PST_TIME_NONE ? to : default_t1(tl);
	*t0 = from != PST_TIME_NONE ? from : default_t0(tl, *t1);
	if (*t0 > *t1)
		*t0 = *t1;
}

const struct pst_round *pst_timeline_round_at(const struct pst_timeline *tl, pst_time t)
{
	size_t i = tl->nrounds;

	while (i > 0 && tl->rounds[i - 1].tmax > t)
		i--;
	return i ? &tl->rounds[i - 1] : NULL;
}

pst_time pst_timeline_cutoff(const struct pst_timeline *tl, uint32_t sub, pst_time t)
{
	pst_time best = PST_TIME_NONE;
	size_t i;

	for (i = 0; i < tl->nbatches; i++) {
		const struct pst_batch *b = &tl->batches[i];

		if (b->subscription == sub && b->tmax <= t && (best == PST_TIME_NONE || b->tmin > best))
			best = b->tmin;
	}
	return best;
}

const struct pst_batch *pst_timeline_batch_in(const struct pst_timeline *tl, const struct pst_round *r, uint32_t sub)
{
	const struct pst_batch *found = NULL;
	size_t i;

	for (i = r->first; i < r->first + r->n; i++)
		if (tl->batches[i].subscription == sub && (!found || tl->batches[i].count > found->count))
			found = &tl->batches[i];
	return found;
}

bool pst_timeline_has_snapshot(const struct pst_timeline *tl, uint32_t sub, pst_time t)
{
	size_t i;

	for (i = 0; i < tl->nbatches; i++)
		if (tl->batches[i].subscription == sub && tl->batches[i].tmax <= t)
			return true;
	return false;
}

void pst_timeline_in_scope(const struct pst_timeline *tl, pst_time t, uint8_t *in, size_t nsubs)
{
	const struct pst_round *r = pst_timeline_round_at(tl, t);
	uint8_t *snapped = xcalloc(nsubs ? nsubs : 1, 1);
	size_t i;

	memset(in, 0, nsubs);
	for (i = 0; i < tl->nbatches; i++)
		if (tl->batches[i].tmax <= t && tl->batches[i].subscription < nsubs)
			snapped[tl->batches[i].subscription] = 1;
	for (i = 0; r && i < r->n; i++)
		if (tl->batches[r->first + i].subscription < nsubs)
			in[tl->batches[r->first + i].subscription] = 1;
	for (i = 0; i < nsubs; i++)
		in[i] |= !snapped[i];
	if (nsubs)
		in[0] = 1;
	free(snapped);
}

pst_time pst_timeline_missing_since(const struct pst_timeline *tl, uint32_t sub, pst_time t)
{
	pst_time last = PST_TIME_NONE;
	size_t i;

	for (i = 0; i < tl->nbatches; i++)
		if (tl->batches[i].subscription == sub && tl->batches[i].tmax <= t &&
		    (last == PST_TIME_NONE || tl->batches[i].tmax > last))
			last = tl->batches[i].tmax;
	for (i = 0; last != PST_TIME_NONE && i < tl->nrounds; i++)
		if (tl->rounds[i].tmin > last && tl->rounds[i].tmax <= t)
			return tl->rounds[i].tmin;
	return PST_TIME_NONE;
}
