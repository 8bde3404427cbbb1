/* league.h: the league table of teams for a month.
 *
 * Input: every finding known at T0 or T1 with its team, its status at T0
 * and at T1 (PST_ST_UNKNOWN where absent) and its change class (the
 * snake_case names of DESIGN.md "Finding classes", NULL when unchanged).
 *
 * Points: the secure score won or lost through the team's own changes.
 * Starting from the state at T0, only changes that are real progress or
 * real loss are applied:
 *   - remediated (a verified fix): the T1 status is applied: points won;
 *   - regressed, new_resource, new_recommendation, exemption_ended,
 *     became_applicable: the T1 status (Unhealthy) is applied: points lost;
 *   - exempted, not_applicable, resource_deleted, out_of_scope,
 *     recommendation_removed, still_open, and anything else: the T0 status
 *     is kept: no points either way (an exemption or a deletion is not a fix).
 * Each team's points = sum over controls of the control's score with the
 * team's applied changes minus its score at T0 (other teams' resources as at
 * T0).  Resources belong to one team, so this is exact per team.
 *
 * Ranking: points (descending), verified fixes (descending), regressions
 * (ascending), insecure new resources (ascending), team name (byte order).
 *
 * Ownership: the rows borrow the team names given.
 */
#ifndef POSTURE_LEAGUE_H
#define POSTURE_LEAGUE_H

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
	double points;                /* won (+) or lost (-) */
	int64_t fixes;                /* remediated findings */
	int64_t regressions;          /* regressed findings */
	int64_t new_insecure;         /* distinct resources with new_resource findings */
	int64_t closed_not_fixed;     /* exempted, not_applicable, resource_deleted, out_of_scope,
	                                 recommendation_removed findings */
	int rank;                     /* 1 = first */
};

/* Fills rows (nteams entries), sorted by rank.  Control membership and max
 * points come from cs. */
void pst_league_build(const struct pst_control_set *cs, const struct pst_league_finding *f, size_t n,
                      const char *const *teams, size_t nteams, struct pst_league_row *rows);

#endif
