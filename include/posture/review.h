/* review.h: the review model: everything the renderers show, computed once.
 *
 * Built by pst_review_build (review_build.h) from the estate, the
 * classified diff, the score series, the team mapping, the goals and the
 * ingest report.  Renderers (PDF, XLSX, text) take it const and compute
 * nothing that another renderer would also need: every number, list, order
 * and label they print is here.  Lists are sorted as they are to be shown.
 *
 * Ownership: the review owns every array and string in it (one arena, and
 * the two diagnostics lists); pst_review_release frees it all.  Strings are valid UTF-8, never NULL in
 * arrays (empty string for "none"), except where a field says "or NULL".
 */
#ifndef POSTURE_REVIEW_H
#define POSTURE_REVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "posture/common.h"
#include "posture/classes.h"
#include "posture/diagnostics.h"
#include "posture/record.h"
#include "posture/timeutil.h"

#define PST_REVIEW_NO_TEAM ((size_t)-1)
#define PST_REVIEW_NO_FINDING ((size_t)-1)

/* The score model in two sentences, as README says it (shown in the pack). */
#define PST_REVIEW_SCORE_RULE                                                                                       \
	"How the score is counted: at any time only the subscriptions held by the latest export at or before it are " \
	"in scope, for the score as for the findings; a missing one is left out of every figure and said, never "    \
	"counted as fixed. Each subscription counts with Defender's exported score when one is at most 8 days old, "  \
	"else with the score recomputed from its assessments, and the overall is their mean weighted by Defender's "  \
	"weights; a team's share splits each control's points by the teams of its resources, so the shares add up "  \
	"to the overall."

/* One classified finding (a row of the workbook's Changes sheet). */
struct pst_review_finding {
	enum pst_class cls;
	const char *class_name;         /* "remediated", ... */
	size_t team;                    /* index into review.teams */
	const char *subscription_id;
	const char *subscription_name;
	const char *resource_group;
	const char *resource_id;
	const char *resource_name;
	const char *resource_type;
	const char *assessment_key;
	const char *recommendation;     /* display name */
	const char *control;            /* secure score control name, or "" */
	enum pst_severity severity;
	enum pst_status_code status_from, status_to;
	const char *cause_from, *cause_to;
	int64_t age_days;               /* -1 if unknown */
	pst_time due_date;              /* PST_TIME_NONE if none */
	bool due_from_governance;       /* else from the severity allowance */
	bool overdue;
	const char *owner;              /* governance owner, or "" */
	const char *portal_link;        /* with scheme, or "" */
	pst_time first_seen;            /* still_open: first evaluated or seen Unhealthy; opened in the
	                                   period: when it turned Unhealthy; else NONE */
	enum pst_risk risk;             /* risk level (API 2025-05-04), PST_RISK_UNKNOWN when not exported */
	const char *risk_factors;       /* "" when none */
	const char *renamed_from;       /* the old assessment key it was carried over from (aliases.h), or "" */
	const char *cloud;              /* "azure", "aws", "gcp", "github", ... */
	bool grace;                     /* governance grace period: not overdue */
	pst_time eta;                   /* governance remediationEta, or NONE */
	const char *ticket_number, *ticket_link, *ticket_status; /* governance ticket, "" when none */
	bool on_attack_path;            /* open at T1 and on an attack path present at T1 */
};

/* Governance as Microsoft's governance report buckets it, for one owner or
 * one team: open and assigned on time (grace periods included, counted
 * again in grace) or overdue, open and unassigned, completed (a verified fix
 * of an assigned finding), exempted. */
struct pst_review_gov {
	const char *name;               /* the owner, "Unassigned", or the team */
	int64_t on_time, overdue, unassigned, completed, exempted, grace;
};

/* A line of the exemption register: a finding exempted in the period, or
 * exempt at T1 with High or Critical severity. */
