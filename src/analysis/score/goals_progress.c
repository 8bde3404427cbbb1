/* goals_progress.c: where a goal stands and the monthly pace still needed. */
#include <math.h>
#include "posture/goals.h"

static const char *const state_names[] = {"no_data", "met", "on_track", "behind", "open", "missed"};

const char *pst_goal_state_name(enum pst_goal_state s)
{
	return (size_t)s < PST_ARRAY_LEN(state_names) ? state_names[s] : "?";
}

bool pst_goal_is_about(const struct pst_goal *g, const char *a, const char *b)
{
	if (g->scope == PST_GOAL_OVERALL)
		return true;
	return (a && pst_strcasecmp(g->subject, a) == 0) || (b && pst_strcasecmp(g->subject, b) == 0);
}

static enum pst_goal_state open_state(double needed, double seen)
{
	if (isnan(seen))
		return PST_GOAL_OPEN;
	return seen >= needed ? PST_GOAL_ON_TRACK : PST_GOAL_BEHIND;
}

void pst_goal_progress(const struct pst_goal *g, double current, double pace_seen, pst_time now,
                       struct pst_goal_progress *out)
{
	out->current = current;
	out->gap = isnan(current) ? NAN : g->target - current;
	out->months_left = (double)(g->by - now) / ((double)PST_MS_PER_DAY * PST_DAYS_PER_MONTH);
	out->pace_seen = pace_seen;
	out->pace_needed = NAN;
	if (isnan(current)) {
		out->state = PST_GOAL_NO_DATA;
	} else if (out->gap <= 0) {
		out->state = PST_GOAL_MET;
		out->pace_needed = 0;
	} else if (now >= g->by) {
		out->state = PST_GOAL_MISSED;
	} else {
		out->pace_needed = out->gap / out->months_left;
		out->state = open_state(out->pace_needed, pace_seen);
	}
}
