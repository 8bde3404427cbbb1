/* gen_snapshot.c: the weekly full continuous-export snapshot: every record of
 * every covered subscription, isSnapshot true, written as it is built. */
#include <stdlib.h>
#include "gen.h"

uint32_t *gen_order_by_sub(const struct gen_estate *e)
{
	uint32_t *start = xcalloc(e->nsubs + 1, sizeof(*start));
	uint32_t *order = xcalloc(e->nres ? e->nres : 1, sizeof(*order));
	uint32_t i;

	for (i = 0; i < e->nres; i++)
		start[e->res[i].sub + 1]++;
	for (i = 0; i < e->nsubs; i++)
		start[i + 1] += start[i];
	for (i = 0; i < e->nres; i++)
		order[start[e->res[i].sub]++] = i;
	free(start);
	return order;
}

void gen_path(struct strbuf *sb, const struct gen_ctx *c, const char *dir, const char *stem, pst_time t,
	      const char *ext)
{
	char d[PST_TIME_BUF];

	pst_date_format(t, d, sizeof(d));
	strbuf_reset(sb);
	strbuf_addf(sb, "%s/%s/", c->out, dir);
	if (stem)
		strbuf_addf(sb, "%.7s/%s-%s%s", d, stem, d, ext);
}

static void catalogue_records(struct gen_sink *s, const struct gen_catalog *cat)
{
	unsigned i;

	for (i = 0; i < GEN_NCONTROLS; i++)
		gen_ce_control_def(&s->buf, cat, i, "Microsoft.Security/secureScoreControlDefinitions");
	for (i = 0; i < cat->nrecs; i++)
		gen_ce_metadata(&s->buf, cat, i);
	gen_sink_flush(s, false);
}

static void resource_records(struct gen_sink *s, const struct gen_estate *e, uint32_t ri, pst_time t)
{
	const struct gen_resource *r = &e->res[ri];
	uint32_t i;

	for (i = r->first; i < r->first + r->nfind; i++) {
		struct gen_gov g;

		if (e->f[i].state == GF_ABSENT)
			continue;
		gen_ce_assessment(&s->buf, e, i, true, false, false);
		if (gen_governance(e, i, &g))
			gen_ce_governance(&s->buf, e, i, &g);
		gen_ce_sub_assessments(&s->buf, e, i, t);
	}
	gen_sink_flush(s, false);
}

static void sub_summary(struct gen_sink *s, const struct gen_estate *e, uint32_t sub,
			const struct gen_sub_score *sc, const uint32_t *cnt)
{
	const char *type = "Microsoft.Security/regulatoryComplianceStandards/regulatoryComplianceControls/"
			   "regulatoryComplianceAssessments";
	size_t i, nrecs = e->cat->nrecs;

	gen_ce_score(&s->buf, e, sub, &sc[sub]);
	for (i = 0; i < GEN_NCONTROLS; i++)
		gen_ce_score_control(&s->buf, e, sub, &sc[sub], (unsigned)i, false);
	for (i = 0; i < nrecs; i++) {
		const uint32_t *c = &cnt[(sub * nrecs + i) * 3];

		if (c[0] + c[1] + c[2])
			gen_ce_compliance(&s->buf, e, sub, i, c, type);
	}
	gen_sink_flush(s, false);
}

int gen_ce_snapshot(struct gen_ctx *c, pst_time t, uint32_t skip_sub)
{
	const struct gen_estate *e = c->e;
	struct strbuf path = STRBUF_INIT;
	struct gen_sub_score *sc = gen_score_compute(e);
	uint32_t *cnt = gen_compliance_counts(e), *order = gen_order_by_sub(e), *tg = gen_path_targets(e);
	struct gen_sink s;
	uint32_t i;
	int rc;

	gen_path(&path, c, "ce", "snapshot", t, c->zlevel ? ".ndjson.gz" : ".ndjson");
	rc = gen_sink_open(&s, path.buf, c->zlevel, c->err);
	if (rc)
		goto out;
	catalogue_records(&s, c->cat);
	for (i = 0; i < e->nres; i++) {
		uint32_t sub = e->res[order[i]].sub;

		if (sub == skip_sub)
			continue;
		resource_records(&s, e, order[i], t);
		gen_ce_path(&s.buf, e, tg, order[i], t);
		if (i + 1 == e->nres || e->res[order[i + 1]].sub != sub)
			sub_summary(&s, e, sub, sc, cnt);
	}
	rc = gen_sink_close(&s, c->err);
out:
	strbuf_release(&path);
	free(sc);
	free(cnt);
	free(order);
	free(tg);
	return rc;
}

void gen_for_each_finding(const struct gen_estate *e, uint32_t skip_sub, gen_finding_fn fn, void *arg)
{
	uint32_t *order = gen_order_by_sub(e), i, fi;

	for (i = 0; i < e->nres; i++) {
		const struct gen_resource *r = &e->res[order[i]];

		if (r->sub == skip_sub)
			continue;
		for (fi = r->first; fi < r->first + r->nfind; fi++)
			if (e->f[fi].state != GF_ABSENT)
				fn(arg, fi);
	}
	free(order);
}
