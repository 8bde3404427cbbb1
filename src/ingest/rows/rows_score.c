/* rows_score.c: the Log Analytics SecureScores, SecureScoreControls and
 * SecurityRegulatoryCompliance tables. */
#include "rows.h"

#include <math.h>

/* A fraction, also when written as a percentage (62.5 for 0.625). */
static double fraction(double v)
{
	return !isnan(v) && v > 1.0 ? v / 100.0 : v;
}

static int64_t pick_count(struct row_ctx *c, enum pst_col k, const char *path)
{
	double v;

	if (row_cell(c, k))
		return row_count(c, k);
	v = c->props ? row_jnum(c->props, path) : NAN;
	return !isnan(v) && v >= 0 && v == floor(v) && v < 9e15 ? (int64_t)v : -1;
}

/* current, max, percentage, weight: the columns, else Properties.score. */
static void score_numbers(struct row_ctx *c, double *cur, double *max, double *pct, double *weight)
{
	*cur = row_pick_num(c, PST_COL_CURRENT_SCORE, "score.current");
	*max = row_pick_num(c, PST_COL_MAX_SCORE, "score.max");
	*pct = fraction(row_pick_num(c, PST_COL_PERCENTAGE_SCORE, "score.percentage"));
	*weight = row_pick_num(c, PST_COL_WEIGHT, "weight");
}

bool pst_rows_scores(struct row_ctx *c)
{
	struct pst_secure_score *s = &c->rec.u.score;
	const char *id;

	pst_record_init(&c->rec, PST_REC_SECURE_SCORE);
	row_la_common(c);
	id = row_cell(c, PST_COL_ASSESSED_RESOURCE_ID);
	c->rec.id = id;
	c->rec.subscription_id = row_cell(c, PST_COL_SECURE_SCORES_SUBSCRIPTION_ID);
	s->name = id ? row_name_of(c, id) : "ascScore";
	s->display_name = row_pick(c, PST_COL_DISPLAY_NAME, "displayName");
	score_numbers(c, &s->current, &s->max, &s->percentage, &s->weight);
	if (isnan(s->current) && isnan(s->percentage))
		return row_reject(c, "no score (CurrentScore, PercentageScore)");
	return true;
}

bool pst_rows_controls(struct row_ctx *c)
{
	struct pst_score_control *k = &c->rec.u.control;
	const cJSON *defs;

	pst_record_init(&c->rec, PST_REC_SCORE_CONTROL);
	row_la_common(c);
	c->rec.id = row_cell(c, PST_COL_ASSESSED_RESOURCE_ID);
	c->rec.subscription_id = row_cell(c, PST_COL_SECURE_SCORES_SUBSCRIPTION_ID);
	k->control_id = row_name_of(c, row_cell(c, PST_COL_CONTROL_ID));
	k->display_name = row_pick(c, PST_COL_CONTROL_NAME, "displayName");
	k->healthy = pick_count(c, PST_COL_HEALTHY_RESOURCES, "healthyResourceCount");
	k->unhealthy = pick_count(c, PST_COL_UNHEALTHY_RESOURCES, "unhealthyResourceCount");
	k->not_applicable = pick_count(c, PST_COL_NOT_APPLICABLE_RESOURCES, "notApplicableResourceCount");
	score_numbers(c, &k->current, &k->max, &k->percentage, &k->weight);
	defs = row_jget(c->props, "definition.properties.assessmentDefinitions");
	if (!defs)
		defs = row_json(c, PST_COL_RECOMMENDATION_RESOURCE_IDS);
	k->assessment_keys = row_str_list(c, defs, true);
	if (!k->control_id)
		return row_reject(c, "no control id (ControlId)");
	return true;
}

bool pst_rows_compliance(struct row_ctx *c)
{
	struct pst_compliance *r = &c->rec.u.compliance;
	const char *id = row_cell(c, PST_COL_RECOMMENDATION_ID), *state;

	pst_record_init(&c->rec, PST_REC_COMPLIANCE);
	row_la_common(c);
	c->rec.id = id;
	c->rec.subscription_id = row_cell(c, PST_COL_REGULATORY_COMPLIANCE_SUBSCRIPTION_ID);
	r->standard = row_cell(c, PST_COL_COMPLIANCE_STANDARD);
	r->control = row_cell(c, PST_COL_COMPLIANCE_CONTROL);
	r->assessment = row_name_of(c, id);
	r->description = row_pick(c, PST_COL_RECOMMENDATION_NAME, "description");
	state = row_pick(c, PST_COL_STATE, "state");
	r->state = pst_compliance_state_parse(state);
	r->passed = pick_count(c, PST_COL_PASSED_RESOURCES, "passedResources");
	r->failed = pick_count(c, PST_COL_FAILED_RESOURCES, "failedResources");
	r->skipped = pick_count(c, PST_COL_SKIPPED_RESOURCES, "skippedResources");
	if (!r->standard || !r->control)
		return row_reject(c, "no compliance standard or control");
	if (!r->assessment)
		return row_reject(c, "no assessment (RecommendationId)");
	if (r->state == PST_CS_UNKNOWN)
		return row_reject(c, "unknown state '%s'", state ? row_quote(c, state) : "");
	return true;
}
