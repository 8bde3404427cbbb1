/* score.c: the secure score formula, rounding, and combining subscriptions
 * (the rules are written out in score.h). */
#include <math.h>
#include "posture/score.h"

double pst_score_control_points(double max, int64_t healthy, int64_t unhealthy)
{
	if (healthy + unhealthy <= 0 || isnan(max))
		return 0;
	return max * (double)healthy / (double)(healthy + unhealthy);
}

double pst_score_round_points(double v)
{
	return round(v * 100) / 100;
}

double pst_score_round_fraction(double v)
{
	return round(v * 10000) / 10000;
}

void pst_control_score_compute(struct pst_control_score *c, double def_max)
{
	c->max = (c->healthy + c->unhealthy > 0 && !isnan(def_max)) ? def_max : 0;
	c->current = pst_score_control_points(c->max, c->healthy, c->unhealthy);
	c->percentage = c->max > 0 ? pst_score_round_fraction(pst_score_round_points(c->current) / c->max) : 0;
}

void pst_score_total(const struct pst_control_score *c, size_t n, struct pst_score_total *t)
{
	size_t i;

	t->current = t->max = 0;
	t->healthy = t->unhealthy = 0;
	for (i = 0; i < n; i++) {
		t->current += isnan(c[i].current) ? 0 : pst_score_round_points(c[i].current);
		t->max += isnan(c[i].max) ? 0 : c[i].max;
		t->healthy += c[i].healthy > 0 ? c[i].healthy : 0;
		t->unhealthy += c[i].unhealthy > 0 ? c[i].unhealthy : 0;
	}
	t->percentage = t->max > 0 ? t->current / t->max : 0;
}

/* A hair of slack keeps binary noise in rounded values from counting as a step. */
static bool differ(double a, double b, double step)
{
	if (isnan(a) || isnan(b))
		return false;
	return fabs(a - b) > step * 1.000001;
}

bool pst_score_points_differ(double a, double b)
{
	return differ(a, b, PST_SCORE_POINTS_STEP);
}

bool pst_score_fraction_differ(double a, double b)
{
	return differ(a, b, PST_SCORE_FRACTION_STEP);
}

static bool all_weighted(const struct pst_sub_score *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (isnan(s[i].weight) || s[i].weight < 0)
			return false;
	return true;
}

/* See score.h for the rule and its source. */
void pst_score_combine(const struct pst_sub_score *s, size_t n, struct pst_score_combined *out)
{
	double sum = 0;
	size_t i;

	out->weights_from_counts = !all_weighted(s, n);
	out->weight = 0;
	for (i = 0; i < n; i++) {
		double w = out->weights_from_counts ? (double)(s[i].healthy + s[i].unhealthy) : s[i].weight;

		if (s[i].max <= 0 || w <= 0)
			continue;
		sum += w * s[i].current / s[i].max;
		out->weight += w;
	}
	out->percentage = out->weight > 0 ? sum / out->weight : NAN;
}
