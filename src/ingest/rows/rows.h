/* rows.h: normalizing rows of named text cells (CSV lines under their
 * header, Log Analytics JSON row objects) into records.  Private to
 * src/ingest/; the entry points used by the readers are declared in
 * ingest_int.h (pst_table_detect, pst_table_name, pst_row_emit).
 *
 * Columns are matched case-insensitively, ignoring a bracketed suffix as in
 * Log Analytics CSV exports ("TimeGenerated [UTC]").  An empty cell counts
 * as absent.  A cell with invalid UTF-8 is kept with each bad byte replaced
 * by U+FFFD, and the row gets a warning (the record is not lost).
 */
#ifndef POSTURE_ROWS_H
#define POSTURE_ROWS_H

#include <cjson/cJSON.h>
#include <stdint.h>
#include "../ingest_int.h"

/* Every column some table normalizer reads, sorted case-insensitively
 * (the index is built by binary search; test_rows checks the order). */
#define PST_ROW_COLUMNS \
	X(LA_SUBSCRIPTION_ID, "_SubscriptionId") \
	X(ALERT_LINK, "AlertLink") \
	X(ALERT_NAME, "AlertName") \
	X(ALERT_SEVERITY, "AlertSeverity") \
	X(ALERT_TYPE, "AlertType") \
	X(ASSESSED_RESOURCE_ID, "AssessedResourceId") \
	X(ASSESSMENTS, "Assessments") \
	X(ATTACK_PATH_ID, "AttackPathId") \
	X(ATTACK_STORY, "AttackStory") \
	X(AZURE_PORTAL_RECOMMENDATION_LINK, "azurePortalRecommendationLink") \
	X(CATEGORY, "Category") \
	X(CAUSE, "Cause") \
	X(CLOUD, "cloud") \
	X(COMPLIANCE_CONTROL, "ComplianceControl") \
	X(COMPLIANCE_STANDARD, "ComplianceStandard") \
	X(COMPROMISED_ENTITY, "CompromisedEntity") \
	X(CONTROL_ID, "ControlId") \
	X(CONTROL_NAME, "ControlName") \
	X(CONTROLS, "controls") \
	X(CURRENT_SCORE, "CurrentScore") \
	X(DESCRIPTION, "Description") \
	X(DISPLAY_NAME, "DisplayName") \
	X(DUE_DATE, "dueDate") \
	X(END_TIME, "EndTime") \
	X(ENTITIES, "Entities") \
	X(ENTRYPOINT_ID, "EntrypointId") \
	X(ETA, "eta") \
	X(EXPORTED_TIMESTAMP, "exportedTimestamp") \
	X(FAILED_RESOURCES, "FailedResources") \
	X(FIRST_EVALUATION_DATE, "FirstEvaluationDate") \
	X(GRACE_PERIOD, "gracePeriod") \
	X(HEALTHY_RESOURCES, "HealthyResources") \
	X(ID, "Id") \
	X(IS_SNAPSHOT, "IsSnapshot") \
	X(MAX_SCORE, "MaxScore") \
	X(MITRE, "Mitre") \
	X(NATIVE_CLOUD_ACCOUNT_ID, "nativeCloudAccountId") \
	X(NESTED_RECOMMENDATION_ID, "NestedRecommendationId") \
	X(NOT_APPLICABLE_REASON, "NotApplicableReason") \
	X(NOT_APPLICABLE_RESOURCES, "NotApplicableResources") \
	X(OWNER, "owner") \
	X(PARENT_RECOMMENDATION_ID, "ParentRecommendationId") \
	X(PASSED_RESOURCES, "PassedResources") \
	X(PATH, "Path") \
	X(PERCENTAGE_SCORE, "PercentageScore") \
	X(POLICY_DEFINITION_ID, "PolicyDefinitionId") \
	X(PRODUCT_NAME, "ProductName") \
	X(PROPERTIES, "Properties") \
	X(RECOMMENDATION_DISPLAY_NAME, "RecommendationDisplayName") \
	X(RECOMMENDATION_ID, "RecommendationId") \
	X(RECOMMENDATION_LINK, "RecommendationLink") \
	X(RECOMMENDATION_NAME, "RecommendationName") \
	X(RECOMMENDATION_RESOURCE_IDS, "RecommendationResourceIds") \
	X(RECOMMENDATION_SEVERITY, "RecommendationSeverity") \
	X(RECOMMENDATION_STATE, "RecommendationState") \
	X(RECOMMENDATION_SUBSCRIPTION_ID, "RecommendationSubscriptionId") \
	X(REGULATORY_COMPLIANCE_SUBSCRIPTION_ID, "RegulatoryComplianceSubscriptionId") \
	X(REMEDIATION_DESCRIPTION, "RemediationDescription") \
	X(REMEDIATION_STEPS, "remediationSteps") \
	X(REMIDIATION_DESCRIPTION, "RemidiationDescription") \
	X(RESOURCE_DETAILS, "ResourceDetails") \
	X(RESOURCE_GROUP, "ResourceGroup") \
	X(RESOURCE_ID, "ResourceId") \
	X(RESOURCE_NAME, "resourceName") \
	X(RESOURCE_TYPE, "resourceType") \
	X(RISK_FACTORS, "riskFactors") \
	X(RISK_LEVEL, "riskLevel") \
	X(SECURE_SCORES_SUBSCRIPTION_ID, "SecureScoresSubscriptionId") \
	X(SEVERITY, "severity") \
	X(SKIPPED_RESOURCES, "SkippedResources") \
	X(START_TIME, "StartTime") \
	X(STATE, "State") \
	X(STATUS, "Status") \
	X(STATUS_CHANGE_DATE, "StatusChangeDate") \
	X(SUB_ASSESSMENT_TIME_GENERATION, "SubAssessmentTimeGeneration") \
	X(SUBSCRIPTION_ID, "subscriptionId") \
	X(SUBSCRIPTION_NAME, "subscriptionName") \
	X(SYSTEM_ALERT_ID, "SystemAlertId") \
	X(TACTICS, "Tactics") \
	X(TARGET_ID, "TargetId") \
	X(TECHNIQUES, "Techniques") \
	X(TENANT_ID, "TenantId") \
	X(TIME_GENERATED, "TimeGenerated") \
	X(UNHEALTHY_RESOURCES, "UnhealthyResources") \
	X(VENDOR_ORIGINAL_ID, "VendorOriginalId") \
	X(WEIGHT, "Weight")