struct pst_review_exemption {
	const char *recommendation, *assessment_key, *resource_id;
	size_t team;                    /* index into teams, or PST_REVIEW_NO_TEAM */
	enum pst_severity severity;
	pst_time since;                 /* its status change to Exempt, or NONE */
	bool in_period;                 /* exempted during the period (class exempted) */
	const char *exemption;          /* the exemption's display name, else name; "" when none matched */
	const char *matched_by;         /* "assessment key", "scope", or "" */
	const char *description;        /* the exemption's description, else ""  */
	const char *category;           /* Waiver, Mitigated, or "" */
	pst_time expires;               /* NONE: no expiry, or no exemption matched */
};

/* An exemption of the data expiring within PST_REVIEW_EXPIRY_DAYS after T1. */
#define PST_REVIEW_EXPIRY_DAYS 30
struct pst_review_expiring {
	const char *name;               /* display name, else name */
	const char *scope;
	const char *category, *description;
	const char *assessment_key;     /* a Defender exemption's assessment, or "" */
	pst_time expires;
};

/* An attack path (Defender CSPM attack path analysis) present at T0 or at
 * T1.  A path is present at a time when it is in the latest attack-path
 * export of its subscription at or before that time (records within
 * PST_BATCH_WINDOW of that export's latest), and not deleted. */
enum pst_path_change {
	PST_PATH_NEW,        /* at T1, not at T0 (with attack-path data at T0) */
	PST_PATH_STILL,      /* at both */
	PST_PATH_GONE,       /* at T0, not at T1 */
	PST_PATH_NO_START    /* at T1, and no attack-path data at or before T0 */
};
const char *pst_path_change_label(enum pst_path_change c); /* "New", "Still there", "Gone", "No data at start" */
struct pst_review_path {
	const char *id, *name;          /* the path id; its display name, else the id */
	const char *description, *risk_factors, *entry, *target, *mitre, *subscription_id; /* "" when none */
	enum pst_risk risk;             /* as at T1 (at T0 for a gone path) */
	size_t entry_team, target_team; /* the teams of the entry point and target when they are resources of
	                                   the data, else PST_REVIEW_NO_TEAM */
	enum pst_path_change change;
	size_t *findings;               /* open findings on it at T1 (indexes into findings, fix-first order) */
	size_t nfindings;
};

/* Findings by cloud (other clouds through their security connectors). */
struct pst_review_cloud {
	const char *cloud;              /* "azure", "aws", "gcp", "github", ... */
	int64_t resources;              /* with a finding at T1 (in scope) */
	int64_t healthy, unhealthy;     /* findings at T1 (in scope), Healthy and Unhealthy */
	double healthy_pct;             /* healthy / (healthy + unhealthy), 0..100; NAN none */
	int64_t remediated, opened;     /* classified: verified fixes; opened in the period */
};

/* A point of a score series. */
/* A point of the trend: the overall at a month's end, by the rule of the
 * overall at T1 (the in-scope subscriptions, exported values at most 8 days
 * old, else recomputed). */
struct pst_review_point {
	pst_time t;                     /* the month's (exclusive) end */
	double percentage;              /* 0..100; NAN where no data */
	bool recomputed;                /* some subscription's value is recomputed (no fresh export) */
	size_t subs_in_scope, subs_total; /* subscriptions counted, of those with data */
	bool partial;                   /* some subscription with data was out of scope: drawn hollow */
};

struct pst_review_goal {
	const char *scope;              /* "overall", "subscription", "team", "control" */
	const char *name;               /* what it is for ("" for overall) */
	double target;                  /* percentage 0..100 */
	pst_time due;                   /* the last moment of the day or month the goal names */
	pst_time by;                    /* the deadline as written: due + 1 ms */
	double current;                 /* percentage now */
	double gap;                     /* target - current, percentage points; NAN unknown */
	double months_left;             /* to the deadline; negative once passed */
	double pace_needed;             /* points per month still needed; 0 when met */
	double pace_seen;               /* points per month over the period; NAN unknown */
	const char *state;              /* "met", "on_track", "behind", "open", "missed", "no_data" */
	bool met, behind;
};

/* ---- the secure score as `posture score` lists it ---- */

