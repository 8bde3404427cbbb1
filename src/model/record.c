/* record.c: names and parsing of record enums, ARM id helpers. */
#include "posture/record.h"

#include <math.h>
#include <string.h>

const char *pst_rec_type_name(enum pst_rec_type t)
{
	static const char *const names[PST_REC__COUNT] = {
		"assessment", "sub_assessment", "assessment_metadata", "governance_assignment", "secure_score",
		"score_control", "control_definition", "alert", "compliance", "exemption", "attack_path"};

	return (unsigned)t < PST_REC__COUNT ? names[t] : "unknown";
}

const char *pst_action_name(enum pst_action a)
{
	static const char *const names[] = {"", "Insert", "Write", "Delete"};

	return (unsigned)a < PST_ARRAY_LEN(names) ? names[a] : "";
}

const char *pst_time_src_name(enum pst_time_src s)
{
	static const char *const names[PST_TS__COUNT] = {"none", "enqueued", "record", "status_change", "filename", "mtime"};

	return (unsigned)s < PST_TS__COUNT ? names[s] : "none";
}

const char *pst_status_name(enum pst_status_code s)
{
	static const char *const names[] = {"Unknown", "Healthy", "Unhealthy", "NotApplicable"};

	return (unsigned)s < PST_ARRAY_LEN(names) ? names[s] : "Unknown";
}

/* Compares ignoring case, blanks and '_' so "Not applicable" == "NotApplicable". */
static bool loose_eq(const char *s, const char *word)
{
	while (*s || *word) {
		if (*s == ' ' || *s == '_' || *s == '-') {
			s++;
			continue;
		}
		if (!*s || !*word || pst_strncasecmp(s, word, 1) != 0)
			return false;
		s++;
		word++;
	}
	return true;
}

enum pst_status_code pst_status_parse(const char *s)
{
	if (!s)
		return PST_ST_UNKNOWN;
	if (loose_eq(s, "healthy"))
		return PST_ST_HEALTHY;
	if (loose_eq(s, "unhealthy"))
		return PST_ST_UNHEALTHY;
	if (loose_eq(s, "notapplicable"))
		return PST_ST_NOT_APPLICABLE;
	return PST_ST_UNKNOWN;
}

const char *pst_severity_name(enum pst_severity s)
{
	static const char *const names[] = {"Unknown", "Informational", "Low", "Medium", "High", "Critical"};

	return (unsigned)s < PST_ARRAY_LEN(names) ? names[s] : "Unknown";
}

enum pst_severity pst_severity_parse(const char *s)
{
	if (!s)
		return PST_SEV_UNKNOWN;
	if (loose_eq(s, "high"))
		return PST_SEV_HIGH;
	if (loose_eq(s, "medium"))
		return PST_SEV_MEDIUM;
	if (loose_eq(s, "low"))
		return PST_SEV_LOW;
	if (loose_eq(s, "informational") || loose_eq(s, "information") || loose_eq(s, "info"))
		return PST_SEV_INFO;
	if (loose_eq(s, "critical"))
		return PST_SEV_CRITICAL;
	return PST_SEV_UNKNOWN;
}

const char *pst_risk_name(enum pst_risk r)
{
	static const char *const names[] = {NULL, "None", "Low", "Medium", "High", "Critical"};

	return (unsigned)r < PST_ARRAY_LEN(names) ? names[r] : NULL;
}

enum pst_risk pst_risk_parse(const char *s)
{
	if (!s)
		return PST_RISK_UNKNOWN;
	if (loose_eq(s, "critical"))
		return PST_RISK_CRITICAL;
	if (loose_eq(s, "high"))
		return PST_RISK_HIGH;
	if (loose_eq(s, "medium"))
		return PST_RISK_MEDIUM;
	if (loose_eq(s, "low"))
		return PST_RISK_LOW;
	if (loose_eq(s, "none") || loose_eq(s, "not evaluated") || loose_eq(s, "notevaluated"))
		return PST_RISK_NONE;
	return PST_RISK_UNKNOWN;
}

enum pst_risk pst_risk_rank(enum pst_risk level, enum pst_severity sev)
{
	if (level >= PST_RISK_LOW)
		return level;
	switch (sev) {
	case PST_SEV_CRITICAL: return PST_RISK_CRITICAL;
	case PST_SEV_HIGH: return PST_RISK_HIGH;
	case PST_SEV_MEDIUM: return PST_RISK_MEDIUM;
	case PST_SEV_LOW: return PST_RISK_LOW;
	default: return level;
	}
}

const char *pst_compliance_state_name(enum pst_compliance_state s)
{
	static const char *const names[] = {"Unknown", "Passed", "Failed", "Skipped", "Unsupported"};

	return (unsigned)s < PST_ARRAY_LEN(names) ? names[s] : "Unknown";
}

enum pst_compliance_state pst_compliance_state_parse(const char *s)
{
	if (!s)
		return PST_CS_UNKNOWN;
	if (loose_eq(s, "passed") || loose_eq(s, "healthy"))
		return PST_CS_PASSED;
	if (loose_eq(s, "failed") || loose_eq(s, "unhealthy"))
		return PST_CS_FAILED;
	if (loose_eq(s, "skipped"))
		return PST_CS_SKIPPED;
	if (loose_eq(s, "unsupported"))
		return PST_CS_UNSUPPORTED;
	return PST_CS_UNKNOWN;
}

