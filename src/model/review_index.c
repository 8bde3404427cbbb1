/* review_index.c: what the review's lists give when read together
 * (review.h, pst_review_index): the input as one manifest, by format, by
 * folder and its largest files; the warnings by kind; the subscriptions
 * with a problem. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "posture/review.h"
#include "posture/sha256.h"
#include "posture/strbuf.h"

/* One line as sha256sum writes it: a path with a backslash or a newline
 * gets a leading backslash and those two escaped. */
static char *manifest_line(const struct pst_review_source *f)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p;

	if (strpbrk(f->path, "\\\n"))
		strbuf_addch(&sb, '\\');
	strbuf_addf(&sb, "%s  ", f->sha256);
	for (p = f->path; *p; p++) {
		if (*p == '\\')
			strbuf_addstr(&sb, "\\\\");
		else if (*p == '\n')
			strbuf_addstr(&sb, "\\n");
		else
			strbuf_addch(&sb, *p);
	}
	strbuf_addch(&sb, '\n');
	return strbuf_detach(&sb);
}

static int cmp_line(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The text of sources.sha256 and its hash. */
static void manifest_text(struct pst_review *r)
{
	struct pst_review_manifest *m = &r->manifest;
	char **lines = xcalloc(r->nsources + 1, sizeof(*lines)), hex[PST_SHA256_HEX], *text;
	struct pst_sha256 sha;
	size_t i, n = 0, len = 0;

	for (i = 0; i < r->nsources; i++) {
		m->files++;
		m->bytes += r->sources[i].size;
		if (r->sources[i].sha256 && r->sources[i].sha256[0])
			lines[n++] = manifest_line(&r->sources[i]);
	}
	pst_sort(lines, n, sizeof(*lines), cmp_line);
	for (i = 0; i < n; i++)
		len += strlen(lines[i]);
	text = pst_review_alloc(r, len + 1);
	pst_sha256_init(&sha);
	for (i = 0, len = 0; i < n; i++) {
		size_t k = strlen(lines[i]);

		memcpy(text + len, lines[i], k);
		pst_sha256_update(&sha, lines[i], k);
		len += k;
		free(lines[i]);
	}
	free(lines);
	pst_sha256_hex(&sha, hex);
	m->hashed = n;
	m->text = text;
	m->text_len = len;
	m->sha256 = pst_review_str(r, hex);
}

/* ---- groups ---- */

struct label {
	const char *s;
	size_t n;
	size_t src;  /* index into review.sources */
};

static int cmp_label(const void *pa, const void *pb)
{
	const struct label *a = pa, *b = pb;
	size_t n = a->n < b->n ? a->n : b->n;
	int c = memcmp(a->s, b->s, n);

	return c ? c : (a->n > b->n) - (a->n < b->n);
}

static bool same_label(const struct label *a, const struct label *b)
{
	return a->n == b->n && memcmp(a->s, b->s, a->n) == 0;
}

/* Sorts labels and sums them into groups (the array is big enough). */
static size_t group(struct pst_review *r, struct label *l, size_t n, struct pst_review_source_group *out)
{
	size_t i, k = 0;

	pst_sort(l, n, sizeof(*l), cmp_label);
	for (i = 0; i < n; i++) {
		const struct pst_review_source *s = &r->sources[l[i].src];
		struct pst_review_source_group *g;

		if (i == 0 || !same_label(&l[i], &l[i - 1])) {
			struct strbuf sb = STRBUF_INIT;

			strbuf_add(&sb, l[i].s, l[i].n);
			out[k++].label = pst_review_str(r, sb.len ? strbuf_cstr(&sb) : ".");
			strbuf_release(&sb);
		}
		g = &out[k - 1];
		g->files++;
		g->bytes += s->size;
		g->records += s->total;
	}
	return k;
}

static void by_format(struct pst_review *r)
{
	struct label *l = xcalloc(r->nsources + 1, sizeof(*l));
	size_t i;

	for (i = 0; i < r->nsources; i++)
		l[i] = (struct label){r->sources[i].format, strlen(r->sources[i].format), i};
	r->manifest.formats = PST_REVIEW_NEW(r, struct pst_review_source_group, r->nsources + 1);
	r->manifest.nformats = group(r, l, r->nsources, r->manifest.formats);
	free(l);
}

/* Length of the folder every path is under (up to a '/', which it
 * includes), 0 when none. */
static size_t root_len(const struct pst_review *r)
{
	size_t n, i, k;
	const char *first = r->nsources ? r->sources[0].path : "", *slash = strrchr(first, '/');

	n = slash ? (size_t)(slash - first) + 1 : 0;
	for (i = 1; i < r->nsources && n; i++) {
		const char *p = r->sources[i].path;

		for (k = 0; k < n && p[k] == first[k]; k++)
			;
		while (k > 0 && first[k - 1] != '/')
			k--;
		n = k;
	}
	return n;
}

/* The first depth folders of path's folder (after the root). */
static struct label folder_label(const char *rel, size_t depth, size_t src)
{
	const char *end = strrchr(rel, '/'), *p = rel;
	size_t d;

	if (!end)
		return (struct label){rel, 0, src};
	for (d = 1;; d++) {
		const char *q = memchr(p, '/', (size_t)(end - p));

		if (!q || d == depth) {
			p = q ? q : end;
			break;
		}
		p = q + 1;
	}
	return (struct label){rel, (size_t)(p - rel), src};
}

static size_t distinct(struct label *l, size_t n)
{
	size_t i, k = 0;

	pst_sort(l, n, sizeof(*l), cmp_label);
	for (i = 0; i < n; i++)
		k += i == 0 || !same_label(&l[i], &l[i - 1]);
	return k;
}

/* The depth that splits the files into the most groups, at most
 * PST_REVIEW_FOLDERS (the shallowest such; 1 when even it gives more). */
static size_t folder_depth(const struct pst_review *r, size_t root, struct label *l)
{
	size_t i, depth, best = 1, most = 0;

	for (depth = 1; depth < 32; depth++) {
		size_t k;

		for (i = 0; i < r->nsources; i++)
			l[i] = folder_label(r->sources[i].path + root, depth, i);
		k = distinct(l, r->nsources);
		if (k > PST_REVIEW_FOLDERS)
			break;
		if (k > most) {
			most = k;
			best = depth;
		}
	}
	return best;
}

static void by_folder(struct pst_review *r)
{
	struct label *l = xcalloc(r->nsources + 1, sizeof(*l));
	size_t i, root = root_len(r), depth = folder_depth(r, root, l);
	struct strbuf sb = STRBUF_INIT;

	for (i = 0; i < r->nsources; i++)
		l[i] = folder_label(r->sources[i].path + root, depth, i);
	r->manifest.folders = PST_REVIEW_NEW(r, struct pst_review_source_group, r->nsources + 1);
	r->manifest.nfolders = group(r, l, r->nsources, r->manifest.folders);
	if (root)
		strbuf_add(&sb, r->sources[0].path, root);
	r->manifest.root = pst_review_str(r, strbuf_cstr(&sb));
	strbuf_release(&sb);
	free(l);
}

struct by_size {
	uint64_t size;
	const char *path;
	size_t ix;
};

static int cmp_size(const void *pa, const void *pb)
{
	const struct by_size *a = pa, *b = pb;

	if (a->size != b->size)
		return a->size < b->size ? 1 : -1;
	return strcmp(a->path, b->path);
}

static void largest(struct pst_review *r)
{
	struct by_size *t = xcalloc(r->nsources + 1, sizeof(*t));
	size_t i, n = r->nsources < PST_REVIEW_LARGEST ? r->nsources : PST_REVIEW_LARGEST;

	for (i = 0; i < r->nsources; i++)
		t[i] = (struct by_size){r->sources[i].size, r->sources[i].path, i};
	pst_sort(t, r->nsources, sizeof(*t), cmp_size);
	r->manifest.largest = PST_REVIEW_NEW(r, size_t, n + 1);
	for (i = 0; i < n; i++)
		r->manifest.largest[i] = t[i].ix;
	r->manifest.nlargest = n;
	free(t);
}

/* The kinds of warning, in code order, with the first few of each. */
static void kinds(struct pst_review *r)
{
	struct pst_review_warning_kind all[PST_DC__COUNT];
	size_t i, k;

	memset(all, 0, sizeof(all));
	for (i = 0; i < r->warnings.n; i++) {
		struct pst_review_warning_kind *w = &all[r->warnings.items[i].code];

		if (w->nfirst < PST_REVIEW_EXAMPLES)
			w->first[w->nfirst++] = i;
		w->count++;
	}
	r->warning_kinds = PST_REVIEW_NEW(r, struct pst_review_warning_kind, PST_DC__COUNT);
	for (k = 0; k < PST_DC__COUNT; k++) {
		if (!all[k].count)
			continue;
		all[k].code = (enum pst_diag_code)k;
		r->warning_kinds[r->nwarning_kinds++] = all[k];
	}
}

/* ---- subscriptions with a problem ---- */

struct sub_tally {
	uint64_t warnings, score_checks;
	bool code[PST_DC__COUNT];
};

/* The subscription a message names after "subscription " at p, or
 * PST_REVIEW_NO_TEAM. */
static size_t named_sub(const struct pst_review *r, const char *p)
{
	char id[128];
	size_t n = 0, lo = 0, hi = r->nsubscriptions;

	while (n + 1 < sizeof(id) && (isalnum((unsigned char)p[n]) || p[n] == '-' || p[n] == '_')) {
		id[n] = p[n];
		n++;
	}
	id[n] = '\0';
	while (n && lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int cmp = pst_strcasecmp(r->subscriptions[mid].id, id);

		if (cmp == 0)
			return mid;
		if (cmp < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return PST_REVIEW_NO_TEAM;
}

/* Counts each warning once for every subscription it names. */
static void tally_warnings(const struct pst_review *r, struct sub_tally *t)
{
	static const char word[] = "subscription ";
	size_t i;

	for (i = 0; i < r->warnings.n; i++) {
		const struct pst_diag *d = &r->warnings.items[i];
		const char *p = d->msg, *q;
		size_t last = PST_REVIEW_NO_TEAM;

		while ((q = strstr(p, word)) != NULL) {
			size_t s = named_sub(r, q + sizeof(word) - 1);

			p = q + sizeof(word) - 1;
			if (s == PST_REVIEW_NO_TEAM || s == last)
				continue;
			t[s].warnings++;
			t[s].code[d->code] = true;
			last = s;
		}
	}
}

static void tally_scores(const struct pst_review *r, struct sub_tally *t)
{
	size_t i, s;

	for (i = 0; i < r->score.nrows; i++) {
		const struct pst_review_score_row *x = &r->score.rows[i];

		if (!x->differs || !*x->subscription_id)
			continue;
		s = named_sub(r, x->subscription_id);
		if (s != PST_REVIEW_NO_TEAM)
			t[s].score_checks++;
	}
}

static void part(struct strbuf *sb, const char *text)
{
	if (sb->len)
		strbuf_addstr(sb, "; ");
	strbuf_addch(sb, sb->len ? tolower((unsigned char)text[0]) : text[0]);
	strbuf_addstr(sb, text + 1);
}

static const char *problem_text(struct pst_review *r, const struct pst_review_subscription *s,
                                const struct sub_tally *t)
{
	struct strbuf sb = STRBUF_INIT;
	char buf[PST_TIME_BUF], line[160];
	const char *out;
	size_t k;

	if (!s->covered_t1 && s->missing_since != PST_TIME_NONE) {
		snprintf(line, sizeof(line), "Out of scope at the end: missing from the exports since %s",
		         pst_date_format(s->missing_since, buf, sizeof(buf)));
		part(&sb, line);
	} else if (!s->covered_t1) {
		part(&sb, "Out of scope at the end: missing from the last export");
	}
	for (k = 0; k < PST_DC__COUNT; k++)
		if (t->code[k] && k != PST_DC_SUBSCRIPTION_MISSING)
			part(&sb, pst_diag_code_label((enum pst_diag_code)k));
	if (t->score_checks) {
		snprintf(line, sizeof(line), "%llu score value%s differ%s from Defender's export",
		         (unsigned long long)t->score_checks, t->score_checks == 1 ? "" : "s",
		         t->score_checks == 1 ? "s" : "");
		part(&sb, line);
	}
	out = pst_review_str(r, strbuf_cstr(&sb));
	strbuf_release(&sb);
	return out;
}

static int cmp_problem(const void *pa, const void *pb)
{
	const struct pst_review_sub_problem *a = pa, *b = pb;
	uint64_t na = a->warnings + a->score_checks, nb = b->warnings + b->score_checks;

	if (a->out_of_scope != b->out_of_scope)
		return a->out_of_scope ? -1 : 1;
	if (na != nb)
		return na > nb ? -1 : 1;
	return (a->sub > b->sub) - (a->sub < b->sub);
}

static void problems(struct pst_review *r)
{
	struct sub_tally *t = xcalloc(r->nsubscriptions + 1, sizeof(*t));
	size_t i;

	tally_warnings(r, t);
	tally_scores(r, t);
	r->sub_problems = PST_REVIEW_NEW(r, struct pst_review_sub_problem, r->nsubscriptions + 1);
	for (i = 0; i < r->nsubscriptions; i++) {
		struct pst_review_sub_problem *p = &r->sub_problems[r->nsub_problems];

		if (r->subscriptions[i].covered_t1 && !t[i].warnings && !t[i].score_checks)
			continue;
		p->sub = i;
		p->out_of_scope = !r->subscriptions[i].covered_t1;
		p->warnings = t[i].warnings;
		p->score_checks = t[i].score_checks;
		p->problems = problem_text(r, &r->subscriptions[i], &t[i]);
		r->nsub_problems++;
	}
	pst_sort(r->sub_problems, r->nsub_problems, sizeof(*r->sub_problems), cmp_problem);
	free(t);
}

void pst_review_index(struct pst_review *r)
{
	memset(&r->manifest, 0, sizeof(r->manifest));
	manifest_text(r);
	by_format(r);
	by_folder(r);
	largest(r);
	kinds(r);
	problems(r);
}