/* One line of the score series (percentages are fractions; NAN unknown). */
struct pst_review_score_row {
	pst_time at;
	const char *scope;              /* "overall", "subscription", "control" */
	const char *subscription_id;    /* "" for the overall */
	const char *subscription_name;
	const char *control_id;         /* "" but for control rows (and "" when unknown) */
	const char *control;
	double value;                   /* exported, else recomputed */
	const char *source;             /* "exported", "recomputed", "mixed", "none" */
	double exp_current, exp_max, exp_pct, exp_weight;
	double rec_current, rec_max, rec_pct;
	int64_t healthy, unhealthy, not_applicable; /* -1 unknown */
	bool differs;                   /* exported and recomputed more than a rounding step apart */
	double gain;                    /* points to win if every unhealthy resource were fixed */
	double weight;                  /* subscription rows: the weight the overall used */
	size_t subs_in_scope, subs_total; /* overall rows: subscriptions counted, of those with data */
};

struct pst_review_control_gain {    /* a control's points to win at T1, all subscriptions */
	const char *control_id;         /* "" when unknown */
	const char *control;
	double gain;
};

struct pst_review_score_team {      /* every team of the rules, Unassigned last */
	const char *name;
	double pct_t0, pct_t1;          /* the team's own score, fraction; NAN none */
	double share_pct_t0, share_pct_t1; /* its share of the overall, percentage points; NAN none */
	double points_held_t1;          /* score points it holds at T1 */
	double gain_points, gain_overall; /* score points, and percentage points of the overall */
};

struct pst_review_league_row {      /* every team, ranked */
	const char *team;
	int rank;                       /* 0: not ranked (Unassigned) */
	double points;                  /* score points */
	double pct_points;              /* percentage points of the overall: what ranks */
	int64_t fixes, regressions, new_insecure, closed_not_fixed;
};

struct pst_review_score {
	const char *teams_file, *goals_file; /* "" when none */
	struct pst_review_score_row *rows;  /* by time, then overall, subscriptions, their controls */
	size_t nrows;
	struct pst_review_control_gain *gains; /* controls with points to win, most first */
	size_t ngains;
	struct pst_review_score_team *teams;
	size_t nteams;
	struct pst_review_league_row *league;
	size_t nleague;
};

struct pst_review_recommendation {   /* top open recommendation of a team */
	const char *assessment_key;
	const char *recommendation;
	enum pst_severity severity;
	const char *remediation;        /* steps, from the metadata, or "" */
	int64_t resources;              /* affected resources of this team */
	int64_t overdue;
};

struct pst_review_team {
	const char *name;
	const char *file_name;          /* file-safe name for --split-by-team */
	int64_t open_by_severity[PST_SEV_CRITICAL + 1];
	int64_t by_class[PST_CLASS__COUNT];
	int64_t overdue;
	int64_t overdue_by_severity[PST_SEV_CRITICAL + 1];
	int64_t unhealthy_t0, unhealthy_t1, closed, opened; /* its own reconciliation: t1 = t0 - closed + opened */
	const char *owners;             /* governance owners of its open findings, sorted, "; "-joined; "" none */
	/* Units: "score points" are Defender's points; "percentage points" (pp)
	 * are of the overall percentage (DESIGN.md "Numbers"). */
	double pct_won;                 /* league: pp won (+) by verified fixes, lost (-) by regressions and
	                                   insecure new resources; what ranks */
	double points_won;              /* the same in score points */
	double share_pct, share_pct_prev; /* its share of the overall score at T1 and T0, pp (NAN none):
	                                   the teams' shares add up to the overall */
	double points_held;             /* score points its resources hold at T1 (its share) */
	double potential_gain;          /* score points if all its unhealthy resources were fixed */
	double gain_pct;                /* the same in pp of the overall */
	int rank;                       /* 1-based league position; 0: not ranked (Unassigned) */
	struct pst_review_recommendation *top;   /* by severity, then resources */
	size_t ntop;
	struct pst_review_goal *goal;   /* or NULL */
};

