/* teammap.h: the team of every resource of the estate (an adapter between
 * the estate of estate.h and the rules of teams.h).
 *
 * The resources are those with a live finding in any of the states given.
 * Each resource is matched once, with its type, name, group, subscription
 * id and name from the estate, the categories of its recommendations in
 * those states, and the owners of its governance assignments.
 *
 * Ownership: the map owns its arrays; team names and rules are borrowed
 * from the struct pst_teams, which must outlive the map.
 */
#ifndef POSTURE_TEAMMAP_H
#define POSTURE_TEAMMAP_H

#include <stddef.h>
#include <stdint.h>
#include "posture/estate.h"
#include "posture/teams.h"

#define PST_TEAM_NONE ((size_t)-1)

struct pst_team_assignment {
	uint32_t resource;                 /* estate resource id */
	size_t team;                       /* index into teams[] */
	const struct pst_team_rule *rule;  /* borrowed; NULL for Unassigned */
};

struct pst_team_map {
	const char **teams;                /* owned array of borrowed names: rule order, then Unassigned */
	size_t nteams;
	size_t unassigned;                 /* index of PST_TEAM_UNASSIGNED in teams */
	struct pst_team_assignment *items; /* sorted by resource id text (case-insensitive) */
	size_t n;
	size_t *team_of;                   /* estate resource id -> team index, PST_TEAM_NONE if not mapped */
	size_t team_of_len;
	size_t *counts;                    /* resources per team (nteams entries) */
};

void pst_team_map_init(struct pst_team_map *m);
void pst_team_map_release(struct pst_team_map *m);
/* Matches every resource of the states (counting rule hits in t). */
void pst_team_map_build(struct pst_team_map *m, struct pst_teams *t, const struct pst_estate *e,
                        const struct pst_state *const *states, size_t nstates);
/* Team index of an estate resource (Unassigned for one not in the map). */
size_t pst_team_map_of(const struct pst_team_map *m, uint32_t resource);

#endif
