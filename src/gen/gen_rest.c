/* gen_rest.c: REST API lists (`{"value":[...]}`, one element a line) and the
 * Resource Graph result (`{"count":N,"data":[...]}`). */
#include <stdlib.h>
#include "gen.h"

struct list {
	struct gen_sink s;
	const struct gen_estate *e;
	size_t n;             /* elements written */
};

static int list_open(struct list *l, struct gen_ctx *c, const char *dir, const char *stem, pst_time t,
		     const char *head)
{
	struct strbuf path = STRBUF_INIT;
	char d[PST_TIME_BUF];
	int rc;

	pst_date_format(t, d, sizeof(d));
	strbuf_addf(&path, "%s/%s/%s-%s.json", c->out, dir, stem, d);
	l->e = c->e;
	l->n = 0;
	rc = gen_sink_open(&l->s, path.buf, 0, c->err);
	strbuf_release(&path);
	if (!rc)
		strbuf_addstr(&l->s.buf, head);
	return rc;
}

static void element_begin(struct list *l)
{
	strbuf_addstr(&l->s.buf, l->n++ ? ",\n{" : "\n{");
}

static void element_end(struct list *l)
{
	strbuf_addch(&l->s.buf, '}');
	gen_sink_flush(&l->s, false);
}

static int list_close(struct list *l, struct gen_ctx *c)
{
	strbuf_addstr(&l->s.buf, "\n]}\n");
	return gen_sink_close(&l->s, c->err);
}

static void rest_assessment(void *arg, uint32_t fi)
{
	struct list *l = arg;

	element_begin(l);
	strbuf_addstr(&l->s.buf, "\"id\":\"");
	gen_assessment_id(&l->s.buf, l->e, fi, GEN_ID_ARM);
	strbuf_addf(&l->s.buf, "\",\"name\":\"%s\",\"type\":\"Microsoft.Security/assessments\",\"properties\":",
		    gen_key(l->e, l->e->f[fi].rec));
	gen_assessment_props(&l->s.buf, l->e, fi, l->e->f[fi].changed, true);
	element_end(l);
}

static int rest_assessments(struct gen_ctx *c, pst_time t, uint32_t skip)
{
	struct list l;
	int rc = list_open(&l, c, "rest", "assessments", t, "{\"value\":[");

	if (rc)
		return rc;
	gen_for_each_finding(c->e, skip, rest_assessment, &l);
	return list_close(&l, c);
}

static int rest_scores(struct gen_ctx *c, pst_time t, uint32_t skip, bool controls)
{
	struct gen_sub_score *sc = gen_score_compute(c->e);
	struct list l;
	uint32_t s;
	unsigned ci;
	int rc = list_open(&l, c, "rest", controls ? "secureScoreControls" : "secureScores", t, "{\"value\":[");

	for (s = 0; !rc && s < c->e->nsubs; s++) {
		if (s == skip)
			continue;
		for (ci = 0; controls && ci < GEN_NCONTROLS; ci++) {
			element_begin(&l);
			gen_score_control_obj(&l.s.buf, c->e, s, &sc[s], ci, true);
			element_end(&l);
		}
		if (controls)
			continue;
		element_begin(&l);
		gen_score_obj(&l.s.buf, c->e, s, &sc[s]);
		element_end(&l);
	}
	free(sc);
	return rc ? rc : list_close(&l, c);
}

static int rest_catalogue(struct gen_ctx *c, pst_time t, bool metadata)
{
	const struct gen_catalog *cat = c->cat;
	struct list l;
	size_t i, n = metadata ? cat->nrecs : GEN_NCONTROLS;
	int rc = list_open(&l, c, "rest", metadata ? "assessmentMetadata" : "secureScoreControlDefinitions", t,
			   "{\"value\":[");

	for (i = 0; !rc && i < n; i++) {
		element_begin(&l);
		if (!metadata) {
			gen_control_def_obj(&l.s.buf, cat, (unsigned)i, "Microsoft.Security/SecureScoreControlDefinitions");
			element_end(&l);
			continue;
		}
		gen_metadata_obj(&l.s.buf, cat, i);
		element_end(&l);
	}
	return rc ? rc : list_close(&l, c);
}

int gen_rest_lists(struct gen_ctx *c, pst_time t, uint32_t skip_sub)
{
	int rc = rest_assessments(c, t, skip_sub);

	if (!rc)
		rc = rest_scores(c, t, skip_sub, false);
	if (!rc)
		rc = rest_scores(c, t, skip_sub, true);
	if (!rc)
		rc = rest_catalogue(c, t, false);
	if (!rc)
		rc = rest_catalogue(c, t, true);
	return rc;
}

static void arg_count(void *arg, uint32_t fi)
{
	(void)fi;
	(*(size_t *)arg)++;
}

static void arg_row(void *arg, uint32_t fi)
{
	struct list *l = arg;
	const struct gen_estate *e = l->e;
	const struct gen_resource *r = &e->res[e->f[fi].resource];

	element_begin(l);
	strbuf_addstr(&l->s.buf, "\"id\":\"");
	gen_assessment_id(&l->s.buf, e, fi, GEN_ID_LOWERRG);
	strbuf_addf(&l->s.buf, "\",\"name\":\"%s\",\"type\":\"microsoft.security/assessments\",\"tenantId\":\"%s\","
		    "\"kind\":\"\",\"location\":\"\",\"resourceGroup\":\"", gen_key(e, e->f[fi].rec), e->tenant);
	gen_resource_group(e, e->f[fi].resource, &l->s.buf);
	strbuf_addf(&l->s.buf, "\",\"subscriptionId\":\"%s\",\"managedBy\":\"\",\"sku\":null,\"plan\":null,"
		    "\"properties\":", e->subs[r->sub].id);
	gen_assessment_props(&l->s.buf, e, fi, e->f[fi].changed, true);
	strbuf_addstr(&l->s.buf, ",\"tags\":null,\"identity\":null,\"zones\":null,\"extendedLocation\":null");
	element_end(l);
}

int gen_arg_result(struct gen_ctx *c, pst_time t, uint32_t skip_sub)
{
	struct strbuf head = STRBUF_INIT;
	struct list l;
	size_t n = 0;
	int rc;

	gen_for_each_finding(c->e, skip_sub, arg_count, &n);
	strbuf_addf(&head, "{\"count\":%zu,\"data\":[", n);
	rc = list_open(&l, c, "arg", "securityresources", t, head.buf);
	strbuf_release(&head);
	if (rc)
		return rc;
	gen_for_each_finding(c->e, skip_sub, arg_row, &l);
	return list_close(&l, c);
}
