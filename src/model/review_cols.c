/* review_cols.c: the one table of finding columns (review.h). */
#include <stdlib.h>
#include <string.h>
#include "posture/review.h"

static const struct pst_fcol_info cols[PST_FCOL__COUNT] = {
	[PST_FCOL_CLASS] = {"class", "Class code", PST_FT_TEXT, 0},
	[PST_FCOL_RESOURCE_ID] = {"resource_id", "Resource ID", PST_FT_TEXT, 40},
	[PST_FCOL_ASSESSMENT_KEY] = {"assessment_key", "Assessment key", PST_FT_TEXT, 20},
	[PST_FCOL_RECOMMENDATION] = {"recommendation", "Recommendation", PST_FT_TEXT, 50},
	[PST_FCOL_SEVERITY] = {"severity", "Severity", PST_FT_SEVERITY, 0},
	[PST_FCOL_SUBSCRIPTION_ID] = {"subscription_id", "Subscription ID", PST_FT_TEXT, 20},
	[PST_FCOL_SUBSCRIPTION_NAME] = {"subscription_name", "Subscription", PST_FT_TEXT, 0},
	[PST_FCOL_RESOURCE_GROUP] = {"resource_group", "Resource group", PST_FT_TEXT, 0},
	[PST_FCOL_RESOURCE_TYPE] = {"resource_type", "Resource type", PST_FT_TEXT, 0},
	[PST_FCOL_STATUS_FROM] = {"status_from", "Status before", PST_FT_TEXT, 0},
	[PST_FCOL_CAUSE_FROM] = {"cause_from", "Cause before", PST_FT_TEXT, 0},
	[PST_FCOL_STATUS_TO] = {"status_to", "Status after", PST_FT_TEXT, 0},
	[PST_FCOL_CAUSE_TO] = {"cause_to", "Cause after", PST_FT_TEXT, 0},
	[PST_FCOL_AGE_DAYS] = {"age_days", "Age (days)", PST_FT_COUNT, 0},
	[PST_FCOL_FIRST_SEEN] = {"first_seen", "First seen", PST_FT_TIME, 0},
	[PST_FCOL_DUE_DATE] = {"due_date", "Due date", PST_FT_TIME, 0},
	[PST_FCOL_OVERDUE] = {"overdue", "Overdue", PST_FT_BOOL, 0},
	[PST_FCOL_OWNER] = {"owner", "Owner", PST_FT_TEXT, 0},
	[PST_FCOL_PORTAL_LINK] = {"portal_link", "Portal link", PST_FT_LINK, 30},
	[PST_FCOL_TEAM] = {"team", "Team", PST_FT_TEXT, 0},
	[PST_FCOL_RESOURCE_NAME] = {"resource_name", "Resource", PST_FT_TEXT, 0},
	[PST_FCOL_CONTROL] = {"control", "Control", PST_FT_TEXT, 0},
	[PST_FCOL_DUE_FROM] = {"due_from", "Due from", PST_FT_TEXT, 0},
	[PST_FCOL_RISK_LEVEL] = {"risk_level", "Risk level", PST_FT_TEXT, 0},
	[PST_FCOL_RISK_FACTORS] = {"risk_factors", "Risk factors", PST_FT_TEXT, 30},
	[PST_FCOL_RENAMED_FROM] = {"renamed_from", "Renamed from", PST_FT_TEXT, 20},
	[PST_FCOL_CLOUD] = {"cloud", "Cloud", PST_FT_TEXT, 0},
	[PST_FCOL_GRACE] = {"grace_period", "Grace period", PST_FT_BOOL, 0},
	[PST_FCOL_ETA] = {"eta", "ETA", PST_FT_TIME, 0},
	[PST_FCOL_TICKET_NUMBER] = {"ticket_number", "Ticket", PST_FT_TEXT, 0},
	[PST_FCOL_TICKET_STATUS] = {"ticket_status", "Ticket status", PST_FT_TEXT, 0},
	[PST_FCOL_TICKET_LINK] = {"ticket_link", "Ticket link", PST_FT_LINK, 30},
	[PST_FCOL_ON_ATTACK_PATH] = {"on_attack_path", "On attack path", PST_FT_BOOL, 0},
	[PST_FCOL_CLASS_LABEL] = {"class_label", "Class", PST_FT_TEXT, 22},
};

const char *pst_path_change_label(enum pst_path_change c)
{
	static const char *const names[] = {"New", "Still there", "Gone", "No data at start"};

	return (unsigned)c < PST_ARRAY_LEN(names) ? names[c] : "";
}

const struct pst_fcol_info *pst_fcol_info(enum pst_fcol c)
{
	return (unsigned)c < PST_FCOL__COUNT ? &cols[c] : NULL;
}

const char *pst_review_team_name(const struct pst_review *r, size_t team)
{
	return team < r->nteams ? r->teams[team].name : "Unassigned";
}

bool pst_fcol_shown(const struct pst_review *r, enum pst_fcol c)
{
	if (c == PST_FCOL_RISK_LEVEL || c == PST_FCOL_RISK_FACTORS)
		return r->has_risk;
	if (c == PST_FCOL_RENAMED_FROM)
		return r->has_renamed;
	if (c == PST_FCOL_CLOUD)
		return r->has_clouds;
	if (c >= PST_FCOL_GRACE && c <= PST_FCOL_TICKET_LINK)
		return r->has_gov_extra;
	if (c == PST_FCOL_ON_ATTACK_PATH)
		return r->has_attack_paths;
	return (unsigned)c < PST_FCOL__COUNT;
}

