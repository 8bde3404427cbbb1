/* pipeline.h: the one driver, from a command's request to its results.
 *
 *   files -> records (ingest.h) -> estate, timeline, states at the times
 *   asked for (estate.h) -> diff, score, teams, verify (analysis) -> review
 *   model (review.h), which the renderers print.
 *
 * pst_pipeline_run goes through these steps, stopping at the first failure:
 *   1. the configuration files (settings, team rules, goals, claims): a bad
 *      one fails before any export is read;
 *   2. the estate, read in one pass over the inputs: tables, series,
 *      timeline and the per-finding history (history.h);
 *   3. the times T0 and T1 (pst_pipeline_times: from --from, --to, --period
 *      or the command's default rule, on the timeline just read), then a
 *      state at each time the analyses need (T0, T1, the score series'
 *      points), made from the history, which is then freed;
 *   4. the analyses the request wants (PST_WANT_*), then the review.
 * A command makes one call and hands the results to its renderers.
 *
 * Ownership: struct pst_pipeline owns everything it holds;
 * pst_pipeline_release frees it.  The request is borrowed for the call.
 */
#ifndef POSTURE_PIPELINE_H
#define POSTURE_PIPELINE_H

#include <stdbool.h>
#include <stddef.h>
#include "posture/aliases.h"
#include "posture/common.h"
#include "posture/diff.h"
#include "posture/estate.h"
#include "posture/goals.h"
#include "posture/progress.h"
#include "posture/review.h"
#include "posture/score_view.h"
#include "posture/settings.h"
#include "posture/teams.h"
#include "posture/teams_map.h"
#include "posture/timeline.h"
#include "posture/verify.h"

/* How T0 and T1 are chosen when --from / --to / --period leave them open. */
enum pst_times_rule {
	PST_TIMES_SNAPSHOTS, /* diff, verify: the ends of the last two snapshot rounds */
	PST_TIMES_MONTH,     /* score, teams: T1 the end of the latest round, T0 one month before */
	PST_TIMES_LAST_MONTH /* report: the last whole month in the data (then as PST_TIMES_MONTH) */
};

/* What to compute (bits). */
enum {
	PST_WANT_SOURCES = 1u << 0, /* only what was read (inspect): no estate */
	PST_WANT_DIFF = 1u << 1,    /* the classified diff of T0 and T1 (and its review) */
	PST_WANT_VERIFY = 1u << 2,  /* the claims judged against the diff (and their review) */
	PST_WANT_SCORE = 1u << 3,   /* the score view (series, gains, goals, league) */
	PST_WANT_TEAMS = 1u << 4,   /* the team of every resource at T1 */
	PST_WANT_REVIEW = 1u << 5   /* the whole review: the diff and the score view */
};

struct pst_pipeline_request {
	const char *const *paths;
	size_t npaths;
	pst_time from, to;          /* PST_TIME_NONE unless given */
	const char *period;         /* "YYYY-MM" or NULL */
	enum pst_times_rule rule;
	unsigned want;              /* PST_WANT_* */
	const char *settings_file;  /* NULL: the default lookup (settings.h) */
	const char *aliases_file;   /* the user's renamed recommendations, else the settings' `aliases = FILE` */
	const char *teams_file;
	const char *goals_file;
	const char *claims_file;    /* PST_WANT_VERIFY */
	bool skip_bad;
	unsigned jobs;              /* reader threads (--jobs); 0: the online CPUs */
	bool allow_partial;         /* go on where the period is not covered (else PST_EDATA) */
	struct pst_progress *progress; /* the progress line, or NULL */
	/* for the review */
	const char *org;
	pst_time generated_at;
	const char *version;
};

struct pst_pipeline {
	struct pst_settings set;
	struct pst_aliases aliases; /* templates/aliases.conf, then the user's (aliases.h) */
	struct pst_teams rules;
	struct pst_goals goals;
	struct pst_claims claims;
	struct pst_estate e;        /* e.sources: what was read (every want) */
	pst_time t0, t1;
	char period[8];             /* "YYYY-MM" of the report, or "" */
	struct pst_diff diff;
	struct pst_team_map map;    /* resources of the states kept */
	struct pst_score_view view;
	struct pst_verify verify;
	struct pst_diags notes;     /* what the run itself says: partial period, first month */
	bool first_month;           /* no data at or before T0: the state at T1 only, no change classes */
	char period_buf[PST_TIME_BUF];
	struct pst_review review;
};

void pst_pipeline_init(struct pst_pipeline *p);
void pst_pipeline_release(struct pst_pipeline *p);
/* Runs the steps above.  Returns PST_OK or the first failure with err filled
 * (PST_EUSAGE for a bad --period, PST_ENOINPUT / PST_EDATA / PST_EIO from
 * reading configuration or exports). */
int pst_pipeline_run(struct pst_pipeline *p, const struct pst_pipeline_request *rq, struct pst_error *err);

/* Refuses what the data does not cover (DESIGN.md "Honest periods"): for
 * report, diff, score and verify, no data at all, none at or before T1, or
 * T1 more than PST_SCORE_FRESH_DAYS after the newest record; for diff and
 * verify also a single snapshot time, or no data at or before T0.
 * PST_EDATA with one line naming the period and the data's time range, or,
 * with rq->allow_partial, a PST_DC_PARTIAL note in p->notes. */
int pst_pipeline_check(struct pst_pipeline *p, const struct pst_pipeline_request *rq, struct pst_error *err);

/* The state of p's estate at exactly t, or NULL. */
const struct pst_state *pst_pipeline_state(const struct pst_pipeline *p, pst_time t);

/* ---- the steps, for tests and for the commands' special cases ---- */

struct pst_read_opts {
	bool skip_bad;
	pst_time now;   /* the generation time, for the plausibility window (ingest.h); <= 0: none */
	unsigned jobs;   /* reader threads; 0 or 1: read in the calling thread */
	size_t read_ahead; /* bytes of records readers may hold ahead of the estate; 0: 32 MB */
	struct pst_progress *progress; /* or NULL */
};
/* Reads paths once and builds e with one state per time in times[0..ntimes)
 * (ntimes may be 0: tables, series and timeline only).  With opts->jobs > 1
 * that many threads read the files, and e is built from their records in
 * the order one reader gives: the same estate for any number. */
int pst_pipeline_load(struct pst_estate *e, const char *const *paths, size_t npaths, const pst_time *times,
                      size_t ntimes, const struct pst_read_opts *opts, struct pst_error *err);
/* The reader threads for --jobs N: N, or for 0 the online CPUs (at most 64). */
unsigned pst_pipeline_jobs(unsigned asked);
/* Reads paths for the timeline only (no tables, no states). */
int pst_pipeline_scan(struct pst_timeline *tl, const char *const *paths, size_t npaths,
                      const struct pst_read_opts *opts, struct pst_error *err);
/* T0, T1 (and the report's period) by rq's rule; tl, when not NULL, is a
 * timeline already read (else the inputs are scanned when needed). */
int pst_pipeline_times(const struct pst_pipeline_request *rq, const struct pst_timeline *tl, pst_time *t0,
                       pst_time *t1, char period[8], struct pst_error *err);

#endif
