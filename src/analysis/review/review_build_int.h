/* review_build_int.h (private to src/analysis/review_build*.c): the inputs
 * of one build and the section builders (review_build.h). */
#ifndef POSTURE_REVIEW_BUILD_INT_H
#define POSTURE_REVIEW_BUILD_INT_H

#include "posture/review_build.h"

struct rb_ctx {
	struct pst_review *r;
	const struct pst_estate *e;
	const struct pst_team_map *tm;
	const struct pst_teams *teams;
	const struct pst_diff *d;
	const struct pst_score_view *v;
	const struct pst_goals *g;
	const struct pst_settings *set;
	const struct pst_verify *verify;  /* or NULL */
	const struct pst_review_inputs *in;
	const struct pst_review_request *rq;
	size_t *team_ix;        /* team map index -> review team index (or PST_REVIEW_NO_TEAM) */
};

/* Review team of an estate resource (PST_REVIEW_NO_TEAM if none). */
size_t rb_team_of(const struct rb_ctx *c, uint32_t resource);
/* The control set index of an assessment key's first control, or PST_NO_CONTROL. */
size_t rb_control_of(const struct rb_ctx *c, const char *key);
/* A score row's points (max: its maximum): exported, else recomputed. */
double rb_row_points(const struct pst_score_row *x, bool max);
/* Sums of the view's rows of scope at time t (sub 0 = every subscription;
 * control PST_NO_CONTROL = any): points now, max, gain and counts. */
struct rb_sums {
	double current, max, gain;
	int64_t healthy, unhealthy, not_applicable;
	size_t rows;
};
void rb_rows_sum(const struct rb_ctx *c, pst_time t, enum pst_row_scope scope, uint32_t sub, size_t control,
                 struct rb_sums *s);

/* Sections (each fills its part of c->r). */
void rb_summary(struct rb_ctx *c);
void rb_goals(struct rb_ctx *c);
void rb_movers(struct rb_ctx *c);  /* after the subscriptions */
void rb_teams(struct rb_ctx *c);
void rb_team_recommendations(struct rb_ctx *c);
void rb_controls(struct rb_ctx *c);
void rb_findings(struct rb_ctx *c);
void rb_attack_paths(struct rb_ctx *c);  /* review_build_paths.c: in rb_findings, before the fix order */
void rb_path_findings(struct rb_ctx *c); /* after it: each path's findings in fix-first order */
void rb_clouds(struct rb_ctx *c);
void rb_governance(struct rb_ctx *c);
void rb_exemptions(struct rb_ctx *c);
void rb_alerts(struct rb_ctx *c);
void rb_compliance(struct rb_ctx *c);
void rb_quality(struct rb_ctx *c);
void rb_sources(struct rb_ctx *c);
void rb_claims(struct rb_ctx *c);
void rb_score(struct rb_ctx *c);
void rb_resources(struct rb_ctx *c);

#endif
