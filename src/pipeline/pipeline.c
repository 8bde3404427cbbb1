/* pipeline.c: the one driver: configuration, times, the estate, the
 * analyses and the review (pipeline.h). */
#include <stdlib.h>
#include <string.h>
#include "posture/ingest.h"
#include "posture/pipeline.h"
#include "posture/review_build.h"

void pst_pipeline_init(struct pst_pipeline *p)
{
	memset(p, 0, sizeof(*p));
	pst_settings_init(&p->set);
	pst_aliases_init(&p->aliases);
	pst_teams_init(&p->rules);
	pst_goals_init(&p->goals);
	pst_claims_init(&p->claims);
	pst_estate_init(&p->e);
	p->t0 = p->t1 = PST_TIME_NONE;
	pst_diff_init(&p->diff);
	pst_team_map_init(&p->map);
	pst_score_view_init(&p->view);
	pst_diags_init(&p->notes, 0);
	pst_review_init(&p->review);
}

void pst_pipeline_release(struct pst_pipeline *p)
{
	pst_review_release(&p->review);
	pst_diags_release(&p->notes);
	pst_verify_release(&p->verify);
	pst_score_view_release(&p->view);
	pst_team_map_release(&p->map);
	pst_diff_release(&p->diff);
	pst_estate_release(&p->e);
	pst_claims_release(&p->claims);
	pst_goals_release(&p->goals);
	pst_teams_release(&p->rules);
	pst_aliases_release(&p->aliases);
	pst_settings_release(&p->set);
}

static bool wants(const struct pst_pipeline_request *rq, unsigned bits)
{
	return (rq->want & bits) != 0;
}

/* Step 1: every configuration file, before any export is read.  Goals come
 * from --goals, else from the settings' `goals = FILE`, else there are none. */
static int load_config(struct pst_pipeline *p, const struct pst_pipeline_request *rq, struct pst_error *err)
{
	int rc = PST_OK;

	if (wants(rq, PST_WANT_VERIFY))
		rc = pst_claims_load(&p->claims, rq->claims_file, err);
	if (rc == PST_OK && wants(rq, PST_WANT_DIFF | PST_WANT_VERIFY | PST_WANT_REVIEW | PST_WANT_SCORE))
		rc = pst_settings_load_default(&p->set, rq->settings_file, err);
	if (rc == PST_OK && wants(rq, PST_WANT_DIFF | PST_WANT_VERIFY | PST_WANT_REVIEW | PST_WANT_SCORE))
		rc = pst_aliases_load_default(&p->aliases, rq->aliases_file ? rq->aliases_file : p->set.aliases, err);
	if (rc == PST_OK && !wants(rq, PST_WANT_SOURCES))
		rc = pst_teams_load_default(&p->rules, rq->teams_file, err);
	if (rc == PST_OK && wants(rq, PST_WANT_SCORE | PST_WANT_REVIEW))
		rc = pst_goals_load_default(&p->goals, rq->goals_file ? rq->goals_file : p->set.goals, err);
	return rc;
}

const struct pst_state *pst_pipeline_state(const struct pst_pipeline *p, pst_time t)
{
	return pst_estate_state(&p->e, t);
}

/* Steps 2 and 3, in one pass over the inputs: the estate read once (its
 * tables, timeline and per-finding history), the times from its timeline,
 * then the states at the times the analyses need, made from the history:
 * T0 and T1 (T1 only for teams), and for the score the series' points. */
static int read_inputs(struct pst_pipeline *p, const struct pst_pipeline_request *rq, struct pst_error *err)
{
	struct pst_read_opts opts = {.skip_bad = rq->skip_bad, .now = rq->generated_at, .jobs = pst_pipeline_jobs(rq->jobs),
	                             .progress = rq->progress};
	struct pst_ingest_opts io = {.skip_bad = rq->skip_bad, .now = rq->generated_at, .progress = rq->progress};
	pst_time times[2], *st;
	size_t n;
	int rc;

	if (wants(rq, PST_WANT_SOURCES)) {
		pst_progress_phase(rq->progress, "reading");
		return pst_ingest_paths(&p->e.sources, rq->paths, rq->npaths, &io, NULL, NULL, err);
	}
	rc = pst_pipeline_load(&p->e, rq->paths, rq->npaths, NULL, 0, &opts, err);
	if (rc == PST_OK)
		rc = pst_pipeline_times(rq, &p->e.timeline, &p->t0, &p->t1, p->period, err);
	if (rc != PST_OK)
		return rc;
	times[0] = p->t0;
	times[1] = p->t1;
	if (wants(rq, PST_WANT_SCORE | PST_WANT_REVIEW)) {
		st = pst_score_view_state_times(&p->e, p->t0, p->t1, &n);
		pst_estate_add_states(&p->e, st, n);
		free(st);
	} else if (wants(rq, PST_WANT_DIFF | PST_WANT_VERIFY)) {
		pst_estate_add_states(&p->e, times, 2);
	} else {
		pst_estate_add_states(&p->e, &times[1], 1);
	}
	pst_estate_drop_history(&p->e);
	return PST_OK;
}

