/* review_build.h: the review model (review.h) filled from the pipeline's
 * results: the estate, the team map and rules, the classified diff, the
 * score view, the goals and the settings.
 *
 * Units: the review holds percentages 0..100 (the score view holds
 * fractions), NAN for unknown values, "" for missing strings.  Orders are
 * those review.h documents.  Nothing reads the clock: the generation time
 * comes from the request.
 *
 * Ownership: every string and array the build writes lives in the review's
 * arena (pst_review_release frees them).  The inputs are borrowed for the
 * call only: the review copies what it keeps.
 */
#ifndef POSTURE_REVIEW_BUILD_H
#define POSTURE_REVIEW_BUILD_H

#include "posture/common.h"
#include "posture/diff.h"
#include "posture/estate.h"
#include "posture/goals.h"
#include "posture/review.h"
#include "posture/score_view.h"
#include "posture/settings.h"
#include "posture/teams_map.h"
#include "posture/teams.h"
#include "posture/verify.h"

#define PST_REVIEW_TOP_RECS 10      /* top open recommendations kept per team */

/* What the command asks for (strings borrowed for the call). */
struct pst_review_request {
	const char *org;            /* --org, or NULL: the settings' org, else "Organisation" */
	const char *period;         /* "YYYY-MM", or NULL (the period is then T0's month) */
	pst_time generated_at;
	const char *version;        /* posture version */
	const char *teams_file;     /* path of the team rules used, or NULL */
};

/* What the review is built from (borrowed for the call).  The diff and the
 * view are of the same T0 and T1, over estate e, with the team map tm built
 * from the rules teams.  A view that was not computed is an initialised,
 * empty one (the review then has no score, controls or league); verify is
 * NULL when no claims were judged. */
struct pst_review_inputs {
	const struct pst_estate *e;
	const struct pst_team_map *tm;
	const struct pst_teams *teams;
	const struct pst_diff *d;
	const struct pst_score_view *v;
	const struct pst_goals *g;
	const struct pst_settings *set;
	const struct pst_verify *verify;
	const struct pst_diags *notes;   /* the run's own warnings (partial period, first month), or NULL */
	bool first_month;                /* the diff is of T1 against itself (pipeline.h) */
};

/* Fills r (initialised, empty) from the inputs.  Returns PST_OK, or the
 * status of hashing the team file (PST_ENOINPUT, PST_EIO) with err filled. */
int pst_review_build(struct pst_review *r, const struct pst_review_inputs *in, const struct pst_review_request *rq,
                     struct pst_error *err);

/* A file-safe form of name in the review's arena: ASCII letters, digits,
 * '-' and '_' kept, accented Latin letters folded to their base letter,
 * other runs to one '-'; "team" when nothing is left.  At most
 * PST_FILE_NAME_MAX bytes: a longer one is cut and ends in "-" and 8 hex
 * digits of a hash of the whole name. */
#define PST_FILE_NAME_MAX 64
const char *pst_review_file_name(struct pst_review *r, const char *name);

#endif
