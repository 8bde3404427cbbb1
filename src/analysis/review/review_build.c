/* review_build.c: pst_review_build: the cover, the scope and the helpers
 * the section builders share (review_build.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "posture/filein.h"
#include "posture/strbuf.h"
#include "review_build_int.h"

static const char *const month_names[12] = {"January", "February", "March",     "April",   "May",      "June",
                                            "July",    "August",   "September", "October", "November", "December"};

size_t rb_team_of(const struct rb_ctx *c, uint32_t resource)
{
	size_t t = pst_team_map_of(c->tm, resource);

	return t < c->tm->nteams ? c->team_ix[t] : PST_REVIEW_NO_TEAM;
}

size_t rb_control_of(const struct rb_ctx *c, const char *key)
{
	size_t idx;

	if (!key || !pst_control_set_of_key(&c->v->cs, key, &idx, 1))
		return PST_NO_CONTROL;
	return idx;
}

double rb_row_points(const struct pst_score_row *x, bool max)
{
	if (x->source == PST_SRC_EXPORTED || (x->source == PST_SRC_MIXED && !isnan(x->exp_current)))
		return max ? x->exp_max : x->exp_current;
	return max ? x->rec_max : x->rec_current;
}

static void add_count(int64_t *to, int64_t n)
{
	if (n > 0)
		*to += n;
}

void rb_rows_sum(const struct rb_ctx *c, pst_time t, enum pst_row_scope scope, uint32_t sub, size_t control,
                 struct rb_sums *s)
{
	size_t i;

	memset(s, 0, sizeof(*s));
	for (i = 0; i < c->v->nrows; i++) {
		const struct pst_score_row *x = &c->v->rows[i];

		if (x->at != t || x->scope != scope || (sub && x->sub != sub) ||
		    (control != PST_NO_CONTROL && x->control != control))
			continue;
		s->rows++;
		if (!isnan(rb_row_points(x, false)))
			s->current += rb_row_points(x, false);
		if (!isnan(rb_row_points(x, true)))
			s->max += rb_row_points(x, true);
		if (!isnan(x->gain))
			s->gain += x->gain;
		add_count(&s->healthy, x->healthy);
		add_count(&s->unhealthy, x->unhealthy);
		add_count(&s->not_applicable, x->not_applicable);
	}
}

/* ---- file-safe names ---- */

/* Base letters of U+00C0..U+00FF ('-' for the signs × and ÷). */
static const char latin1_base[] = "AAAAAAACEEEEIIIIDNOOOOO-OUUUUYTsaaaaaaaceeeeiiiidnooooo-ouuuuyty";

static char safe_char(const unsigned char *p, size_t *adv)
{
	*adv = 1;
	if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-' ||
	    *p == '_')
		return (char)*p;
	if (*p == 0xC3 && p[1] >= 0x80 && p[1] <= 0xBF) {
		*adv = 2;
		return latin1_base[p[1] - 0x80];
	}
	while (p[*adv] >= 0x80 && p[*adv] < 0xC0)
		(*adv)++; /* the rest of a multibyte sequence */
	return '-';
}

/* A long name is cut to PST_FILE_NAME_MAX bytes, ending in "-" and 8 hex
 * digits of a hash (FNV-1a) of the whole team name: files stay within the
 * file system's limits and names that share a beginning stay apart. */
static void cap_name(struct strbuf *sb, const char *name)
{
	uint32_t h = 2166136261u;
	const unsigned char *p;
	char tail[16];

	if (sb->len <= PST_FILE_NAME_MAX)
		return;
	for (p = (const unsigned char *)name; *p; p++)
		h = (h ^ *p) * 16777619u;
	snprintf(tail, sizeof(tail), "-%08x", (unsigned)h);
	sb->len = PST_FILE_NAME_MAX - strlen(tail);
	while (sb->len && sb->buf[sb->len - 1] == '-')
		sb->len--;
	sb->buf[sb->len] = '\0';
	strbuf_addstr(sb, tail);
}

const char *pst_review_file_name(struct pst_review *r, const char *name)
{
	struct strbuf sb = STRBUF_INIT;
	const unsigned char *p = (const unsigned char *)(name ? name : "");
	const char *out;
	size_t adv;

	while (*p) {
		char ch = safe_char(p, &adv);

		if (ch != '-' || (sb.len && sb.buf[sb.len - 1] != '-'))
			strbuf_addch(&sb, ch);
		p += adv;
	}
	while (sb.len && sb.buf[sb.len - 1] == '-')
		sb.buf[--sb.len] = '\0';
	cap_name(&sb, name ? name : "");
	out = pst_review_str(r, sb.len ? strbuf_cstr(&sb) : "team");
	strbuf_release(&sb);
	return out;
}

/* ---- cover and scope ---- */

