/* league.h: the league table of teams for a month (DESIGN.md "League").
 *
 * Input, one subscription at a time: every finding known at T0 or T1 with
 * its team, its status at T0 and at T1 (PST_ST_UNKNOWN where absent) and
 * its change class (the snake_case names of DESIGN.md "Finding classes",
 * NULL when unchanged).
 *
 * Points: the secure score won or lost through the team's own changes.
 * Starting from the state at T0, only real progress and real loss apply:
 *   - remediated (a verified fix): the T1 status is applied: points won;
 *   - regressed and new_resource (created insecure): the T1 status
 *     (Unhealthy) is applied: points lost;
 *   - every other class keeps the T0 status: no points either way (an
 *     exemption or a deletion is not a fix; a newly assessed recommendation
 *     is not the team's doing).
 * Each team's points in a subscription = sum over controls of the control's
 * score with the team's applied changes minus its score at T0 (other teams'
 * resources as at T0).  Resources belong to one team, so this is exact per
 * team.  Score points become percentage points of the overall with the
 * subscription's scale (100 x its weight share / its max points).
 *
 * Ranking: percentage points as shown (to 0.01, descending), then verified
 * fixes (descending), then the team name (byte order).  One team may be
 * left unranked (Unassigned, which is not a team): it is listed last with
 * rank 0.
 *
 * Ownership: the rows borrow the team names given.
 */
#ifndef POSTURE_LEAGUE_H
#define POSTURE_LEAGUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "posture/record.h"
#include "posture/score.h"

struct pst_league_finding {
	const char *resource_id;
	const char *key;
	size_t team;                  /* index into the team names */
	enum pst_status_code before;  /* at T0; PST_ST_UNKNOWN when absent */
	enum pst_status_code after;   /* at T1; PST_ST_UNKNOWN when absent */
	const char *change;           /* class name, or NULL when unchanged */
};

struct pst_league_row {
	size_t team;
	const char *name;             /* borrowed */
	double points;                /* score points won (+) or lost (-), over the subscriptions */
	double pct_points;            /* percentage points of the overall won (+) or lost (-): what ranks */
	int64_t fixes;                /* remediated findings */
	int64_t regressions;          /* regressed findings */
	int64_t new_insecure;         /* distinct resources with new_resource findings */
	int64_t closed_not_fixed;     /* exempted, not_applicable, resource_deleted, out_of_scope,
	                                 recommendation_removed findings */
	int rank;                     /* 1 = first; 0 = not ranked */
	bool ranked;
};

#define PST_LEAGUE_NONE ((size_t)-1)

/* Rows in team order (nteams entries), all zero. */
void pst_league_init(struct pst_league_row *rows, const char *const *teams, size_t nteams);
/* Adds one subscription's findings (control membership and max points from
 * cs); scale converts its score points to percentage points of the overall. */
void pst_league_add(const struct pst_control_set *cs, const struct pst_league_finding *f, size_t n, size_t nteams,
                    double scale, struct pst_league_row *rows);
/* Sorts the rows into the league order; the team of index unranked (or
 * PST_LEAGUE_NONE) is not ranked. */
void pst_league_rank(struct pst_league_row *rows, size_t nteams, size_t unranked);

#endif