struct pst_review_control {
	const char *control_id;
	const char *name;
	double max;
	double current, previous;       /* points now and at the start of the period; NAN unknown */
	int64_t healthy, unhealthy, not_applicable;
	double gain;                    /* max - current */
	size_t top_team;                /* team holding most of the gain, or PST_REVIEW_NO_TEAM */
	double *gain_by_team;           /* [nteams] */
	int64_t *open_by_team;          /* [nteams] findings open at T1 in this control, by team */
};

struct pst_review_subscription {
	const char *id;
	const char *name;
	double percentage, previous;    /* 0..100; NAN unknown */
	double weight;
	bool covered_t1;                /* in scope at T1: held by the latest export at or before T1 */
	pst_time missing_since;         /* not covered: the first export round without it; NONE unknown */
};

/* Why a score moved (review_build_movers.c): each classified finding moves
 * its control, in its subscription, by the control's points over the
 * resources it counts (max / (healthy + unhealthy)): a verified fix up, a
 * regression or a new finding (created insecure, newly assessed, exemption
 * ended, became applicable) down; a finding closed without a fix (exempted,
 * not applicable, deleted, recommendation removed) by what leaving the
 * count changes (max x healthy / (n (n - 1))).  Scope: those closures, and
 * for a control the subscriptions counted at one end only.  Other: the rest
 * of the change (healthy resources added or removed, an exported score
 * apart from the recomputed one), so that the five parts add up to the
 * change.  NAN when the change is unknown. */
struct pst_review_why {
	double fixes, regressions, new_findings, scope, other;
};

/* A subscription whose score moved in the period, and why. */
struct pst_review_mover {
	const char *id, *name;          /* the subscription (name "" when unknown) */
	double before, after;           /* 0..100 at T0 and T1; NAN when out of scope or unknown */
	double change;                  /* after - before, percentage points; NAN when either is unknown */
	int64_t fixes, regressions, new_insecure; /* verified fixes; regressed; created insecure + newly
	                                   assessed + exemption ended + became applicable */
	int64_t closed_other;           /* closed without a fix (exempted, deleted, ...) */
	bool left_scope;                /* missing from the export at T1 (after is NAN) */
	struct pst_review_why why;      /* the change in parts, percentage points of its score */
};

/* A control whose points moved in the period (every subscription counted
 * at either end), and why. */
struct pst_review_control_mover {
	const char *control_id, *name;
	double before, after;           /* score points at T0 and T1; NAN when it has no rows then */
	double max;                     /* its maximum at T1 */
	double change;                  /* after - before, score points; NAN when either is unknown */
	int64_t fixes, regressions, new_insecure, closed_other; /* findings, as for a subscription */
	struct pst_review_why why;      /* the change in parts, score points */
};

struct pst_review_alert {
	const char *system_alert_id;
	const char *name;
	enum pst_severity severity;
	const char *status;
	const char *tactics;
	const char *resource_id;
	const char *entity;
	pst_time time;
	size_t team;
};

struct pst_review_count {            /* a label and a count (alerts by tactic, ...) */
	const char *label;
	int64_t count;
};

struct pst_review_compliance {
	const char *standard;
	const char *control;
	int64_t passed, failed, skipped;  /* assessments */
	enum pst_compliance_state state;
	enum pst_compliance_state state_t0; /* at T0; PST_CS_UNKNOWN when no record at or before it */
};

/* A compliance standard: its controls by state at T1 and at T0 (the
 * controls with records at or before each time), and their assessments,
 * in standard order. */
enum pst_review_cstate { PST_RCS_PASSED, PST_RCS_FAILED, PST_RCS_SKIPPED, PST_RCS_OTHER, PST_RCS__COUNT };
struct pst_review_standard {
	const char *standard;
	int64_t controls[PST_RCS__COUNT];    /* controls at T1 by state (other: unsupported, unknown) */
	int64_t controls_t0[PST_RCS__COUNT]; /* the same at T0 */
	int64_t assessments[PST_RCS_OTHER];  /* its controls' assessments at T1: passed, failed, skipped */
	int64_t assessments_t0[PST_RCS_OTHER];
	bool has_t0;                    /* some control of it had a record at or before T0 */
};