static void cover(struct rb_ctx *c)
{
	struct pst_review *r = c->r;
	struct strbuf sb = STRBUF_INIT;
	int64_t y;
	unsigned m, d;

	r->org = pst_review_str(r, c->rq->org ? c->rq->org : c->set->org ? c->set->org : "Organisation");
	r->t0 = c->d->t0;
	r->t1 = c->d->t1;
	r->generated_at = c->rq->generated_at;
	r->version = pst_review_str(r, c->rq->version);
	pst_civil_from_days(pst_month_start(r->t0) / PST_MS_PER_DAY, &y, &m, &d);
	if (c->rq->period)
		strbuf_addstr(&sb, c->rq->period);
	else
		strbuf_addf(&sb, "%04lld-%02u", (long long)y, m);
	r->period = pst_review_str(r, strbuf_cstr(&sb));
	strbuf_reset(&sb);
	strbuf_addf(&sb, "Security posture review, %s %lld", month_names[(m - 1) % 12], (long long)y);
	r->title = pst_review_str(r, strbuf_cstr(&sb));
	strbuf_release(&sb);
}

static const struct pst_score_row *sub_row(const struct rb_ctx *c, pst_time t, uint32_t sub)
{
	size_t i;

	for (i = 0; i < c->v->nrows; i++) {
		const struct pst_score_row *x = &c->v->rows[i];

		if (x->at == t && x->scope == PST_ROW_SUBSCRIPTION && x->sub == sub)
			return x;
	}
	return NULL;
}

static double row_pct(const struct pst_score_row *x)
{
	return x ? 100 * x->value : NAN;
}

static int cmp_subscription(const void *pa, const void *pb)
{
	const struct pst_review_subscription *a = pa, *b = pb;

	return pst_strcasecmp(a->id, b->id);
}

static void subscriptions(struct rb_ctx *c)
{
	const struct pst_estate *e = c->e;
	size_t n = pst_strpool_count(&e->subs), i;
	uint8_t *covered = pst_diff_coverage(e, c->d->t1);
	struct pst_review *r = c->r;

	r->subscriptions = PST_REVIEW_NEW(r, struct pst_review_subscription, n);
	for (i = 1; i < n; i++) {
		struct pst_review_subscription *s = &r->subscriptions[r->nsubscriptions++];
		const struct pst_score_row *now = sub_row(c, c->d->t1, (uint32_t)i);

		s->id = pst_review_str(r, pst_estate_subscription_id(e, (uint32_t)i));
		s->name = pst_review_str(r, pst_estate_text(e, e->subscriptions[i].name));
		s->percentage = row_pct(now);
		s->previous = row_pct(sub_row(c, c->d->t0, (uint32_t)i));
		s->weight = now ? now->exp_weight : NAN;
		s->covered_t1 = covered[i] != 0;
		s->missing_since = s->covered_t1 ? PST_TIME_NONE : pst_timeline_missing_since(&e->timeline, (uint32_t)i,
		                                                                               c->d->t1);
	}
	if (r->nsubscriptions > 1) /* by id, whatever order the data came in */
		pst_sort(r->subscriptions, r->nsubscriptions, sizeof(*r->subscriptions), cmp_subscription);
	free(covered);
}

/* Tenant ids in the data, in byte order (the pool's order depends on input). */
static int cmp_cstr(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void tenants(struct rb_ctx *c)
{
	size_t n = pst_strpool_count(&c->e->tenants), i;
	struct pst_review *r = c->r;

	r->tenants = PST_REVIEW_NEW(r, const char *, n);
	for (i = 1; i < n; i++)
		r->tenants[r->ntenants++] = pst_review_str(r, pst_strpool_str(&c->e->tenants, (uint32_t)i));
	if (r->ntenants > 1)
		pst_sort(r->tenants, r->ntenants, sizeof(*r->tenants), cmp_cstr);
}

static int teams_file(struct rb_ctx *c, struct pst_error *err)
{
	char hex[PST_SHA256_HEX];
	uint64_t size;
	const char *path = c->rq->teams_file ? c->rq->teams_file : c->teams->path;
	int rc;

	c->r->teams_file = pst_review_str(c->r, path);
	c->r->teams_file_sha256 = "";
	if (!path)
		return PST_OK;
	rc = pst_file_sha256(path, hex, &size, err);
	if (rc == PST_OK)
		c->r->teams_file_sha256 = pst_review_str(c->r, hex);
	return rc;
}

int pst_review_build(struct pst_review *r, const struct pst_review_inputs *in, const struct pst_review_request *rq,
                     struct pst_error *err)
{
	struct rb_ctx c = {r, in->e, in->tm, in->teams, in->d, in->v, in->g, in->set, in->verify, in, rq, NULL};
	int rc;

	c.team_ix = xcalloc(in->tm->nteams + 1, sizeof(*c.team_ix));
	r->first_month = in->first_month;
	cover(&c);
	rc = teams_file(&c, err);
	if (rc == PST_OK) {
		subscriptions(&c);
		tenants(&c);
		rb_summary(&c);
		rb_goals(&c);
		rb_movers(&c);
		rb_teams(&c);
		rb_team_recommendations(&c);
		rb_controls(&c);
		rb_findings(&c);
		rb_clouds(&c);
		rb_governance(&c);
		rb_exemptions(&c);
		rb_alerts(&c);
		rb_compliance(&c);
		rb_quality(&c);
		rb_sources(&c);
		rb_claims(&c);
		rb_score(&c);
		pst_review_index(r);
		rb_resources(&c);
	}
	free(c.team_ix);
	return rc;
}
