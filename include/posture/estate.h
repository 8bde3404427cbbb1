/* estate.h: the in-memory estate: what every later stage (diff, score,
 * teams, the renderers) reads.
 *
 * Strings are interned (strpool.h).  Three folding pools give the ids that
 * tables are indexed by, so ids that differ only in case are one entry:
 *   res_ids  resource ids       -> resources[id]
 *   keys     assessment keys    -> types[id]
 *   subs     subscription ids   -> subscriptions[id]
 * Every other string (names, causes, descriptions) lives in `text`.
 *
 * The findings live in states (state.h), one per requested time T, each
 * folded from every assessment record observed at or before T, then cut by
 * the snapshots (timeline.h): a key of subscription X whose last record is
 * older than the latest full snapshot of X complete at T is gone.  While
 * reading, every assessment record goes into the per-finding history
 * (history.h); the states are made from it after the read, so that the
 * times can be chosen from what was read (one pass over the inputs).
 *
 * The small series the score and report stages need are kept whole, as
 * arrays of compact structs (scores and controls: one record per
 * (subscription, control, observed time)), sorted after loading.
 * Governance and recommendation-to-control links, which rows repeat in
 * every snapshot, are compacted while reading (one entry per finding or
 * link), so that memory follows the estate, not the number of records.
 *
 * Ownership: the estate owns everything in it, including its ingest report
 * and timeline; pst_estate_release frees all.  Strings returned by the
 * accessors are borrowed from the estate.
 */
#ifndef POSTURE_ESTATE_H
#define POSTURE_ESTATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "posture/common.h"
#include "posture/history.h"
#include "posture/sources.h"
#include "posture/record.h"
#include "posture/state.h"
#include "posture/strpool.h"
#include "posture/timeline.h"

struct pst_resource {
	uint32_t name;           /* text: resource name */
	uint32_t type;           /* text: lower-cased type, "microsoft.compute/virtualmachines" */
	uint32_t group;          /* text: resource group as written */
	uint32_t subscription;   /* subs id, 0 if unknown */
	uint32_t cloud;          /* text: resourceDetails.source lower-cased ("aws", "gcp", "github"); 0: Azure */
	uint32_t account, connector, native_id; /* text: other clouds' account, connector id, native id; 0 if none */
};

struct pst_subscription {
	uint32_t name;           /* text: display name, 0 if never exported */
};

struct pst_assessment_type {
	uint32_t display_name, category, description, remediation; /* text ids */
	uint8_t severity;        /* enum pst_severity */
	uint8_t from_meta;       /* set by an assessment metadata record (wins over rows) */
};

/* A recommendation's link to a secure score control (text ids). */
struct pst_type_control {
	uint32_t key;            /* keys id */
	uint32_t control_id;     /* text */
	uint32_t control_name;   /* text */
};

struct pst_gov {
	uint32_t resource, key;  /* res_ids, keys */
	uint32_t owner;          /* text */
	pst_time due;            /* remediationDueDate, or NONE */
	pst_time observed;       /* the latest record wins */
	pst_time eta;            /* remediationEta.eta, or NONE */
	uint32_t eta_justification, ticket_number, ticket_link, ticket_status; /* text, 0 if none */
	int8_t grace;            /* isGracePeriod: 1, 0, -1 if not said */
};

struct pst_score_rec {
	uint32_t subscription;   /* subs id */
	pst_time observed;
	double current, max, percentage, weight;
};

struct pst_control_rec {
	uint32_t subscription;   /* subs id */
	uint32_t control_id, display_name; /* text */
	pst_time observed;
	int64_t healthy, unhealthy, not_applicable;
	double current, max, percentage, weight;
};

struct pst_control_def_rec {
	uint32_t control_id, display_name, source_type; /* text */
	double max_score;
	size_t first_key, nkeys; /* into estate.def_keys (keys ids) */
};

struct pst_alert_rec {
	uint32_t system_alert_id, alert_type, display_name, status, tactics, techniques; /* text */
	uint32_t resource;       /* res_ids, 0 if none */
	uint32_t subscription;   /* subs id */
	uint8_t severity;        /* enum pst_severity */
	pst_time observed, time_generated;
};

struct pst_compliance_rec {
	uint32_t subscription;
	uint32_t standard, control, assessment, description; /* text */
	uint8_t state;           /* enum pst_compliance_state */
	pst_time observed;
	int64_t passed, failed, skipped;
};

/* An exemption (record.h pst_exemption), the latest record of each. */
struct pst_exemption_rec {
	uint32_t scope;          /* text: the scope id as written */
	uint32_t name, display_name, description, category, policy_assignment_id; /* text */
	uint32_t key;            /* keys: the assessment a Defender exemption is for, 0 for a policy exemption */
	pst_time expires, created, observed;
};

/* An attack path as one record gave it (record.h pst_attack_path).  All
 * strings are text ids (never interned as resources, keys or
 * subscriptions: a path names what the findings may not).  Its references
 * are path_refs[first_ref .. first_ref + nrefs). */
struct pst_path_rec {
	uint32_t path_id, display_name, description, risk_factors, entry, target, mitre; /* text */
	uint32_t subscription;   /* text: the subscription id as written, 0 if none */
	uint8_t risk;            /* enum pst_risk */
	uint8_t deleted;         /* a continuous-export Delete */
	uint8_t stream;          /* a streamed change (not part of a full list or snapshot) */
	pst_time observed;
	size_t first_ref, nrefs;
};