enum pst_col {
#define X(e, s) PST_COL_##e,
	PST_ROW_COLUMNS
#undef X
	PST_COL__COUNT
};
const char *pst_row_column_name(enum pst_col c);

/* Where each known column sits in a row (-1: absent).  Plain data. */
struct pst_row_index {
	int16_t at[PST_COL__COUNT];
};
void pst_row_index_build(struct pst_row_index *ix, const char *const *names, size_t n);
/* The first column that every row of table t needs and ix lacks, or NULL. */
const char *pst_table_missing(enum pst_table t, const struct pst_row_index *ix);
/* pst_row_emit with an index built once for many rows of the same columns. */
int pst_row_emit_indexed(struct pst_file_ctx *fc, enum pst_table t, const struct pst_row *row,
                         const struct pst_row_index *ix, const struct pst_origin *at, struct pst_error *err);

/* One row being normalized; what the table normalizers (rows_*.c) work on.
 * Everything a record points to lives until the record is emitted. */
struct row_ctx {
	struct pst_file_ctx *fc;
	const struct pst_origin *at;
	const struct pst_row *row;
	const struct pst_row_index *ix;
	struct pst_record rec;
	const cJSON *props;         /* the Properties cell parsed (its "properties"
	                               object if it wraps a whole resource), or NULL */
	void **owned;               /* strings and arrays made for this row */
	size_t nowned, owned_alloc;
	cJSON **trees;              /* JSON cells parsed for this row */
	size_t ntrees, trees_alloc;
	bool warned_utf8;
};