/* A resource and the team its rule gave it (posture teams). */
struct pst_review_resource {
	const char *id;
	const char *subscription_id, *subscription_name;
	const char *group, *type, *name;
	const char *team;
	const char *rule;               /* "FILE:LINE" of the rule that matched; "" for Unassigned */
};

/* A claimed fix judged against the diff (posture verify). */
struct pst_review_claim {
	uint64_t line;                  /* of its row in the claims file */
	const char *resource_id;
	const char *recommendation;
	const char *team;               /* as claimed, or NULL when the file has no team column */
	const char *ticket;             /* or NULL when the file has no ticket column */
	const char *verdict;            /* "verified", "still_failing", "not_a_fix", "unknown" */
	const char *detail;             /* why */
	size_t finding;                 /* index into findings, or PST_REVIEW_NO_FINDING */
};

struct pst_review_source {
	const char *path;
	const char *format;
	uint64_t size;
	const char *sha256;
	uint64_t records[PST_REC__COUNT];
	uint64_t total, rejected;
	uint64_t unlisted;              /* rejected records counted but not kept (past the first
	                                   PST_SOURCE_MAX_DIAGS diagnostics of the file: sources.h) */
	bool failed;
	const char *error;              /* or "" */
};

/* A group of input files (by format or by folder) and what it holds. */
struct pst_review_source_group {
	const char *label;              /* "portal-csv"; a folder relative to the manifest's root, "." for it */
	uint64_t files, bytes, records;
};

/* The input as one line of evidence (review_build_quality.c): the manifest
 * text is one `sha256sum` line per file with a SHA-256 ("HASH  PATH\n",
 * sha256sum's escaping for a backslash or newline in a path), the lines in
 * byte order (`LC_ALL=C sort`); sha256 is the SHA-256 of that text, which is
 * the file `sources.sha256` written beside the pack: `sha256sum
 * sources.sha256` gives it, `sha256sum -c sources.sha256` checks every file. */
#define PST_REVIEW_LARGEST 20   /* largest files listed in the PDF */
#define PST_REVIEW_FOLDERS 20   /* folder groups at most (the deepest level that fits) */
#define PST_MANIFEST_NAME "sources.sha256"
struct pst_review_manifest {
	uint64_t files, bytes;          /* every file read, failed ones included */
	uint64_t hashed;                /* files in the text (those with a SHA-256) */
	const char *text;               /* the lines; "" when none */
	size_t text_len;
	const char *sha256;             /* hex, of text */
	const char *root;               /* the folder every path is under, "" when none is shared */
	struct pst_review_source_group *formats; /* by format name */
	size_t nformats;
	struct pst_review_source_group *folders; /* by folder under root, at the deepest level with at most
	                                            PST_REVIEW_FOLDERS groups; in name order */
	size_t nfolders;
	size_t *largest;                /* indexes into review.sources, biggest first, ties by path */
	size_t nlargest;
};

/* Warnings of one kind (code), in the order of the codes. */
#define PST_REVIEW_EXAMPLES 3
struct pst_review_warning_kind {
	enum pst_diag_code code;
	uint64_t count;
	size_t first[PST_REVIEW_EXAMPLES]; /* indexes into review.warnings.items */
	size_t nfirst;
};

/* A subscription with a problem: out of scope at T1, named by warnings, or
 * with exported and recomputed scores apart.  Most serious first. */
struct pst_review_sub_problem {
	size_t sub;                     /* index into review.subscriptions */
	bool out_of_scope;              /* not covered at T1 */
	uint64_t warnings;              /* warnings naming it */
	uint64_t score_checks;          /* its score rows whose exported and recomputed values differ */
	const char *problems;           /* one sentence: "out of scope since 2026-10-24; 2 warnings (record_drop)" */
};