void pst_record_init(struct pst_record *rec, enum pst_rec_type type)
{
	memset(rec, 0, sizeof(*rec));
	rec->type = type;
	rec->observed = PST_TIME_NONE;
	switch (type) {
	case PST_REC_ASSESSMENT:
		rec->u.assessment.status_change = PST_TIME_NONE;
		rec->u.assessment.first_eval = PST_TIME_NONE;
		rec->u.assessment.due_date = PST_TIME_NONE;
		rec->u.assessment.contextual_risk = -1;
		rec->u.assessment.eta = PST_TIME_NONE;
		rec->u.assessment.grace_period = -1;
		break;
	case PST_REC_SUB_ASSESSMENT:
		rec->u.sub.time_generated = PST_TIME_NONE;
		break;
	case PST_REC_EXEMPTION:
		rec->u.exemption.expires_on = rec->u.exemption.created = PST_TIME_NONE;
		break;
	case PST_REC_GOVERNANCE:
		rec->u.gov.due_date = PST_TIME_NONE;
		rec->u.gov.eta = PST_TIME_NONE;
		rec->u.gov.grace_period = -1;
		break;
	case PST_REC_SECURE_SCORE:
		rec->u.score.current = rec->u.score.max = rec->u.score.percentage = NAN;
		rec->u.score.weight = NAN;
		break;
	case PST_REC_SCORE_CONTROL:
		rec->u.control.healthy = rec->u.control.unhealthy = rec->u.control.not_applicable = -1;
		rec->u.control.current = rec->u.control.max = rec->u.control.percentage = NAN;
		rec->u.control.weight = NAN;
		break;
	case PST_REC_CONTROL_DEF:
		rec->u.def.max_score = NAN;
		break;
	case PST_REC_ALERT:
		rec->u.alert.time_generated = rec->u.alert.start_time = rec->u.alert.end_time = PST_TIME_NONE;
		break;
	case PST_REC_COMPLIANCE:
		rec->u.compliance.passed = rec->u.compliance.failed = rec->u.compliance.skipped = -1;
		break;
	default:
		break;
	}
}

/* Finds "/NAME/" (case-insensitive) in id; returns the start of the value after it. */
static const char *after_segment(const char *id, const char *name)
{
	size_t nl = strlen(name);
	const char *p;

	for (p = id; *p; p++) {
		if (*p == '/' && pst_strncasecmp(p + 1, name, nl) == 0 && p[1 + nl] == '/')
			return p + 2 + nl;
	}
	return NULL;
}

static bool segment_value(const char *id, const char *name, const char **start, size_t *len)
{
	const char *v = id ? after_segment(id, name) : NULL;

	if (!v || !*v || *v == '/')
		return false;
	*start = v;
	*len = strcspn(v, "/");
	return true;
}

bool pst_id_subscription(const char *id, const char **start, size_t *len)
{
	if (id && pst_strncasecmp(id, "subscriptions/", 14) == 0) { /* leading slash missing */
		*start = id + 14;
		*len = strcspn(*start, "/");
		return *len > 0;
	}
	return segment_value(id, "subscriptions", start, len);
}

bool pst_id_resource_group(const char *id, const char **start, size_t *len)
{
	return segment_value(id, "resourceGroups", start, len);
}

bool pst_id_last_segment(const char *id, const char **start, size_t *len)
{
	const char *end, *p;

	if (!id || !*id)
		return false;
	end = id + strlen(id);
	while (end > id && end[-1] == '/')
		end--;
	p = end;
	while (p > id && p[-1] != '/')
		p--;
	*start = p;
	*len = (size_t)(end - p);
	return *len > 0;
}

static void append_lower(char *buf, size_t size, size_t *used, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && *used + 1 < size; i++) {
		char c = s[i];

		buf[(*used)++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
	}
	buf[*used] = '\0';
}

/* Type of the resource an id names: the last "/providers/NS/" and every
 * second segment after it: .../providers/Microsoft.Sql/servers/s1/databases/d1
 * -> microsoft.sql/servers/databases. */
bool pst_id_resource_type(const char *id, char *buf, size_t size)
{
	const char *prov = NULL, *p, *seg;
	size_t used = 0, n;
	int i = 0;

	if (!id || size == 0)
		return false;
	buf[0] = '\0';
	for (p = id; (p = after_segment(p, "providers")) != NULL;)
		prov = p;
	if (!prov) {
		const char *s;

		if (pst_id_subscription(id, &s, &n) && s[n] == '\0') {
			append_lower(buf, size, &used, "microsoft.resources/subscriptions", 33);
			return true;
		}
		if (pst_id_resource_group(id, &s, &n) && s[n] == '\0') {
			append_lower(buf, size, &used, "microsoft.resources/resourcegroups", 34);
			return true;
		}
		return false;
	}
	for (seg = prov; *seg; i++) {
		n = strcspn(seg, "/");
		if (i == 0 || i % 2 == 1) {
			if (i > 0)
				append_lower(buf, size, &used, "/", 1);
			append_lower(buf, size, &used, seg, n);
		}
		seg += n;
		if (*seg == '/')
			seg++;
	}
	return used > 0 && strchr(buf, '/') != NULL;
}
