/* gen_la.c: Log Analytics CSV exports of SecurityRecommendation, SecureScores
 * and SecureScoreControls, rows marked IsSnapshot, Properties as JSON text. */
#include <stdlib.h>
#include "gen.h"

struct la {
	struct gen_sink s;
	const struct gen_estate *e;
	const struct gen_sub_score *sc;
	char tg[PST_TIME_BUF];     /* TimeGenerated */
	struct strbuf tmp;
};

static void header(struct la *l, const char *const *cols)
{
	size_t i;

	for (i = 0; cols[i]; i++)
		gen_csv_field(&l->s.buf, cols[i], i == 0, false);
	strbuf_addch(&l->s.buf, '\n');
}

static void f(struct la *l, const char *v)
{
	gen_csv_field(&l->s.buf, v, false, false);
}

static void f_tmp(struct la *l)
{
	gen_csv_field(&l->s.buf, l->tmp.buf ? l->tmp.buf : "", false, false);
	strbuf_reset(&l->tmp);
}

static void f_num(struct la *l, double v)
{
	gen_json_num(&l->tmp, v);
	f_tmp(l);
}

static void f_time(struct la *l, pst_time t)
{
	char buf[48];

	gen_time_text(t, buf, sizeof(buf));
	f(l, buf);
}

static const char *const rec_cols[] = {
	"TenantId", "TimeGenerated", "RecommendationId", "RecommendationName", "RecommendationDisplayName",
	"Description", "RemediationDescription", "RecommendationState", "RecommendationSeverity",
	"NotApplicableReason", "PolicyDefinitionId", "AssessedResourceId", "ProviderName", "IsSnapshot",
	"Properties", "FirstEvaluationDate", "StatusChangeDate", "RecommendationLink", "Type", NULL
};

static void rec_row(void *arg, uint32_t fi)
{
	struct la *l = arg;
	const struct gen_finding *fd = &l->e->f[fi];
	const struct gen_rec_def *d = &l->e->cat->recs[fd->rec];
	const char *key = gen_key(l->e, fd->rec);

	gen_csv_field(&l->s.buf, l->e->workspace, true, false);
	f(l, l->tg);
	f(l, key);
	f(l, key);
	f(l, d->name);
	f(l, d->description);
	f(l, d->remediation);
	f(l, gen_state_code(fd->state));
	f(l, d->severity);
	f(l, gen_state_cause(fd->state));
	strbuf_addf(&l->tmp, "/providers/Microsoft.Authorization/policyDefinitions/%s", l->e->cat->policies[fd->rec]);
	f_tmp(l);
	gen_resource_id(l->e, fd->resource, GEN_ID_LOWERRG, &l->tmp);
	f_tmp(l);
	f(l, "Microsoft Defender for Cloud");
	f(l, "true");
	gen_assessment_props(&l->tmp, l->e, fi, fd->changed, true);
	f_tmp(l);
	f_time(l, fd->first_eval);
	f_time(l, fd->changed);
	strbuf_addf(&l->tmp, "https://portal.azure.com/#blade/Microsoft_Azure_Security/RecommendationsBlade/"
		    "assessmentKey/%s", key);
	f_tmp(l);
	f(l, "SecurityRecommendation");
	strbuf_addch(&l->s.buf, '\n');
	gen_sink_flush(&l->s, false);
}

static const char *const score_cols[] = {
	"TenantId", "TimeGenerated", "SecureScoresSubscriptionId", "DisplayName", "CurrentScore", "MaxScore",
	"PercentageScore", "Weight", "IsSnapshot", "Properties", "AssessedResourceId", "Environment", "Type", NULL
};

static void score_row(struct la *l, uint32_t s)
{
	const struct gen_sub_score *sc = &l->sc[s];

	gen_csv_field(&l->s.buf, l->e->workspace, true, false);
	f(l, l->tg);
	f(l, l->e->subs[s].id);
	f(l, "ASC score");
	f_num(l, sc->current);
	f_num(l, sc->max);
	f_num(l, sc->percentage);
	f_num(l, sc->weight);
	f(l, "true");
	strbuf_addch(&l->tmp, '{');
	gen_score_obj(&l->tmp, l->e, s, sc);
	strbuf_addch(&l->tmp, '}');
	f_tmp(l);
	strbuf_addf(&l->tmp, "/subscriptions/%s/providers/Microsoft.Security/secureScores/ascScore", l->e->subs[s].id);
	f_tmp(l);
	f(l, "Azure");
	f(l, "SecureScores");
	strbuf_addch(&l->s.buf, '\n');
}