struct pst_review {
	/* Cover and scope */
	const char *org;
	const char *title;              /* "Security posture review, October 2026" */
	const char *period;             /* "2026-10" */
	pst_time t0, t1, generated_at;
	const char *version;            /* posture version */
	const char **tenants;
	size_t ntenants;
	struct pst_review_subscription *subscriptions;
	size_t nsubscriptions;
	const char *teams_file;         /* path of the team rules used */
	const char *teams_file_sha256;

	bool first_month;               /* no data at or before T0: no change classes (the warnings say so) */

	/* Executive summary */
	double score_now, score_prev;   /* overall percentage 0..100 at t1 and t0; NAN unknown */
	size_t subs_in_scope, subs_total; /* at T1: subscriptions the score covers, of those with data */
	struct pst_review_point *trend; /* 12 month ends, oldest first */
	size_t ntrend;
	struct pst_review_goal *overall_goal;   /* or NULL */
	int64_t by_class[PST_CLASS__COUNT];
	int64_t overdue_by_severity[PST_SEV_CRITICAL + 1];
	int64_t open_by_severity[PST_SEV_CRITICAL + 1]; /* Unhealthy at T1 */
	int64_t unhealthy_t0, unhealthy_t1, closed, opened; /* t1 = t0 - closed + opened */

	/* Subscriptions that moved: known changes by size (largest first,
	 * ties by name), then those that left the scope, by name */
	struct pst_review_mover *movers;
	size_t nmovers;
	/* Controls that moved: known changes by size (largest first, ties by name) */
	struct pst_review_control_mover *control_movers;
	size_t ncontrol_movers;

	/* Teams, ranked by the league table */
	struct pst_review_team *teams;  /* "Unassigned" included when it has rows */
	size_t nteams;
	size_t *league;                 /* team indexes in league order */

	/* Where the next points are: controls by gain, descending */
	struct pst_review_control *controls;
	size_t ncontrols;

	/* Every classified finding, in diff order; open items are those of
	 * class still_open, regressed, new_resource, new_recommendation,
	 * exemption_ended, became_applicable (status_to Unhealthy). */
	struct pst_review_finding *findings;
	size_t nfindings;
	/* The open findings in "what to fix first" order (pst_review_fix_cmp):
	 * indexes into findings.  Every fix-first list (overdue, open items)
	 * walks it. */
	size_t *fix_order;
	size_t nfix_order;
	bool has_risk;                  /* some finding carries a risk level: the risk columns are shown */
	bool has_renamed;               /* some finding was carried over from a renamed recommendation */
	bool has_clouds;                /* some finding is of another cloud than Azure: cloud columns and table */
	struct pst_review_cloud *clouds;  /* findings by cloud (only with has_clouds): azure first, then by name */
	size_t nclouds;
	struct pst_review_exemption *exemptions; /* the register: in the period first, then by severity, name */
	size_t nexemptions;
	struct pst_review_expiring *expiring;    /* by expiry, soonest first */
	size_t nexpiring;
	bool has_attack_paths;          /* attack-path data at or before T1: the section, sheet and column */
	bool paths_at_start;            /* attack-path data at or before T0 */
	struct pst_review_path *paths;  /* at T1 (by risk desc, findings on it desc, name), then gone ones */
	size_t npaths;
	int64_t paths_now[PST_RISK_CRITICAL + 1], paths_start[PST_RISK_CRITICAL + 1]; /* by risk level */
	int64_t paths_new_by[PST_RISK_CRITICAL + 1], paths_gone_by[PST_RISK_CRITICAL + 1]; /* by risk level */
	int64_t paths_new, paths_gone, paths_still;
	int64_t findings_on_paths;      /* open findings at T1 on some path */
	bool has_governance;            /* some finding has an owner or a governance due date or grace period */
	bool has_gov_extra;             /* some finding has a grace period, an ETA or a ticket: their columns */
	struct pst_review_gov *gov_by_team;  /* every review team (review order); with has_governance only */
	size_t ngov_by_team;
	struct pst_review_gov *gov_by_owner; /* by owner (case-insensitive order), Unassigned last */
	size_t ngov_by_owner;