/* The diff of T0 and T1; in the first month of the data (nothing at or
 * before T0) the state at T1 against itself: every open finding still open,
 * with its age, and no change classes. */
static void classify(struct pst_pipeline *p, const struct pst_state *s0, const struct pst_state *s1)
{
	p->first_month = s1 && pst_state_count(s1) && !(s0 && pst_state_count(s0));
	p->diff.aliases = &p->aliases;
	if (!p->first_month) {
		pst_diff_compute(&p->diff, &p->e, s0, s1, &p->set);
		return;
	}
	pst_diff_compute(&p->diff, &p->e, s1, s1, &p->set);
	p->diff.t0 = p->t0;
	pst_diags_add(&p->notes, PST_DC_FIRST_MONTH, NULL,
	              "first month: no earlier export to compare (nothing at or before %s); the findings open at the end are "
	              "shown as still open, with their age, and no change is classified",
	              pst_date_format(p->t0, p->period_buf, sizeof(p->period_buf)));
}

/* The team map over every state kept, the diff, the control set and the view. */
static void score(struct pst_pipeline *p)
{
	const struct pst_state **states = xcalloc(p->e.nstates + 1, sizeof(*states));
	size_t i;

	for (i = 0; i < p->e.nstates; i++)
		states[i] = &p->e.states[i];
	pst_team_map_build(&p->map, &p->rules, &p->e, states, p->e.nstates);
	free(states);
	classify(p, pst_pipeline_state(p, p->t0), pst_pipeline_state(p, p->t1));
	pst_score_view_controls(&p->view, &p->e);
	pst_score_view_compute(&p->view, &p->e, &p->map, &p->goals, &p->diff, p->t0, p->t1);
}

static int review(struct pst_pipeline *p, const struct pst_pipeline_request *rq, struct pst_error *err)
{
	struct pst_review_request rr = {rq->org, p->period[0] ? p->period : NULL, rq->generated_at, rq->version,
	                                rq->teams_file};

	struct pst_review_inputs in = {&p->e,     &p->map,  &p->rules, &p->diff,
	                               &p->view,  &p->goals, &p->set,   wants(rq, PST_WANT_VERIFY) ? &p->verify : NULL,
	                               &p->notes, p->first_month};

	return pst_review_build(&p->review, &in, &rr, err);
}

/* Step 4. */
static int analyse(struct pst_pipeline *p, const struct pst_pipeline_request *rq, struct pst_error *err)
{
	const struct pst_state *t1 = pst_pipeline_state(p, p->t1);

	pst_progress_phase(rq->progress, "analysing");
	if (wants(rq, PST_WANT_SCORE | PST_WANT_REVIEW)) {
		score(p);
	} else if (wants(rq, PST_WANT_DIFF | PST_WANT_VERIFY)) {
		const struct pst_state *states[2] = {pst_pipeline_state(p, p->t0), t1};

		classify(p, states[0], t1);
		pst_team_map_build(&p->map, &p->rules, &p->e, states, 2);
	} else if (wants(rq, PST_WANT_TEAMS)) {
		pst_team_map_build(&p->map, &p->rules, &p->e, &t1, 1);
		p->diff.t0 = p->t0; /* no diff: the review's times */
		p->diff.t1 = p->t1;
	}
	if (wants(rq, PST_WANT_VERIFY))
		pst_verify_run(&p->verify, &p->claims, &p->e, &p->diff);
	return review(p, rq, err);
}

int pst_pipeline_run(struct pst_pipeline *p, const struct pst_pipeline_request *rq, struct pst_error *err)
{
	int rc = load_config(p, rq, err);

	if (rc == PST_OK)
		rc = read_inputs(p, rq, err);
	if (rc == PST_OK)
		rc = pst_pipeline_check(p, rq, err);
	if (rc == PST_OK && !wants(rq, PST_WANT_SOURCES))
		rc = analyse(p, rq, err);
	return rc;
}
