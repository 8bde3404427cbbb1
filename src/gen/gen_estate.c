/* gen_estate.c: subscriptions, resources and findings of the fictitious
 * organisation "Contoso Fabrikam", and their state at the start. */
#include <stdlib.h>
#include <string.h>
#include "gen.h"

static const char *const sub_names[] = {
	"prod-core", "prod-payments", "dev-apps", "shared-services", "data-platform"
};

static const char *const owners[] = {
	"amelia.hart@contoso-fabrikam.example", "bruno.silva@contoso-fabrikam.example",
	"chen.wei@contoso-fabrikam.example", "dana.okafor@contoso-fabrikam.example",
	"erik.lund@contoso-fabrikam.example", "fatima.haddad@contoso-fabrikam.example",
};

static void name_sub(struct gen_sub *s, size_t i)
{
	size_t n = PST_ARRAY_LEN(sub_names);

	if (i < n)
		pst_strlcpy(s->name, sub_names[i], sizeof(s->name));
	else
		snprintf(s->name, sizeof(s->name), "%s-%zu", sub_names[i % n], i / n + 1);
}

static enum gen_kind pick_kind(struct gen_rng *r)
{
	const struct gen_kind_def *k = gen_kinds();
	unsigned total = 0, x;
	int i;

	for (i = 0; i < GK__COUNT; i++)
		total += k[i].weight;
	x = gen_below(r, total);
	for (i = 1; i < GK__COUNT - 1 && x >= k[i].weight; i++)
		x -= k[i].weight;
	return (enum gen_kind)i;
}

static void build_id(const struct gen_estate *e, struct gen_resource *r)
{
	const struct gen_kind_def *k = &gen_kinds()[r->kind];
	const char *p;
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "/subscriptions/%s", e->subs[r->sub].id);
	if (r->kind == GK_SUBSCRIPTION) {
		r->name_at = (uint32_t)(sb.len - strlen(e->subs[r->sub].id));
		r->id = strbuf_detach(&sb);
		return;
	}
	strbuf_addstr(&sb, "/resourceGroups/");
	r->rg_at = (uint32_t)sb.len;
	strbuf_addf(&sb, "rg-%s-%s", k->rg, e->subs[r->sub].name);
	r->rg_len = (uint32_t)(sb.len - r->rg_at);
	if (r->kind == GK_AWS_EC2 || r->kind == GK_GCP_VM) { /* the Azure side of another cloud's resource */
		bool aws = r->kind == GK_AWS_EC2;

		strbuf_addf(&sb, "/providers/Microsoft.Security/securityConnectors/%s-%s/securityentitydata/",
		            aws ? "aws" : "gcp", e->subs[r->sub].name);
		r->name_at = (uint32_t)sb.len;
		if (aws)
			strbuf_addf(&sb, "i-0%08x%05u", (unsigned)(gen_hash(e->subs[r->sub].id) & 0xffffffffu), (unsigned)r->seq);
		else
			strbuf_addf(&sb, "gce-%s-%03u", e->subs[r->sub].name, (unsigned)r->seq);
		r->id = strbuf_detach(&sb);
		return;
	}
	strbuf_addf(&sb, "/providers/%s/%s/", k->provider, k->type);
	r->name_at = (uint32_t)sb.len;
	strbuf_addstr(&sb, k->prefix);
	if (r->kind != GK_STORAGE)
		strbuf_addch(&sb, '-');
	for (p = e->subs[r->sub].name; *p; p++)
		if (r->kind != GK_STORAGE || *p != '-')
			strbuf_addch(&sb, *p);
	strbuf_addf(&sb, r->kind == GK_STORAGE ? "%03u" : "-%03u", (unsigned)r->seq);
	r->id = strbuf_detach(&sb);
}

uint32_t gen_estate_add(struct gen_estate *e, enum gen_kind k, uint32_t s)
{
	const struct gen_catalog *c = e->cat;
	size_t nrec = c->kind_start[k + 1] - c->kind_start[k], i;
	struct gen_resource *r;

	PST_GROW(e->res, e->res_alloc, e->nres + 1);
	PST_GROW(e->f, e->f_alloc, e->nf + nrec);
	r = &e->res[e->nres];
	memset(r, 0, sizeof(*r));
	r->sub = s;
	r->kind = (uint8_t)k;
	r->first = (uint32_t)e->nf;
	r->nfind = (uint8_t)nrec;
	r->seq = ++e->kind_count[k];
	build_id(e, r);
	for (i = 0; i < nrec; i++) {
		struct gen_finding *f = &e->f[e->nf++];

		memset(f, 0, sizeof(*f));
		f->resource = (uint32_t)e->nres;
		f->rec = (uint16_t)c->by_kind[c->kind_start[k] + i];
	}
	return (uint32_t)e->nres++;
}

static uint8_t initial_state(struct gen_rng *r, bool first)
{
	unsigned x;

	if (!first && gen_chance(r, 80))
		return GF_ABSENT;
	x = gen_below(r, 1000);
	if (x < 340)
		return GF_UNHEALTHY;
	if (x < 840)
		return GF_HEALTHY;
	if (x < 890)
		return GF_NA_EXEMPT;
	return x < 950 ? GF_NA_POLICY : GF_NA_PLAN;
}

static void init_findings(struct gen_estate *e, struct gen_rng *r, pst_time start)
{
	size_t i;

	for (i = 0; i < e->nf; i++) {
		struct gen_finding *f = &e->f[i];
		pst_time age = (pst_time)(20 + gen_below(r, 400)) * PST_MS_PER_DAY;

		f->state = initial_state(r, i == e->res[f->resource].first);
		f->first_eval = start - age + (pst_time)gen_below(r, 86400) * 1000;
		f->changed = f->first_eval + (pst_time)gen_below(r, (uint32_t)(age / 60000)) * 60000;
	}
}