	struct pst_review_goal *goals;
	size_t ngoals;

	/* Alerts of the period */
	struct pst_review_alert *alerts;  /* high severity first, then time */
	size_t nalerts;
	int64_t alerts_by_severity[PST_SEV_CRITICAL + 1];
	struct pst_review_count *alerts_by_status, *alerts_by_tactic;
	size_t nalerts_by_status, nalerts_by_tactic;

	struct pst_review_compliance *compliance; /* by standard, then control */
	size_t ncompliance;
	struct pst_review_standard *standards;    /* from the compliance records, by name */
	size_t nstandards;

	/* Data quality and evidence */
	struct pst_diags warnings;      /* every warning of every stage, in the order: completeness,
	                                   score, team rules, files skipped (diagnostics.h) */
	struct pst_diags rejected;      /* every rejected record the sources kept, each with its file
	                                   and the records it stands for (diagnostics.h);
	                                   rejected.count[PST_DIAG_REJECTED] counts them all, the
	                                   sources' unlisted the ones not kept */
	struct pst_review_source *sources;  /* by path */
	size_t nsources;
	struct pst_review_manifest manifest;
	struct pst_review_warning_kind *warning_kinds; /* kinds with warnings, in code order */
	size_t nwarning_kinds;
	struct pst_review_sub_problem *sub_problems;   /* most serious first */
	size_t nsub_problems;

	/* The score as `posture score` lists it (every team of the rules) */
	struct pst_review_score score;

	/* Every resource with a finding in the states read, with its team
	 * (posture teams), sorted by id (case-insensitive) */
	struct pst_review_resource *resources;
	size_t nresources;
	struct pst_review_count *team_resources; /* every team of the rules (Unassigned last): resources placed */
	size_t nteam_resources;

	/* Claims judged (posture verify), in the order of the claims file */
	struct pst_review_claim *claims;
	size_t nclaims;
	struct pst_review_count *verdicts; /* every verdict and its count, in verdict order */
	size_t nverdicts;

	void *arena;                    /* private: owns the strings */
	void *strs;                     /* private: the strings already copied, by content */
};

void pst_review_init(struct pst_review *r);
void pst_review_release(struct pst_review *r);

/* Allocation in the review's arena (zeroed; freed by pst_review_release). */
void *pst_review_alloc(struct pst_review *r, size_t size);
#define PST_REVIEW_NEW(r, type, n) ((type *)pst_review_alloc((r), sizeof(type) * (n)))
/* A copy of s in the arena, sanitized to valid UTF-8; "" for NULL.  Equal
 * texts share one copy (a description or resource id repeated on many rows
 * is kept once). */
const char *pst_review_str(struct pst_review *r, const char *s);

/* Fills r->manifest, r->warning_kinds and r->sub_problems from the
 * sources, warnings, subscriptions and score rows already in r (review_index.c;
 * the builder calls it last).  Manifest paths are the sources' (valid UTF-8). */
void pst_review_index(struct pst_review *r);

/* A Defender value spelled out for people, in the arena: "InProgress" ->
 * "In progress", "CommandAndControl, PreAttack" -> "Command and control,
 * Pre-attack"; "" for NULL. */
const char *pst_review_label(struct pst_review *r, const char *s);

/* True when finding f is open at t1 (Unhealthy). */
bool pst_review_finding_open(const struct pst_review_finding *f);
/* The findings of team (an index into teams, or PST_REVIEW_NO_TEAM for
 * all): classified, open at T1, overdue. */
void pst_review_counts(const struct pst_review *r, size_t team, int64_t *all, int64_t *open, int64_t *overdue);

/* ---- the columns of a classified finding (review_cols.c) ----
 * One table for every output that lists findings: `posture diff --format
 * csv` writes the first PST_FCOL_CSV columns (its header is their keys),
 * the JSON findings use the keys, and the workbook's Changes sheet writes
 * every column under its title.  An unknown value is a blank cell. */