/* A table normalizer fills c->rec; on false it has rejected the row. */
typedef bool (*row_fill_fn)(struct row_ctx *c);
bool pst_rows_portal(struct row_ctx *c);
bool pst_rows_recommendation(struct row_ctx *c);
bool pst_rows_nested(struct row_ctx *c);
bool pst_rows_scores(struct row_ctx *c);
bool pst_rows_controls(struct row_ctx *c);
bool pst_rows_alert(struct row_ctx *c);
bool pst_rows_compliance(struct row_ctx *c);
bool pst_rows_attack_path(struct row_ctx *c); /* rows_paths.c */

/* Cell access: NULL when the column is absent or the cell empty. */
const char *row_cell(struct row_ctx *c, enum pst_col k);
/* A time cell (warns and returns PST_TIME_NONE if it does not parse). */
pst_time row_time(struct row_ctx *c, enum pst_col k);
/* statusChangeDate from column k, else from the Properties path (may be
 * NULL): a value present but not a time is named in c->rec.bad_time_* for
 * pst_emit's warning, and PST_TIME_NONE returned. */
pst_time row_status_change(struct row_ctx *c, enum pst_col k, const char *path);
/* A number cell, NAN / -1 when absent (warns when it does not parse). */
double row_num(struct row_ctx *c, enum pst_col k);
int64_t row_count(struct row_ctx *c, enum pst_col k);
/* A cell of JSON text parsed (owned by c), or NULL (warns if malformed). */
const cJSON *row_json(struct row_ctx *c, enum pst_col k);
/* Takes ownership of p until the row is done; returns it. */
void *row_keep(struct row_ctx *c, void *p);
/* A copy of s[0..n) owned by the row. */
const char *row_strndup(struct row_ctx *c, const char *s, size_t n);
/* s (valid UTF-8) for a message: cut on a character boundary, owned by c. */
const char *row_quote(struct row_ctx *c, const char *s);
/* Rejects the row with a reason (the origin gives the line); returns false. */
bool row_reject(struct row_ctx *c, const char *fmt, ...) PST_PRINTF(2, 3);
void row_warn(struct row_ctx *c, const char *fmt, ...) PST_PRINTF(2, 3);

/* Values from c->props by a dotted path ("status.code"), case-insensitive;
 * strings only for row_pstr (valid UTF-8), numbers or numeric strings. */
const char *row_pstr(struct row_ctx *c, const char *path);
const char *row_jstr(struct row_ctx *c, const cJSON *obj, const char *path);
double row_jnum(const cJSON *obj, const char *path);
const cJSON *row_jget(const cJSON *obj, const char *path);
/* The column, else the Properties value at path. */
const char *row_pick(struct row_ctx *c, enum pst_col k, const char *path);
pst_time row_pick_time(struct row_ctx *c, enum pst_col k, const char *path);
double row_pick_num(struct row_ctx *c, enum pst_col k, const char *path);

/* Log Analytics rows: snapshot from IsSnapshot, observed from TimeGenerated,
 * tenant; parses Properties. */
void row_la_common(struct row_ctx *c);
/* The last path segment of an id (owned by the row), s itself when it
 * holds no '/', NULL for NULL. */
const char *row_name_of(struct row_ctx *c, const char *s);
/* Where needle starts in hay, ignoring ASCII case, or NULL. */
const char *row_strcasestr(const char *hay, const char *needle);
/* The assessment key from an (id, name) pair in either order: the last
 * segment of whichever is an ARM id, else the name. */
const char *row_assessment_key(struct row_ctx *c, const char *id, const char *name);
/* A JSON array of strings (or ids: last segments) as a string list. */
struct pst_str_list row_str_list(struct row_ctx *c, const cJSON *arr, bool last_segment);

#endif
