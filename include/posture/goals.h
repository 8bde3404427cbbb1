/* goals.h: target secure scores with dates, and progress against them.
 *
 * The goals file format is documented in templates/goals.conf (read with
 * the lexer of conf.h, whose text rules and messages it follows).  In short:
 *
 *   goal overall                    80% by 2026-12-31
 *   goal subscription "Production"  75% by 2027-03
 *   goal team "Database Team"       90% by 2027-06-30
 *   goal control "Enable MFA"      100% by 2026-12-31
 *
 * Targets are percentages of the maximum score (0 to 100).  Progress is
 * measured in percentage points; the pace still needed is the gap divided by
 * the months left (average Gregorian months of 30.436875 days).
 *
 * Ownership: struct pst_goals owns its goals and their strings.
 */
#ifndef POSTURE_GOALS_H
#define POSTURE_GOALS_H

#include <stdbool.h>
#include <stddef.h>
#include "posture/common.h"
#include "posture/timeutil.h"

#define PST_GOALS_MAX_FILE (1024u * 1024u)
#define PST_DAYS_PER_MONTH 30.436875

enum pst_goal_scope { PST_GOAL_OVERALL, PST_GOAL_SUBSCRIPTION, PST_GOAL_TEAM, PST_GOAL_CONTROL, PST_GOAL__COUNT };
const char *pst_goal_scope_name(enum pst_goal_scope s); /* "overall", "subscription", ... */

struct pst_goal {
	enum pst_goal_scope scope;
	char *subject;     /* owned; NULL for overall: a subscription id or name,
	                      a team name, a control id or name */
	double target;     /* percent, 0..100 */
	pst_time by;       /* the deadline: the end of the day or month given */
	unsigned line;
};

struct pst_goals {
	char *path;        /* owned */
	struct pst_goal *items;
	size_t n, alloc;
};

void pst_goals_init(struct pst_goals *g);
void pst_goals_release(struct pst_goals *g);
/* Parses text; on error PST_EDATA with "PATH:LINE: what" and g left empty. */
int pst_goals_parse(struct pst_goals *g, const char *path, const char *text, size_t len, struct pst_error *err);
int pst_goals_load(struct pst_goals *g, const char *path, struct pst_error *err);

/* Loads path if not NULL; else g holds no goal.  Goals are the user's: the
 * shipped templates/goals.conf is an example, never read by default (give
 * --goals FILE, or `goals = FILE` in the report settings). */
int pst_goals_load_default(struct pst_goals *g, const char *path, struct pst_error *err);

/* True when the goal's subject names a or b (ASCII case-insensitive; either may be NULL). */
bool pst_goal_is_about(const struct pst_goal *g, const char *a, const char *b);

enum pst_goal_state {
	PST_GOAL_NO_DATA,  /* no current value */
	PST_GOAL_MET,      /* current >= target */
	PST_GOAL_ON_TRACK, /* not met; the observed pace is at least the pace needed */
	PST_GOAL_BEHIND,   /* not met; the observed pace is below the pace needed */
	PST_GOAL_OPEN,     /* not met; no observed pace to judge by */
	PST_GOAL_MISSED    /* not met and the deadline has passed */
};
const char *pst_goal_state_name(enum pst_goal_state s); /* "met", "on_track", ... */

struct pst_goal_progress {
	double current;     /* percent; NAN when unknown */
	double gap;         /* target - current, percentage points (NAN when unknown) */
	double months_left; /* from now to the deadline; negative once passed */
	double pace_needed; /* points per month still needed; 0 when met, NAN when missed or unknown */
	double pace_seen;   /* as given (points per month, NAN if unknown) */
	enum pst_goal_state state;
};

/* Progress of g at time now, given the current value (percent, NAN if
 * unknown) and the observed pace (points per month, NAN if unknown). */
void pst_goal_progress(const struct pst_goal *g, double current, double pace_seen, pst_time now,
                       struct pst_goal_progress *out);

#endif