/* What a path references (text ids): a finding (resource and key), a
 * resource (key 0), or a key on any of the path's resources (resource 0). */
struct pst_path_ref {
	uint32_t resource, key;
};

/* An assessment record's own reference to a path (risk.attackPathsReferences). */
struct pst_finding_path {
	uint32_t resource, key;  /* res_ids, keys */
	uint32_t path_id;        /* text */
	pst_time observed;
};

struct pst_estate {
	struct pst_strpool res_ids, keys, subs, text;
	struct pst_strpool tenants;                /* tenant ids seen (folding), for the scope */
	struct pst_resource *resources;            /* indexed by res_ids id */
	size_t resources_alloc;
	struct pst_subscription *subscriptions;    /* indexed by subs id */
	size_t subscriptions_alloc;
	struct pst_assessment_type *types;         /* indexed by keys id */
	size_t types_alloc;
	struct pst_type_control *type_controls;    /* sorted by key, control_id; unique */
	size_t ntype_controls, type_controls_alloc;
	struct pst_gov *gov;                       /* sorted by resource, key; unique */
	size_t ngov, gov_alloc;
	struct pst_score_rec *scores;              /* sorted by observed, subscription */
	size_t nscores, scores_alloc;
	struct pst_control_rec *controls;          /* sorted by observed, subscription, control */
	size_t ncontrols, controls_alloc;
	struct pst_control_def_rec *defs;          /* one per control id, latest wins */
	size_t ndefs, defs_alloc;
	uint32_t *def_keys;
	size_t ndef_keys, def_keys_alloc;
	struct pst_alert_rec *alerts;              /* one per alert id (latest), sorted by time */
	size_t nalerts, alerts_alloc;
	struct pst_compliance_rec *compliance;     /* sorted by observed, subscription, standard, control */
	size_t ncompliance, compliance_alloc;
	struct pst_exemption_rec *exemptions;      /* one per (scope, name), the latest; sorted by scope, name */
	size_t nexemptions, exemptions_alloc;
	struct pst_path_rec *paths;                /* every attack-path record; sorted by path id (case-insensitive),
	                                              then observed */
	size_t npaths, paths_alloc;
	struct pst_path_ref *path_refs;
	size_t npath_refs, path_refs_alloc;
	struct pst_finding_path *finding_paths;    /* sorted by resource, key, path id; unique */
	size_t nfinding_paths, finding_paths_alloc;
	struct pst_state *states;                  /* one per requested time, in the order given */
	size_t nstates;
	struct pst_timeline timeline;
	struct pst_history history;                /* until pst_estate_drop_history */
	struct pst_sources sources;                /* what was read: files, counts, diagnostics */
	size_t gov_compact_at, tc_compact_at;      /* sizes that trigger the next compaction */
	uint64_t assessments_read;                 /* assessment records seen */
	uint64_t assessments_unkeyed;              /* assessment records without resource or key */
};

void pst_estate_init(struct pst_estate *e);
void pst_estate_release(struct pst_estate *e);

/* Building the estate from records (the pipeline feeds them, pipeline.h):
 * begin with the times of the states wanted (may be none), add each record
 * (tables, series, timeline, history), then finish (the states made from
 * the history and cut by the snapshots, sorting).  After finish, more
 * states can be added at other times (a time already held is skipped);
 * pst_estate_drop_history frees the history when no more are needed. */
void pst_estate_begin(struct pst_estate *e, const pst_time *times, size_t ntimes);
void pst_estate_add(struct pst_estate *e, const struct pst_record *rec, uint32_t file);
void pst_estate_finish(struct pst_estate *e);
void pst_estate_add_states(struct pst_estate *e, const pst_time *times, size_t ntimes);
void pst_estate_drop_history(struct pst_estate *e);

/* Attack paths (estate_paths.c): the records of one, and the finding
 * references; called by pst_estate_add and pst_estate_finish. */
void pst_estate_add_path(struct pst_estate *e, const struct pst_record *rec);
void pst_estate_add_finding_paths(struct pst_estate *e, uint32_t resource, uint32_t key, const struct pst_record *rec);
void pst_estate_finish_paths(struct pst_estate *e);

/* Lookups.  Strings are borrowed; NULL when absent. */
/* The state made for exactly time t (one of the times asked for), or NULL. */
const struct pst_state *pst_estate_state(const struct pst_estate *e, pst_time t);
const char *pst_estate_resource_id(const struct pst_estate *e, uint32_t resource);
const char *pst_estate_key(const struct pst_estate *e, uint32_t key);
const char *pst_estate_subscription_id(const struct pst_estate *e, uint32_t sub);
const char *pst_estate_text(const struct pst_estate *e, uint32_t text);
/* Display name of a recommendation, else its key. */
const char *pst_estate_type_name(const struct pst_estate *e, uint32_t key);
enum pst_severity pst_estate_type_severity(const struct pst_estate *e, uint32_t key);
/* Governance of a finding, or NULL. */
const struct pst_gov *pst_estate_gov(const struct pst_estate *e, uint32_t resource, uint32_t key);
/* The cloud of a resource: "azure", "aws", "gcp", "github", ... (lower case). */
const char *pst_estate_resource_cloud(const struct pst_estate *e, uint32_t resource);
/* Subscription id of a resource (0 if unknown). */
uint32_t pst_estate_resource_sub(const struct pst_estate *e, uint32_t resource);
/* Heap bytes held by the pools and tables (states excluded), for measurements. */
size_t pst_estate_mem(const struct pst_estate *e);

#endif
