/* record.h: the normalized record that every reader produces.
 *
 * Readers (ingest) turn each element of an export into one struct pst_record
 * and hand it to a pst_record_fn.  The record and every string it points to
 * are BORROWED: valid only during that call.  A consumer that keeps anything
 * copies or interns it.  No cJSON, no CSV detail leaks past this header.
 *
 * Absent values: strings are NULL; times are PST_TIME_NONE; counts are -1;
 * numbers are NAN (check with isnan).  Strings are as written in the export
 * (ids keep their case: compare them case-insensitively).
 */
#ifndef POSTURE_RECORD_H
#define POSTURE_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "posture/common.h"
#include "posture/timeutil.h"

enum pst_rec_type {
	PST_REC_ASSESSMENT,      /* Microsoft.Security/assessments, portal CSV row, LA SecurityRecommendation */
	PST_REC_SUB_ASSESSMENT,  /* Microsoft.Security/assessments/subAssessments */
	PST_REC_ASSESSMENT_META, /* Microsoft.Security/assessmentMetadata */
	PST_REC_GOVERNANCE,      /* .../assessments/KEY/governanceAssignments/NAME */
	PST_REC_SECURE_SCORE,    /* Microsoft.Security/secureScores, LA SecureScores */
	PST_REC_SCORE_CONTROL,   /* .../secureScores/secureScoreControls, LA SecureScoreControls */
	PST_REC_CONTROL_DEF,     /* Microsoft.Security/secureScoreControlDefinitions */
	PST_REC_ALERT,           /* CE / LA SecurityAlert, REST alerts */
	PST_REC_COMPLIANCE,      /* regulatoryComplianceAssessments, LA SecurityRegulatoryCompliance */
	PST_REC_EXEMPTION,       /* Microsoft.Authorization/policyExemptions; Microsoft.Security/standardAssignments
	                            with effect Exempt */
	PST_REC_ATTACK_PATH,     /* CE attack paths, Resource Graph microsoft.security/attackpaths,
	                            LA SecurityAttackPathData */
	PST_REC__COUNT
};
/* Stable snake_case names used in every output: "assessment", ... */
const char *pst_rec_type_name(enum pst_rec_type t);

enum pst_action { PST_ACT_NONE, PST_ACT_INSERT, PST_ACT_WRITE, PST_ACT_DELETE };
const char *pst_action_name(enum pst_action a);

/* How the record relates to a full state.  See DESIGN.md "state as of T". */
enum pst_snapshot {
	PST_SNAP_STREAM,  /* a change event folded in on top of the state */
	PST_SNAP_RECORD,  /* one record of a full snapshot flagged in the record
	                     (CE isSnapshot, Log Analytics IsSnapshot) */
	PST_SNAP_FILE     /* the file as a whole is a full list (portal CSV, REST
	                     or az CLI list, Resource Graph result) */
};

/* Where the observed time came from, in DESIGN.md precedence order. */
enum pst_time_src {
	PST_TS_NONE,
	PST_TS_ENQUEUED,      /* Avro EnqueuedTimeUtc */
	PST_TS_RECORD,        /* TimeGenerated, exportedTimestamp, ... */
	PST_TS_STATUS_CHANGE, /* statusChangeDate of a streamed assessment change */
	PST_TS_FILENAME,      /* a date in the file or folder name */
	PST_TS_MTIME,         /* the file's modification time */
	PST_TS__COUNT
};
const char *pst_time_src_name(enum pst_time_src s); /* "enqueued", "record", ... */

enum pst_status_code { PST_ST_UNKNOWN, PST_ST_HEALTHY, PST_ST_UNHEALTHY, PST_ST_NOT_APPLICABLE };
const char *pst_status_name(enum pst_status_code s); /* "Healthy", ... "Unknown" */
enum pst_status_code pst_status_parse(const char *s); /* case-insensitive; "Not applicable" too */

/* Ordered: a higher value is more severe. */
enum pst_severity { PST_SEV_UNKNOWN, PST_SEV_INFO, PST_SEV_LOW, PST_SEV_MEDIUM, PST_SEV_HIGH, PST_SEV_CRITICAL };
const char *pst_severity_name(enum pst_severity s); /* "High", ... "Unknown" */
enum pst_severity pst_severity_parse(const char *s);

/* Risk level (Assessments API 2025-05-04 properties.risk.level); ordered.
 * PST_RISK_UNKNOWN: not exported; PST_RISK_NONE: "None", the portal's "Not evaluated". */
enum pst_risk { PST_RISK_UNKNOWN, PST_RISK_NONE, PST_RISK_LOW, PST_RISK_MEDIUM, PST_RISK_HIGH, PST_RISK_CRITICAL };
const char *pst_risk_name(enum pst_risk r); /* "Critical", ... "None"; NULL for unknown */
enum pst_risk pst_risk_parse(const char *s); /* case-insensitive; "Not evaluated" is None */
/* The level a finding is ranked by in "what to fix first" lists: its risk
 * level when evaluated (Low..Critical), else the level Defender derives from
 * its severity (since March 2026): without risk data the order is that of
 * severity. */