static const char *const control_cols[] = {
	"TenantId", "TimeGenerated", "SecureScoresSubscriptionId", "ControlId", "ControlName", "ControlType",
	"CurrentScore", "MaxScore", "PercentageScore", "HealthyResources", "UnhealthyResources",
	"NotApplicableResources", "Weight", "IsSnapshot", "Properties", "AssessedResourceId", "Environment",
	"Type", NULL
};

static void control_row(struct la *l, uint32_t s, unsigned ci)
{
	const struct gen_ctl_score *c = &l->sc[s].ctl[ci];
	const struct gen_control_def *d = &gen_controls()[ci];

	gen_csv_field(&l->s.buf, l->e->workspace, true, false);
	f(l, l->tg);
	f(l, l->e->subs[s].id);
	f(l, d->guid);
	f(l, d->name);
	f(l, "BuiltIn");
	f_num(l, c->current);
	f_num(l, c->max);
	f_num(l, c->percentage);
	f_num(l, c->healthy);
	f_num(l, c->unhealthy);
	f_num(l, c->na);
	f_num(l, c->healthy + c->unhealthy);
	f(l, "true");
	strbuf_addch(&l->tmp, '{');
	gen_score_control_obj(&l->tmp, l->e, s, &l->sc[s], ci, false);
	strbuf_addch(&l->tmp, '}');
	f_tmp(l);
	strbuf_addf(&l->tmp, "/subscriptions/%s/providers/Microsoft.Security/secureScores/ascScore/"
		    "secureScoreControls/%s", l->e->subs[s].id, d->guid);
	f_tmp(l);
	f(l, "Azure");
	f(l, "SecureScoreControls");
	strbuf_addch(&l->s.buf, '\n');
}

static void sub_rows(struct la *l, uint32_t skip_sub, bool controls)
{
	uint32_t s;
	unsigned ci;

	for (s = 0; s < l->e->nsubs; s++) {
		if (s == skip_sub)
			continue;
		if (!controls)
			score_row(l, s);
		for (ci = 0; controls && ci < GEN_NCONTROLS; ci++)
			control_row(l, s, ci);
		gen_sink_flush(&l->s, false);
	}
}

enum la_table { LA_REC, LA_SCORE, LA_CONTROL };

static int la_file(struct gen_ctx *c, struct la *l, pst_time t, uint32_t skip_sub, enum la_table which)
{
	static const char *const names[] = {"SecurityRecommendation", "SecureScores", "SecureScoreControls"};
	static const char *const *const cols[] = {rec_cols, score_cols, control_cols};
	struct strbuf path = STRBUF_INIT;
	char ts[PST_TIME_BUF];
	int rc;

	pst_time_format(t, ts, sizeof(ts));
	ts[13] = ts[16] = '_';
	strbuf_addf(&path, "%s/la/%s_%s.csv", c->out, names[which], ts);
	rc = gen_sink_open(&l->s, path.buf, 0, c->err);
	strbuf_release(&path);
	if (rc)
		return rc;
	header(l, cols[which]);
	if (which == LA_REC)
		gen_for_each_finding(c->e, skip_sub, rec_row, l);
	else
		sub_rows(l, skip_sub, which == LA_CONTROL);
	return gen_sink_close(&l->s, c->err);
}

int gen_la_csv(struct gen_ctx *c, pst_time t, uint32_t skip_sub)
{
	struct la l = {.e = c->e, .tmp = STRBUF_INIT};
	int rc, which;

	l.sc = gen_score_compute(c->e);
	gen_time_text(t, l.tg, sizeof(l.tg));
	for (which = LA_REC, rc = PST_OK; which <= LA_CONTROL && !rc; which++)
		rc = la_file(c, &l, t, skip_sub, (enum la_table)which);
	free((void *)l.sc);
	strbuf_release(&l.tmp);
	return rc;
}