int pst_review_fix_cmp(const struct pst_review_finding *a, const struct pst_review_finding *b)
{
	int ra = (int)pst_risk_rank(a->risk, a->severity), rb = (int)pst_risk_rank(b->risk, b->severity);

	if (ra != rb)
		return ra > rb ? -1 : 1;
	if (a->on_attack_path != b->on_attack_path)
		return a->on_attack_path ? -1 : 1;
	if (a->severity != b->severity)
		return a->severity > b->severity ? -1 : 1;
	if (a->age_days != b->age_days)
		return a->age_days > b->age_days ? -1 : 1;
	return 0;
}

struct fix_key {
	const struct pst_review_finding *f;
	size_t i;
};

static int cmp_fix(const void *pa, const void *pb)
{
	const struct fix_key *a = pa, *b = pb;
	int c = pst_review_fix_cmp(a->f, b->f);

	return c ? c : (a->i > b->i) - (a->i < b->i);
}

void pst_review_order_fixes(struct pst_review *r)
{
	struct fix_key *k = xcalloc(r->nfindings + 1, sizeof(*k));
	size_t i, n = 0;

	for (i = 0; i < r->nfindings; i++)
		if (pst_review_finding_open(&r->findings[i])) {
			k[n].f = &r->findings[i];
			k[n++].i = i;
		}
	pst_sort(k, n, sizeof(*k), cmp_fix);
	r->fix_order = PST_REVIEW_NEW(r, size_t, n + 1);
	r->nfix_order = n;
	for (i = 0; i < n; i++)
		r->fix_order[i] = k[i].i;
	free(k);
}

static const char *status_text(enum pst_status_code st)
{
	return st == PST_ST_UNKNOWN ? NULL : pst_status_name(st);
}

static const char *due_from(const struct pst_review_finding *f)
{
	if (f->due_date == PST_TIME_NONE)
		return NULL;
	return f->due_from_governance ? "governance" : "severity";
}

static const char *text_of(const struct pst_review *r, const struct pst_review_finding *f, enum pst_fcol c)
{
	switch (c) {
	case PST_FCOL_CLASS: return f->class_name;
	case PST_FCOL_CLASS_LABEL: return pst_class_label(f->cls);
	case PST_FCOL_RESOURCE_ID: return f->resource_id;
	case PST_FCOL_ASSESSMENT_KEY: return f->assessment_key;
	case PST_FCOL_RECOMMENDATION: return f->recommendation;
	case PST_FCOL_SEVERITY: return pst_severity_name(f->severity);
	case PST_FCOL_SUBSCRIPTION_ID: return f->subscription_id;
	case PST_FCOL_SUBSCRIPTION_NAME: return f->subscription_name;
	case PST_FCOL_RESOURCE_GROUP: return f->resource_group;
	case PST_FCOL_RESOURCE_TYPE: return f->resource_type;
	case PST_FCOL_STATUS_FROM: return status_text(f->status_from);
	case PST_FCOL_CAUSE_FROM: return f->cause_from;
	case PST_FCOL_STATUS_TO: return status_text(f->status_to);
	case PST_FCOL_CAUSE_TO: return f->cause_to;
	case PST_FCOL_OWNER: return f->owner;
	case PST_FCOL_PORTAL_LINK: return f->portal_link;
	case PST_FCOL_TEAM: return pst_review_team_name(r, f->team);
	case PST_FCOL_RESOURCE_NAME: return f->resource_name;
	case PST_FCOL_CONTROL: return f->control;
	case PST_FCOL_DUE_FROM: return due_from(f);
	case PST_FCOL_RISK_LEVEL: return pst_risk_name(f->risk);
	case PST_FCOL_RISK_FACTORS: return f->risk_factors;
	case PST_FCOL_RENAMED_FROM: return f->renamed_from;
	case PST_FCOL_CLOUD: return f->cloud;
	case PST_FCOL_TICKET_NUMBER: return f->ticket_number;
	case PST_FCOL_TICKET_STATUS: return f->ticket_status;
	case PST_FCOL_TICKET_LINK: return f->ticket_link;
	default: return NULL;
	}
}

void pst_fcol_value(const struct pst_review *r, const struct pst_review_finding *f, enum pst_fcol c,
                    struct pst_fcell *out)
{
	memset(out, 0, sizeof(*out));
	out->time = PST_TIME_NONE;
	switch (c) {
	case PST_FCOL_AGE_DAYS:
		out->count = f->age_days;
		out->blank = f->age_days < 0;
		return;
	case PST_FCOL_FIRST_SEEN:
	case PST_FCOL_DUE_DATE:
	case PST_FCOL_ETA:
		out->time = c == PST_FCOL_FIRST_SEEN ? f->first_seen : c == PST_FCOL_ETA ? f->eta : f->due_date;
		out->blank = out->time == PST_TIME_NONE;
		return;
	case PST_FCOL_OVERDUE:
	case PST_FCOL_GRACE:
		out->flag = c == PST_FCOL_GRACE ? f->grace : f->overdue;
		return;
	case PST_FCOL_ON_ATTACK_PATH:
		out->flag = f->on_attack_path;
		return;
	default:
		out->text = text_of(r, f, c);
		out->blank = !out->text || !*out->text;
	}
}