enum pst_risk pst_risk_rank(enum pst_risk level, enum pst_severity sev);

enum pst_compliance_state { PST_CS_UNKNOWN, PST_CS_PASSED, PST_CS_FAILED, PST_CS_SKIPPED, PST_CS_UNSUPPORTED };
const char *pst_compliance_state_name(enum pst_compliance_state s);
enum pst_compliance_state pst_compliance_state_parse(const char *s);

/* Where a record came from, for messages and evidence. */
struct pst_origin {
	const char *path;  /* the input file */
	uint64_t line;     /* 1-based line where the record starts; 0 if none */
	uint64_t index;    /* 0-based record index in the file (Avro: record number) */
	uint64_t offset;   /* byte offset in the (decompressed) stream */
};

struct pst_str_list {
	const char *const *items;
	size_t n;
};

struct pst_assessment {
	const char *resource_id;   /* the assessed resource (resourceDetails.id, AssessedResourceId) */
	const char *key;           /* assessment key: last segment of the assessment id (name) */
	const char *display_name;
	enum pst_status_code status;
	const char *cause;         /* status.cause / notApplicableReason; NULL if none */
	const char *status_description;
	enum pst_severity severity;
	const char *category;      /* first of metadata.categories */
	pst_time status_change;    /* statusChangeDate */
	pst_time first_eval;       /* firstEvaluationDate */
	const char *resource_name;
	const char *resource_type; /* "Microsoft.Compute/virtualMachines" where known */
	const char *resource_group;
	const char *subscription_name;
	const char *source;        /* resourceDetails.source: Azure, Aws, Gcp, GitHub, ... (any case), or NULL */
	const char *account;       /* non-Azure: hierarchyId (AWS account, GCP project), nativeCloudAccountId */
	const char *connector;     /* connectorId of the security connector */
	const char *native_id;     /* nativeCloudUniqueIdentifier (an ARN), AwsResourceId, GcpResourceId, ... */
	const char *portal_link;   /* as written (may lack a scheme) */
	const char *description;
	const char *remediation;
	const char *policy_definition_id;
	struct pst_str_list control_names; /* portal CSV `controls` (name -> id) */
	struct pst_str_list control_ids;   /* parallel to control_names */
	/* Governance data exported with the row (portal CSV 27 columns) */
	const char *owner;
	pst_time due_date;
	pst_time eta;              /* portal `eta` */
	int grace_period;          /* portal `gracePeriod`: 1, 0, or -1 if absent */
	/* Risk (API 2025-05-04 properties.risk; PST_RISK_UNKNOWN when absent) */
	enum pst_risk risk;
	const char *risk_factors;  /* riskFactors joined with ", ", or NULL */
	int contextual_risk;       /* isContextualRisk: 1, 0, or -1 if absent */
	struct pst_str_list attack_paths; /* attackPathsReferences */
};

struct pst_sub_assessment {
	const char *id;
	const char *assessment_key; /* the parent assessment */
	const char *resource_id;
	const char *display_name;
	enum pst_status_code status;
	enum pst_severity severity;
	const char *category;
	const char *description;
	const char *remediation;
	pst_time time_generated;
};

struct pst_assessment_meta {
	const char *key;
	const char *display_name;
	enum pst_severity severity;
	const char *category;
	const char *description;
	const char *remediation;
	const char *user_impact;
	const char *implementation_effort;
	const char *policy_definition_id;
	const char *assessment_type;  /* BuiltIn, CustomPolicy, ... */
	struct pst_str_list threats;
};

struct pst_governance {
	const char *resource_id;
	const char *assessment_key;
	const char *name;
	const char *owner;
	pst_time due_date;          /* remediationDueDate */
	pst_time eta;
	const char *eta_justification;
	int grace_period;           /* 1, 0, or -1 if absent */
	const char *ticket_number;
	const char *ticket_link;
	const char *ticket_status;
};

struct pst_secure_score {
	const char *name;           /* "ascScore" */
	const char *display_name;
	double current, max, percentage; /* percentage is a fraction (0.6033) */
	double weight;
};

struct pst_score_control {
	const char *control_id;     /* the control's name (GUID) */
	const char *display_name;
	int64_t healthy, unhealthy, not_applicable;
	double current, max, percentage;
	double weight;
	struct pst_str_list assessment_keys; /* from definition.assessmentDefinitions, if present */
};

struct pst_control_def {
	const char *control_id;
	const char *display_name;
	double max_score;
	const char *source_type;    /* BuiltIn, Custom */
	struct pst_str_list assessment_keys;
};

