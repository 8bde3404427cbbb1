/* diffteams.h: the responsible team of every finding of a diff (shared by
 * `posture diff` and `posture verify`).
 *
 * Use: pst_diff_teams_init; pst_teams_load_default(&dt.rules, FILE, err)
 * (before reading the exports, so a bad rules file fails early);
 * pst_diff_run; pst_diff_teams_build; then pst_diff_team_of per finding.
 *
 * Ownership: struct pst_diff_teams owns its rules, map and counts; the
 * team names it returns are borrowed from it and live until
 * pst_diff_teams_release.
 */
#ifndef POSTURE_DIFFTEAMS_H
#define POSTURE_DIFFTEAMS_H

#include <stddef.h>
#include "posture/diff.h"
#include "posture/teams_map.h"
#include "posture/teams.h"

struct pst_diff_teams {
	struct pst_teams rules;
	struct pst_team_map map;   /* over the resources of the states at T0 and T1 */
	size_t *counts;            /* findings per team and class: counts[team * PST_CLASS__COUNT + class] */
	size_t *totals;            /* findings per team (map.nteams entries) */
};

void pst_diff_teams_init(struct pst_diff_teams *dt);
void pst_diff_teams_release(struct pst_diff_teams *dt);

/* Maps the resources of e's two states (T0, T1, as left by pst_diff_run),
 * counts the findings of d per team and class, and adds to d one
 * PST_DQ_TEAM_RULE warning per rule that matched no resource. */
void pst_diff_teams_build(struct pst_diff_teams *dt, struct pst_diff *d, const struct pst_estate *e);

/* The team of a finding of the diff (PST_TEAM_UNASSIGNED when no rule matched). */
const char *pst_diff_team_of(const struct pst_diff_teams *dt, const struct pst_diff_item *it);

#endif
