/* diff_teams.c: the team of every finding of a diff (diffteams.h). */
#include <stdlib.h>
#include <string.h>
#include "posture/diff_teams.h"

void pst_diff_teams_init(struct pst_diff_teams *dt)
{
	memset(dt, 0, sizeof(*dt));
	pst_team_map_init(&dt->map);
}

void pst_diff_teams_release(struct pst_diff_teams *dt)
{
	free(dt->counts);
	free(dt->totals);
	pst_team_map_release(&dt->map);
	pst_diff_teams_init(dt);
}

void pst_diff_teams_build(struct pst_diff_teams *dt, struct pst_teams *rules, struct pst_diff *d,
                          const struct pst_estate *e, const struct pst_state *s0, const struct pst_state *s1)
{
	const struct pst_state *states[2] = {s0, s1};
	size_t i, team;

	pst_team_map_build(&dt->map, rules, e, states, 2);
	free(dt->counts);
	free(dt->totals);
	dt->counts = xcalloc(dt->map.nteams * PST_CLASS__COUNT, sizeof(*dt->counts));
	dt->totals = xcalloc(dt->map.nteams, sizeof(*dt->totals));
	for (i = 0; i < d->n; i++) {
		team = pst_team_map_of(&dt->map, d->items[i].resource);
		dt->counts[team * PST_CLASS__COUNT + d->items[i].cls]++;
		dt->totals[team]++;
	}
	pst_teams_unused(rules, &d->warnings);
}

const char *pst_diff_team_of(const struct pst_diff_teams *dt, const struct pst_diff_item *it)
{
	return dt->map.teams ? dt->map.teams[pst_team_map_of(&dt->map, it->resource)] : PST_TEAM_UNASSIGNED;
}