enum pst_fcol {
	PST_FCOL_CLASS, PST_FCOL_RESOURCE_ID, PST_FCOL_ASSESSMENT_KEY, PST_FCOL_RECOMMENDATION, PST_FCOL_SEVERITY,
	PST_FCOL_SUBSCRIPTION_ID, PST_FCOL_SUBSCRIPTION_NAME, PST_FCOL_RESOURCE_GROUP, PST_FCOL_RESOURCE_TYPE,
	PST_FCOL_STATUS_FROM, PST_FCOL_CAUSE_FROM, PST_FCOL_STATUS_TO, PST_FCOL_CAUSE_TO, PST_FCOL_AGE_DAYS,
	PST_FCOL_FIRST_SEEN, PST_FCOL_DUE_DATE, PST_FCOL_OVERDUE, PST_FCOL_OWNER, PST_FCOL_PORTAL_LINK, PST_FCOL_TEAM,
	PST_FCOL_CSV, /* the columns above are those of the diff CSV; the workbook adds: */
	PST_FCOL_RESOURCE_NAME = PST_FCOL_CSV, PST_FCOL_CONTROL, PST_FCOL_DUE_FROM,
	PST_FCOL_RISK_LEVEL, PST_FCOL_RISK_FACTORS, /* shown only with risk data (pst_fcol_shown) */
	PST_FCOL_RENAMED_FROM,                      /* shown only when some finding was renamed */
	PST_FCOL_CLOUD,                             /* shown only when some finding is not Azure's */
	PST_FCOL_GRACE, PST_FCOL_ETA, PST_FCOL_TICKET_NUMBER, PST_FCOL_TICKET_STATUS, PST_FCOL_TICKET_LINK,
	                                            /* shown only with has_gov_extra */
	PST_FCOL_ON_ATTACK_PATH,                    /* shown only with has_attack_paths */
	PST_FCOL_CLASS_LABEL,                       /* the class for people; the workbook shows it first,
	                                               the code (PST_FCOL_CLASS) beside it */
	PST_FCOL__COUNT
};

enum pst_fcol_type { PST_FT_TEXT, PST_FT_SEVERITY, PST_FT_COUNT, PST_FT_TIME, PST_FT_BOOL, PST_FT_LINK };

struct pst_fcol_info {
	const char *key;       /* "class", "resource_id", ...: CSV header, JSON key */
	const char *title;     /* "Class", "Resource ID", ...: workbook header */
	enum pst_fcol_type type;
	unsigned width;        /* workbook column width in characters, 0 = from the content */
};
const struct pst_fcol_info *pst_fcol_info(enum pst_fcol c);

/* One cell: text (TEXT, SEVERITY, LINK: "" or NULL when unknown), count
 * (COUNT), time (TIME), flag (BOOL); blank when the value is unknown. */
struct pst_fcell {
	const char *text;
	int64_t count;
	pst_time time;
	bool flag;
	bool blank;
};
void pst_fcol_value(const struct pst_review *r, const struct pst_review_finding *f, enum pst_fcol c,
                    struct pst_fcell *out);
/* Whether column c is shown for r: the risk columns only when r->has_risk,
 * renamed_from only when r->has_renamed, so that outputs without these
 * data stay as they were. */
bool pst_fcol_shown(const struct pst_review *r, enum pst_fcol c);
/* What to fix first: risk rank (pst_risk_rank: the risk level, else the one
 * derived from severity) desc, then on an attack path first, then severity
 * desc, then age desc (unknown last); 0 when equal (the caller breaks ties
 * by diff order). */
int pst_review_fix_cmp(const struct pst_review_finding *a, const struct pst_review_finding *b);
/* Fills r->fix_order from r->findings (ties in findings order). */
void pst_review_order_fixes(struct pst_review *r);

/* The name of a review team index (PST_TEAM_UNASSIGNED's name for none). */
const char *pst_review_team_name(const struct pst_review *r, size_t team);

#endif