/* Counts of resources: make them sorted by subscription, as an estate listing is. */
static void add_resources(struct gen_estate *e, struct gen_rng *r, size_t nres)
{
	size_t i, s;

	for (s = 0; s < e->nsubs; s++)
		e->subs[s].resource = gen_estate_add(e, GK_SUBSCRIPTION, (uint32_t)s);
	for (s = 0; s < e->nsubs; s++) {
		size_t lo = (nres * s) / e->nsubs, hi = (nres * (s + 1)) / e->nsubs;

		for (i = lo; i < hi; i++)
			gen_estate_add(e, pick_kind(r), (uint32_t)s);
	}
}

void gen_estate_init(struct gen_estate *e, const struct gen_catalog *cat, uint64_t seed,
		     size_t nsubs, size_t nres, pst_time start)
{
	struct gen_rng r;
	size_t s;

	memset(e, 0, sizeof(*e));
	e->cat = cat;
	e->seed = seed;
	gen_rng_init(&r, seed, 1);
	gen_guid(gen_next(&r), gen_next(&r), e->tenant);
	gen_guid(gen_next(&r), gen_next(&r), e->workspace);
	e->nsubs = nsubs;
	e->subs = xcalloc(nsubs, sizeof(*e->subs));
	for (s = 0; s < nsubs; s++) {
		gen_guid(gen_next(&r), gen_next(&r), e->subs[s].id);
		name_sub(&e->subs[s], s);
	}
	add_resources(e, &r, nres > nsubs ? nres - nsubs : 0);
	init_findings(e, &r, start);
}

void gen_estate_release(struct gen_estate *e)
{
	size_t i;

	for (i = 0; i < e->nres; i++)
		free(e->res[i].id);
	free(e->subs);
	free(e->res);
	free(e->f);
}

bool gen_resource_present(const struct gen_estate *e, uint32_t ri)
{
	const struct gen_resource *r = &e->res[ri];
	uint32_t i;

	for (i = 0; i < r->nfind; i++)
		if (e->f[r->first + i].state != GF_ABSENT)
			return true;
	return false;
}

void gen_resource_name(const struct gen_estate *e, uint32_t ri, struct strbuf *sb)
{
	strbuf_addstr(sb, e->res[ri].id + e->res[ri].name_at);
}

void gen_resource_group(const struct gen_estate *e, uint32_t ri, struct strbuf *sb)
{
	strbuf_add(sb, e->res[ri].id + e->res[ri].rg_at, e->res[ri].rg_len);
}

static void change_case(char *s, bool upper)
{
	for (; *s; s++) {
		if (upper && *s >= 'a' && *s <= 'z')
			*s = (char)(*s - 'a' + 'A');
		else if (!upper && *s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
	}
}

void gen_resource_id(const struct gen_estate *e, uint32_t ri, enum gen_idstyle st, struct strbuf *sb)
{
	const struct gen_resource *r = &e->res[ri];
	size_t from = sb->len;

	strbuf_addstr(sb, r->id);
	if (st == GEN_ID_LOWERRG && r->rg_at)
		sb->buf[from + r->rg_at - 7] = 'g';  /* "resourceGroups/" -> "resourcegroups/" */
	if (st == GEN_ID_LOWER || st == GEN_ID_UPPER)
		change_case(sb->buf + from, st == GEN_ID_UPPER);
}

const char *gen_state_code(uint8_t st)
{
	switch (st) {
	case GF_HEALTHY: return "Healthy";
	case GF_UNHEALTHY: return "Unhealthy";
	default: return "NotApplicable";
	}
}

const char *gen_state_cause(uint8_t st)
{
	switch (st) {
	case GF_NA_EXEMPT: return "Exempt";
	case GF_NA_POLICY: return "OffByPolicy";
	case GF_NA_PLAN: return "UnsupportedPricingPlan";
	default: return NULL;
	}
}

const char *gen_state_description(uint8_t st)
{
	switch (st) {
	case GF_NA_EXEMPT: return "Risk accepted by the workload owner until the next architecture review";
	case GF_NA_POLICY: return "The recommendation is disabled by the assigned policy initiative";
	case GF_NA_PLAN: return "The subscription is not onboarded to the required Defender plan";
	default: return NULL;
	}
}

bool gen_governance(const struct gen_estate *e, uint32_t fi, struct gen_gov *g)
{
	const struct gen_finding *f = &e->f[fi];
	const char *sev = e->cat->recs[f->rec].severity;
	uint64_t h = gen_mix(e->seed * UINT64_C(0x2545f4914f6cdd1d) + fi);
	int allowance = sev[0] == 'H' ? 30 : 60;

	if (f->state != GF_UNHEALTHY || sev[0] == 'L' || h % 10 >= 4)
		return false;
	gen_guid(h, fi, g->name);
	g->owner = owners[(h >> 8) % PST_ARRAY_LEN(owners)];
	g->due = pst_month_start(f->first_eval) + (pst_time)(allowance + (int)((h >> 16) % 360)) * PST_MS_PER_DAY
		 + 13 * 3600000;
	g->eta = g->due + 7 * PST_MS_PER_DAY;
	g->ticket = 10000 + (int)((h >> 24) % 90000);
	g->grace = g->ticket % 3 == 0;
	return true;
}

const char *gen_key(const struct gen_estate *e, size_t rec)
{
	return e->renamed && rec == e->cat->alias_rec ? GEN_ALIAS_NEW : e->cat->keys[rec];
}
