/* diffteams.h: the responsible team of every finding of a diff (shared by
 * `posture diff` and `posture verify`).
 *
 * Use: pst_diff_teams_init; pst_diff_teams_build with the rules (teams.h)
 * after the diff; then pst_diff_team_of per finding.
 *
 * Ownership: struct pst_diff_teams owns its map and counts; it borrows the
 * rules given to pst_diff_teams_build (their team names are returned), which
 * must outlive it.
 */
#ifndef POSTURE_DIFFTEAMS_H
#define POSTURE_DIFFTEAMS_H

#include <stddef.h>
#include "posture/diff.h"
#include "posture/teams_map.h"
#include "posture/teams.h"

struct pst_diff_teams {
	struct pst_team_map map;   /* over the resources of the states at T0 and T1 */
	size_t *counts;            /* findings per team and class: counts[team * PST_CLASS__COUNT + class] */
	size_t *totals;            /* findings per team (map.nteams entries) */
};

void pst_diff_teams_init(struct pst_diff_teams *dt);
void pst_diff_teams_release(struct pst_diff_teams *dt);

/* Maps the resources of s0 and s1 (the states of d, in e) with rules
 * (counting their hits), counts the findings of d per team and class, and
 * adds to d one PST_DQ_TEAM_RULE warning per rule that matched no resource. */
void pst_diff_teams_build(struct pst_diff_teams *dt, struct pst_teams *rules, struct pst_diff *d,
                          const struct pst_estate *e, const struct pst_state *s0, const struct pst_state *s1);

/* The team of a finding of the diff (PST_TEAM_UNASSIGNED when no rule matched). */
const char *pst_diff_team_of(const struct pst_diff_teams *dt, const struct pst_diff_item *it);

#endif