struct pst_alert {
	const char *system_alert_id;
	const char *alert_type;
	const char *display_name;
	enum pst_severity severity;
	const char *status;         /* New, Active, InProgress, Resolved, Dismissed */
	const char *tactics;        /* comma-separated MITRE tactics (Intent) */
	const char *techniques;     /* comma-separated */
	const char *compromised_entity;
	const char *resource_id;
	const char *description;
	const char *product;
	const char *alert_uri;
	const char *remediation;    /* steps joined by newlines */
	pst_time time_generated, start_time, end_time;
};

struct pst_compliance {
	const char *standard;
	const char *control;
	const char *assessment;     /* assessment name (key) */
	const char *description;
	enum pst_compliance_state state;
	int64_t passed, failed, skipped;
};

/* An exemption: a policy exemption, or Defender's own exemption (a standard
 * assignment with effect Exempt, API 2024-08-01). */
struct pst_exemption {
	const char *scope;          /* what it covers: the id before its /providers/.../NAME (a subscription,
	                               group or resource id) */
	const char *name, *display_name, *description;
	const char *category;       /* exemptionCategory: Waiver, Mitigated (any case), or NULL */
	const char *assessment_key; /* standard assignment: exemptionData.assignedAssessment.assessmentKey */
	const char *policy_assignment_id;
	pst_time expires_on;        /* expiresOn, or PST_TIME_NONE (no expiry) */
	pst_time created;           /* systemData.createdAt, metadata.createdOn, or NONE */
};

/* An attack path (Defender CSPM attack path analysis): one instance of a
 * path from an entry point to a target, with the assessments on its nodes. */
struct pst_attack_path {
	const char *path_id;        /* AttackPathId / properties.attackPathId, else the name */
	const char *display_name, *description;
	enum pst_risk risk;         /* riskLevel (potentialImpact in the older shape); UNKNOWN if absent */
	const char *risk_factors;   /* riskFactors (or riskCategories) joined with ", ", or NULL */
	const char *entry_point, *target; /* a resource id where the path names one, else the entity's
	                                     name or internal id; NULL if absent */
	const char *mitre;          /* MITRE tactics and techniques as written, or NULL */
	struct pst_str_list assessment_ids; /* full assessment ids referenced (RESOURCE/providers/
	                                       Microsoft.Security/assessments/KEY) */
	struct pst_str_list keys;           /* bare assessment keys referenced */
	struct pst_str_list resource_ids;   /* ARM resource ids of the path's entities */
};

struct pst_record {
	enum pst_rec_type type;
	enum pst_action action;
	enum pst_snapshot snapshot;
	pst_time observed;          /* never PST_TIME_NONE once emitted */
	enum pst_time_src time_src;
	const char *subscription_id; /* from the record, else its resource id; NULL if none */
	const char *tenant_id;
	const char *id;              /* the ARM id of the record itself, if any */
	struct pst_origin origin;
	/* A time field that is present but not a valid time (statusChangeDate
	 * "2026-02-30"): the reader names it, pst_emit warns and the next time
	 * source applies.  NULL when none. */
	const char *bad_time_field, *bad_time_value;
	bool implausible;            /* observed before 2015 or after the generation time
	                                (ingest.h): kept, but not used to choose periods */
	union {
		struct pst_assessment assessment;
		struct pst_sub_assessment sub;
		struct pst_assessment_meta meta;
		struct pst_governance gov;
		struct pst_secure_score score;
		struct pst_score_control control;
		struct pst_control_def def;
		struct pst_alert alert;
		struct pst_compliance compliance;
		struct pst_exemption exemption;
		struct pst_attack_path path;
	} u;
};

/* Clears rec and sets every "absent" marker (NULL, PST_TIME_NONE, -1, NAN). */
void pst_record_init(struct pst_record *rec, enum pst_rec_type type);

/* Receives each record.  Return 0 to go on; any other status stops the read
 * and is returned by the reader (with err filled by the callee). */
typedef int (*pst_record_fn)(void *ctx, const struct pst_record *rec, struct pst_error *err);

/* Helpers on ARM ids, all case-insensitive, writing into caller buffers. */
/* "/subscriptions/S/..." -> S; false if the id has no subscription. */
bool pst_id_subscription(const char *id, const char **start, size_t *len);
/* Value after "/resourceGroups/" (any case). */
bool pst_id_resource_group(const char *id, const char **start, size_t *len);
/* Last path segment. */
bool pst_id_last_segment(const char *id, const char **start, size_t *len);
/* "microsoft.compute/virtualmachines" style type of a resource id, lower-cased,
 * nested types joined ("microsoft.sql/servers/databases"); "microsoft.resources/subscriptions"
 * for a bare subscription id.  Returns false if it cannot tell. */
bool pst_id_resource_type(const char *id, char *buf, size_t size);

#endif
