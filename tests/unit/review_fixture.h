/* review_fixture.h: a synthetic review model for the renderer tests (PDF,
 * workbook, text).  Header-only: include it and call rfx_build.
 *
 *   struct rfx_params p;
 *   struct pst_review r;
 *   rfx_params_init(&p, 4, 500);       4 teams, 500 findings
 *   pst_review_init(&r);
 *   rfx_build(&r, &p);
 *   ... render r ...
 *   pst_review_release(&r);
 *
 * Everything is deterministic from the parameters: no clock, no pointer
 * order.  Team names are UTF-8 ("Équipe réseau"); findings cover every class
 * and severity (the first PST_CLASS__COUNT findings take each class once),
 * with long resource ids; the totals (by class, by severity, overdue, the
 * reconciliation unhealthy_t0 - closed + opened = unhealthy_t1) are summed
 * from the findings, as the real builder does, so they agree with the rows.
 */
#ifndef REVIEW_FIXTURE_H
#define REVIEW_FIXTURE_H

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "posture/review.h"
#include "posture/strbuf.h"

struct rfx_params {
	size_t nteams;
	size_t nfindings;
	size_t nalerts;
	bool warnings; /* data warnings, rejected records, a file that failed */
	bool goals;    /* an overall goal and goals for every other team */
	uint64_t seed;
};

/* Defaults: 24 alerts, warnings and goals on, seed 1. */
static inline void rfx_params_init(struct rfx_params *p, size_t nteams, size_t nfindings)
{
	memset(p, 0, sizeof(*p));
	p->nteams = nteams;
	p->nfindings = nfindings;
	p->nalerts = 24;
	p->warnings = true;
	p->goals = true;
	p->seed = 1;
}

/* ---- a small deterministic generator (splitmix64) ---- */

struct rfx_rng {
	uint64_t s;
};

static inline uint64_t rfx_next(struct rfx_rng *g)
{
	uint64_t z = (g->s += UINT64_C(0x9E3779B97F4A7C15));

	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

static inline size_t rfx_pick(struct rfx_rng *g, size_t n)
{
	return n ? (size_t)(rfx_next(g) % n) : 0;
}

static inline const char *rfx_fmt(struct pst_review *r, struct strbuf *sb)
{
	const char *s = pst_review_str(r, sb->buf);

	strbuf_reset(sb);
	return s;
}

static inline const char *rfx_sha(struct pst_review *r, struct rfx_rng *g)
{
	struct strbuf sb = STRBUF_INIT;
	const char *s;
	int i;

	for (i = 0; i < 4; i++)
		strbuf_addf(&sb, "%016llx", (unsigned long long)rfx_next(g));
	s = pst_review_str(r, sb.buf);
	strbuf_release(&sb);
	return s;
}

/* ---- catalogs ---- */

struct rfx_rec {
	const char *name;
	enum pst_severity severity;
	size_t control;
	const char *remediation;
};

static const char *const rfx_controls[] = {
	"Enable MFA", "Secure management ports", "Remediate vulnerabilities", "Apply system updates",
	"Encrypt data in transit", "Restrict unauthorized network access", "Enable endpoint protection",
	"Manage access and permissions", "Enable encryption at rest", "Remediate security configurations",
	"Apply adaptive application control", "Enable auditing and logging",
};
static const double rfx_control_max[] = {10, 8, 6, 6, 4, 4, 2, 4, 4, 4, 3, 1};

static const struct rfx_rec rfx_recs[] = {
	{"Accounts with owner permissions on Azure resources should be MFA enabled", PST_SEV_CRITICAL, 0,
	 "Enable multi-factor authentication for every account with owner permissions: Entra ID > Security > "
	 "Conditional Access, then require MFA for the Azure management application."},
	{"Management ports of virtual machines should be protected with just-in-time network access control",
	 PST_SEV_HIGH, 1, "Open Defender for Cloud > Workload protections > Just-in-time VM access, select the "
	 "machines and enable JIT on ports 22 and 3389."},
	{"Internet-facing virtual machines should be protected with network security groups", PST_SEV_HIGH, 5,
	 "Attach a network security group to the subnet or network interface and deny inbound traffic by default."},
	{"Machines should have vulnerability findings resolved", PST_SEV_HIGH, 2,
	 "Apply the vendor patches named in each finding, then trigger a new scan."},
	{"System updates should be installed on your machines", PST_SEV_HIGH, 3,
	 "Use Azure Update Manager to assess and install the missing updates; schedule recurring patching."},
	{"Secure transfer to storage accounts should be enabled", PST_SEV_MEDIUM, 4,
	 "Set 'Secure transfer required' to Enabled in the storage account's configuration."},
	{"Storage accounts should restrict network access using virtual network rules", PST_SEV_MEDIUM, 5,
	 "Set the default network action to Deny and add virtual network rules for the subnets that need access."},
	{"Endpoint protection should be installed on your machines", PST_SEV_MEDIUM, 6,
	 "Onboard the machines to Microsoft Defender for Endpoint through the Defender for Servers plan."},
	{"There should be more than one owner assigned to your subscription", PST_SEV_MEDIUM, 7,
	 "Assign a second owner to the subscription so that administrative access is not a single point of failure."},
	{"Transparent Data Encryption on SQL databases should be enabled", PST_SEV_LOW, 8, ""},
	{"Virtual machines should encrypt temp disks, caches and data flows", PST_SEV_LOW, 8,
	 "Enable encryption at host, or Azure Disk Encryption, on every virtual machine."},
	{"Machines should be configured securely", PST_SEV_LOW, 9,
	 "Remediate the failed operating system baseline rules listed for each machine."},
	{"Adaptive application controls for defining safe applications should be enabled", PST_SEV_HIGH, 10,
	 "Review the recommended allow lists in Adaptive application controls and apply them to each group."},
	{"Diagnostic logs in Key Vault should be enabled", PST_SEV_LOW, 11,
	 "Send Key Vault audit logs to a Log Analytics workspace with a diagnostic setting."},
	{"Email notification for high severity alerts should be enabled", PST_SEV_INFO, 11,
	 "Set the security contact e-mail and turn on notifications for high severity alerts."},
	{"Guest accounts with write permissions on Azure resources should be removed", PST_SEV_UNKNOWN, 7, ""},
};

static const char *const rfx_team_names[] = {
	"Équipe réseau", "Platform engineering", "Data & analytics", "Identité et accès",
	"Workplace services", "Finance applications", "Customer portal", "Site reliability",
};

static const char *const rfx_resource_types[] = {
	"Microsoft.Network/networkSecurityGroups", "Microsoft.Compute/virtualMachines",
	"Microsoft.Storage/storageAccounts", "Microsoft.Sql/servers/databases", "Microsoft.KeyVault/vaults",
};

/* Weights of the classes after the first PST_CLASS__COUNT findings. */
static const unsigned rfx_class_weight[PST_CLASS__COUNT] = {15, 4, 3, 5, 2, 2, 30, 6, 6, 6, 2, 3};

/* ---- scope ---- */

static inline void rfx_scope(struct pst_review *r, struct rfx_rng *g)
{
	static const char *const subs[] = {
		"Contoso Production", "Réseau — Hub", "Data platform", "Corporate IT", "Sandbox", "Customer portal",
	};
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	r->org = pst_review_str(r, "Contoso Ltd");
	r->title = pst_review_str(r, "Security posture review, October 2026");
	r->period = pst_review_str(r, "2026-10");
	r->t0 = pst_time_make(2026, 10, 1, 0, 0, 0);
	r->t1 = pst_time_make(2026, 11, 1, 0, 0, 0);
	r->generated_at = pst_time_make(2026, 11, 2, 6, 0, 0);
	r->version = pst_review_str(r, "0.1.0");
	r->ntenants = 2;
	r->tenants = PST_REVIEW_NEW(r, const char *, 2);
	r->tenants[0] = pst_review_str(r, "contoso.onmicrosoft.com");
	r->tenants[1] = pst_review_str(r, "contoso-emea.onmicrosoft.com");
	r->nsubscriptions = PST_ARRAY_LEN(subs);
	r->subscriptions = PST_REVIEW_NEW(r, struct pst_review_subscription, r->nsubscriptions);
	for (i = 0; i < r->nsubscriptions; i++) {
		struct pst_review_subscription *s = &r->subscriptions[i];

		strbuf_addf(&sb, "%08x-1bf0-4dda-aec3-%012llx", (unsigned)(0x0b1f6471u + i),
		            (unsigned long long)(rfx_next(g) % UINT64_C(1000000000000)));
		s->id = rfx_fmt(r, &sb);
		s->name = pst_review_str(r, subs[i]);
		s->previous = 45.0 + (double)rfx_pick(g, 300) / 10.0;
		s->percentage = s->previous + (double)rfx_pick(g, 60) / 10.0 - 1.0;
		s->weight = (double)(1 + rfx_pick(g, 40));
		s->covered_t1 = i != 4;
	}
	r->teams_file = pst_review_str(r, "templates/teams.conf");
	r->teams_file_sha256 = rfx_sha(r, g);
	strbuf_release(&sb);
}

/* ---- findings ---- */

static inline enum pst_class rfx_class(struct rfx_rng *g, size_t i)
{
	unsigned total = 0, k, x;

	if (i < PST_CLASS__COUNT)
		return (enum pst_class)i;
	for (k = 0; k < PST_CLASS__COUNT; k++)
		total += rfx_class_weight[k];
	x = (unsigned)rfx_pick(g, total);
	for (k = 0; x >= rfx_class_weight[k]; k++)
		x -= rfx_class_weight[k];
	return (enum pst_class)k;
}

static inline void rfx_statuses(struct pst_review_finding *f)
{
	static const enum pst_status_code from[PST_CLASS__COUNT] = {
		PST_ST_UNHEALTHY, PST_ST_UNHEALTHY, PST_ST_UNHEALTHY, PST_ST_UNHEALTHY, PST_ST_UNHEALTHY,
		PST_ST_UNHEALTHY, PST_ST_UNHEALTHY, PST_ST_HEALTHY, PST_ST_UNKNOWN, PST_ST_UNKNOWN,
		PST_ST_NOT_APPLICABLE, PST_ST_NOT_APPLICABLE,
	};
	static const enum pst_status_code to[PST_CLASS__COUNT] = {
		PST_ST_HEALTHY, PST_ST_NOT_APPLICABLE, PST_ST_NOT_APPLICABLE, PST_ST_UNKNOWN, PST_ST_UNKNOWN,
		PST_ST_UNKNOWN, PST_ST_UNHEALTHY, PST_ST_UNHEALTHY, PST_ST_UNHEALTHY, PST_ST_UNHEALTHY,
		PST_ST_UNHEALTHY, PST_ST_UNHEALTHY,
	};

	f->status_from = from[f->cls];
	f->status_to = to[f->cls];
	f->cause_from = f->cls == PST_CLASS_EXEMPTION_ENDED ? "Exempt" : "";
	f->cause_to = f->cls == PST_CLASS_EXEMPTED ? "Exempt" : f->cls == PST_CLASS_NOT_APPLICABLE ? "OffByPolicy" : "";
}

static inline int64_t rfx_allowance_days(enum pst_severity s)
{
	return s >= PST_SEV_HIGH ? 30 : s == PST_SEV_MEDIUM ? 60 : 90;
}

static inline void rfx_age(struct pst_review *r, struct pst_review_finding *f, struct rfx_rng *g, size_t i)
{
	f->age_days = -1;
	f->due_date = PST_TIME_NONE;
	if (!pst_review_finding_open(f))
		return;
	f->age_days = f->cls == PST_CLASS_STILL_OPEN ? 31 + (int64_t)rfx_pick(g, 300) : (int64_t)rfx_pick(g, 31);
	f->due_from_governance = i % 5 == 0;
	f->due_date = r->t1 - f->age_days * PST_MS_PER_DAY +
	              (f->due_from_governance ? 45 : rfx_allowance_days(f->severity)) * PST_MS_PER_DAY;
	f->overdue = f->due_date < r->t1;
	f->owner = f->due_from_governance ? "owner@contoso.example" : "";
}

static inline void rfx_finding(struct pst_review *r, const struct rfx_params *p, struct rfx_rng *g, size_t i,
                               const char *const *recs)
{
	struct pst_review_finding *f = &r->findings[i];
	const struct pst_review_subscription *s = &r->subscriptions[rfx_pick(g, r->nsubscriptions)];
	size_t rec = rfx_pick(g, PST_ARRAY_LEN(rfx_recs)), type = rfx_pick(g, PST_ARRAY_LEN(rfx_resource_types));
	struct strbuf sb = STRBUF_INIT;

	f->cls = rfx_class(g, i);
	f->class_name = pst_class_name(f->cls);
	f->team = p->nteams ? rfx_pick(g, p->nteams) : PST_REVIEW_NO_TEAM;
	f->subscription_id = s->id;
	f->subscription_name = s->name;
	strbuf_addf(&sb, "rg-%s-prod-westeurope-%03zu", type % 2 ? "network" : "workload", i % 97);
	f->resource_group = rfx_fmt(r, &sb);
	strbuf_addf(&sb, "res-%06zu", i);
	f->resource_name = rfx_fmt(r, &sb);
	f->resource_type = rfx_resource_types[type];
	strbuf_addf(&sb, "/subscriptions/%s/resourceGroups/%s/providers/%s/%s", s->id, f->resource_group,
	            f->resource_type, f->resource_name);
	f->resource_id = rfx_fmt(r, &sb);
	strbuf_addf(&sb, "%08zx-0000-4000-8000-%012zx", rec * 7919 + 1, rec);
	f->assessment_key = rfx_fmt(r, &sb);
	f->recommendation = recs[rec];
	f->control = rfx_controls[rfx_recs[rec].control];
	f->severity = i < PST_CLASS__COUNT ? (enum pst_severity)(i % (PST_SEV_CRITICAL + 1)) : rfx_recs[rec].severity;
	rfx_statuses(f);
	f->owner = "";
	rfx_age(r, f, g, i);
	strbuf_addf(&sb, "https://portal.azure.com/#view/Microsoft_Azure_Security/AssessmentBlade/key/%s",
	            f->assessment_key);
	f->portal_link = rfx_fmt(r, &sb);
	strbuf_release(&sb);
}

/* The totals a builder sums from the findings. */
static inline void rfx_count(struct pst_review *r, const struct pst_review_finding *f)
{
	struct pst_review_team *t = f->team < r->nteams ? &r->teams[f->team] : NULL;
	bool open = pst_review_finding_open(f);

	r->by_class[f->cls]++;
	r->unhealthy_t0 += f->status_from == PST_ST_UNHEALTHY;
	r->unhealthy_t1 += open;
	r->closed += f->status_from == PST_ST_UNHEALTHY && !open;
	r->opened += f->status_from != PST_ST_UNHEALTHY && open;
	r->overdue_by_severity[f->severity] += f->overdue;
	if (!t)
		return;
	t->by_class[f->cls]++;
	t->open_by_severity[f->severity] += open;
	t->overdue += f->overdue;
}

static inline void rfx_findings(struct pst_review *r, const struct rfx_params *p, struct rfx_rng *g)
{
	const char *recs[PST_ARRAY_LEN(rfx_recs)];
	size_t i;

	for (i = 0; i < PST_ARRAY_LEN(rfx_recs); i++)
		recs[i] = pst_review_str(r, rfx_recs[i].name);
	r->nfindings = p->nfindings;
	r->findings = PST_REVIEW_NEW(r, struct pst_review_finding, p->nfindings);
	for (i = 0; i < p->nfindings; i++) {
		rfx_finding(r, p, g, i, recs);
		rfx_count(r, &r->findings[i]);
	}
	pst_review_order_fixes(r);
}

/* ---- teams, controls, league, goals ---- */

static inline void rfx_teams(struct pst_review *r, const struct rfx_params *p, struct rfx_rng *g)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	r->nteams = p->nteams;
	r->teams = PST_REVIEW_NEW(r, struct pst_review_team, p->nteams);
	for (i = 0; i < p->nteams; i++) {
		if (i < PST_ARRAY_LEN(rfx_team_names))
			strbuf_addstr(&sb, rfx_team_names[i]);
		else
			strbuf_addf(&sb, "Équipe %02zu", i + 1);
		r->teams[i].name = rfx_fmt(r, &sb);
		strbuf_addf(&sb, "team-%02zu", i + 1);
		r->teams[i].file_name = rfx_fmt(r, &sb);
		r->teams[i].points_won = ((double)rfx_pick(g, 120) - 40.0) / 10.0;
		r->teams[i].pct_won = r->teams[i].points_won / 2.0;
	}
	strbuf_release(&sb);
}

static inline int rfx_control_cmp(const void *a, const void *b)
{
	const struct pst_review_control *x = a, *y = b;

	if (x->gain != y->gain)
		return x->gain < y->gain ? 1 : -1;
	return strcmp(x->name, y->name);
}

static inline void rfx_control(struct pst_review *r, struct rfx_rng *g, size_t c, struct pst_review_control *ctl)
{
	double weight = 0.0, best = -1.0;
	size_t t;

	ctl->control_id = pst_review_str(r, rfx_controls[c]);
	ctl->name = ctl->control_id;
	ctl->max = rfx_control_max[c];
	ctl->current = ctl->max * (double)(30 + rfx_pick(g, 61)) / 100.0;
	ctl->previous = ctl->current - (double)rfx_pick(g, 10) / 20.0;
	ctl->gain = ctl->max - ctl->current;
	ctl->healthy = (int64_t)rfx_pick(g, 400);
	ctl->unhealthy = (int64_t)rfx_pick(g, 200) + 1;
	ctl->not_applicable = (int64_t)rfx_pick(g, 30);
	ctl->top_team = PST_REVIEW_NO_TEAM;
	ctl->gain_by_team = PST_REVIEW_NEW(r, double, r->nteams ? r->nteams : 1);
	for (t = 0; t < r->nteams; t++)
		weight += ctl->gain_by_team[t] = (double)rfx_pick(g, 10);
	for (t = 0; t < r->nteams; t++) {
		ctl->gain_by_team[t] = weight > 0 ? ctl->gain * ctl->gain_by_team[t] / weight : 0.0;
		if (ctl->gain_by_team[t] > best && ctl->gain_by_team[t] > 0) {
			best = ctl->gain_by_team[t];
			ctl->top_team = t;
		}
		r->teams[t].potential_gain += ctl->gain_by_team[t];
	}
}

static inline void rfx_controls_fill(struct pst_review *r, struct rfx_rng *g)
{
	size_t c;

	r->ncontrols = PST_ARRAY_LEN(rfx_controls);
	r->controls = PST_REVIEW_NEW(r, struct pst_review_control, r->ncontrols);
	for (c = 0; c < r->ncontrols; c++)
		rfx_control(r, g, c, &r->controls[c]);
	pst_sort(r->controls, r->ncontrols, sizeof(*r->controls), rfx_control_cmp);
}

/* League order: points won, descending; ties by index. */
static inline void rfx_league(struct pst_review *r)
{
	size_t i, k;

	r->league = PST_REVIEW_NEW(r, size_t, r->nteams ? r->nteams : 1);
	for (i = 0; i < r->nteams; i++) {
		for (k = i; k > 0 && r->teams[r->league[k - 1]].points_won < r->teams[i].points_won; k--)
			r->league[k] = r->league[k - 1];
		r->league[k] = i;
	}
	for (i = 0; i < r->nteams; i++) {
		struct pst_review_team *t = &r->teams[r->league[i]];

		t->rank = (int)i + 1;
		/* shares that add up to the overall, the first team holding most */
		t->share_pct = r->score_now * 2.0 * (double)(r->nteams - i) / (double)(r->nteams * (r->nteams + 1));
		t->share_pct_prev = t->share_pct;
		t->points_held = t->share_pct * 0.58;
		t->gain_pct = t->potential_gain / 2.0;
	}
}

static inline void rfx_goal(struct pst_review *r, struct pst_review_goal *goal, const char *scope, const char *name,
                            double target, double current)
{
	goal->scope = pst_review_str(r, scope);
	goal->name = pst_review_str(r, name);
	goal->target = target;
	goal->due = pst_time_make(2027, 6, 30, 0, 0, 0);
	goal->current = current;
	goal->met = current >= target;
	goal->pace_needed = goal->met ? 0.0 : (target - current) / 8.0;
	goal->behind = goal->pace_needed > 1.0;
}

static inline void rfx_goals(struct pst_review *r, const struct rfx_params *p)
{
	size_t t;

	if (!p->goals)
		return;
	r->goals = PST_REVIEW_NEW(r, struct pst_review_goal, 1 + (r->nteams + 1) / 2);
	rfx_goal(r, &r->goals[r->ngoals], "overall", "", 75.0, r->score_now);
	r->overall_goal = &r->goals[r->ngoals++];
	for (t = 0; t < r->nteams; t += 2) {
		rfx_goal(r, &r->goals[r->ngoals], "team", r->teams[t].name, 65.0 + (double)(t % 3) * 5.0,
		         50.0 + (double)((t * 7) % 25));
		r->teams[t].goal = &r->goals[r->ngoals++];
	}
}

/* ---- top open recommendations of each team ---- */

static inline int rfx_top_cmp(const void *a, const void *b)
{
	const struct pst_review_recommendation *x = a, *y = b;

	if (x->severity != y->severity)
		return x->severity < y->severity ? 1 : -1;
	if (x->resources != y->resources)
		return x->resources < y->resources ? 1 : -1;
	return strcmp(x->recommendation, y->recommendation);
}

static inline void rfx_top(struct pst_review *r, size_t t)
{
	struct pst_review_recommendation all[PST_ARRAY_LEN(rfx_recs)];
	struct pst_review_team *team = &r->teams[t];
	size_t i, k;

	memset(all, 0, sizeof(all));
	for (i = 0; i < r->nfindings; i++) {
		const struct pst_review_finding *f = &r->findings[i];

		for (k = 0; f->team == t && pst_review_finding_open(f) && k < PST_ARRAY_LEN(rfx_recs); k++)
			if (strcmp(rfx_recs[k].name, f->recommendation) == 0)
				break;
		if (f->team != t || !pst_review_finding_open(f) || k == PST_ARRAY_LEN(rfx_recs))
			continue;
		all[k].resources++;
		all[k].overdue += f->overdue;
		all[k].assessment_key = f->assessment_key;
		all[k].recommendation = f->recommendation;
	}
	team->top = PST_REVIEW_NEW(r, struct pst_review_recommendation, PST_ARRAY_LEN(rfx_recs));
	for (k = 0; k < PST_ARRAY_LEN(rfx_recs); k++) {
		if (!all[k].resources)
			continue;
		all[k].severity = rfx_recs[k].severity;
		all[k].remediation = pst_review_str(r, rfx_recs[k].remediation);
		team->top[team->ntop++] = all[k];
	}
	pst_sort(team->top, team->ntop, sizeof(*team->top), rfx_top_cmp);
}

/* ---- alerts ---- */

static inline int rfx_alert_cmp(const void *a, const void *b)
{
	const struct pst_review_alert *x = a, *y = b;

	if (x->severity != y->severity)
		return x->severity < y->severity ? 1 : -1;
	if (x->time != y->time)
		return x->time < y->time ? -1 : 1;
	return strcmp(x->system_alert_id, y->system_alert_id);
}

static inline int rfx_count_cmp(const void *a, const void *b)
{
	const struct pst_review_count *x = a, *y = b;

	if (x->count != y->count)
		return x->count < y->count ? 1 : -1;
	return strcmp(x->label, y->label);
}

/* Counts of labels[] (n) found in the alerts' field: a tactic list or the status. */
static inline struct pst_review_count *rfx_counts(struct pst_review *r, const char *const *labels, size_t n,
                                                  bool tactic, size_t *nout)
{
	struct pst_review_count *c = PST_REVIEW_NEW(r, struct pst_review_count, n);
	size_t i, k;

	*nout = 0;
	for (k = 0; k < n; k++) {
		int64_t count = 0;

		for (i = 0; i < r->nalerts; i++)
			count += tactic ? strstr(r->alerts[i].tactics, labels[k]) != NULL
			                : strcmp(r->alerts[i].status, labels[k]) == 0;
		if (!count)
			continue;
		c[*nout].label = pst_review_str(r, labels[k]);
		c[(*nout)++].count = count;
	}
	pst_sort(c, *nout, sizeof(*c), rfx_count_cmp);
	return c;
}

static inline void rfx_alerts(struct pst_review *r, const struct rfx_params *p, struct rfx_rng *g)
{
	static const char *const names[] = {
		"Suspicious authentication activity", "Possible outgoing spam activity detected",
		"Traffic detected from IP addresses recommended for blocking", "Suspicious process executed",
		"Access from a suspicious IP address to a storage account", "Digital currency mining activity",
	};
	static const char *const statuses[] = {"Active", "InProgress", "Resolved", "Dismissed"};
	static const char *const tactics[] = {
		"InitialAccess", "Execution", "Persistence", "PrivilegeEscalation", "DefenseEvasion",
		"CredentialAccess", "Discovery", "LateralMovement", "Exfiltration", "Impact",
	};
	struct strbuf sb = STRBUF_INIT;
	size_t i, k;

	r->nalerts = p->nalerts;
	r->alerts = PST_REVIEW_NEW(r, struct pst_review_alert, p->nalerts ? p->nalerts : 1);
	for (i = 0; i < p->nalerts; i++) {
		struct pst_review_alert *a = &r->alerts[i];

		strbuf_addf(&sb, "2517%014zu_%08llx", i, (unsigned long long)(rfx_next(g) & 0xffffffffu));
		a->system_alert_id = rfx_fmt(r, &sb);
		a->name = names[rfx_pick(g, PST_ARRAY_LEN(names))];
		a->severity = (enum pst_severity)(PST_SEV_INFO + rfx_pick(g, 4));
		a->status = statuses[rfx_pick(g, PST_ARRAY_LEN(statuses))];
		k = rfx_pick(g, PST_ARRAY_LEN(tactics));
		strbuf_addstr(&sb, tactics[k]);
		if (i % 3 == 0)
			strbuf_addf(&sb, ", %s", tactics[(k + 3) % PST_ARRAY_LEN(tactics)]);
		a->tactics = rfx_fmt(r, &sb);
		a->resource_id = r->nfindings ? r->findings[rfx_pick(g, r->nfindings)].resource_id : "";
		a->entity = pst_review_str(r, "10.1.2.3");
		a->time = r->t0 + (pst_time)rfx_pick(g, 31 * 24) * 3600000;
		a->team = p->nteams ? rfx_pick(g, p->nteams) : PST_REVIEW_NO_TEAM;
		r->alerts_by_severity[a->severity]++;
	}
	pst_sort(r->alerts, r->nalerts, sizeof(*r->alerts), rfx_alert_cmp);
	r->alerts_by_status = rfx_counts(r, statuses, PST_ARRAY_LEN(statuses), false, &r->nalerts_by_status);
	r->alerts_by_tactic = rfx_counts(r, tactics, PST_ARRAY_LEN(tactics), true, &r->nalerts_by_tactic);
	strbuf_release(&sb);
}

/* ---- compliance, data quality, sources ---- */

static inline void rfx_compliance(struct pst_review *r, struct rfx_rng *g)
{
	static const char *const controls[] = {"NS-1", "NS-2", "IM-1", "IM-3", "PA-1", "DP-3", "LT-1", "PV-6"};
	size_t i;

	r->ncompliance = PST_ARRAY_LEN(controls);
	r->compliance = PST_REVIEW_NEW(r, struct pst_review_compliance, r->ncompliance);
	for (i = 0; i < r->ncompliance; i++) {
		struct pst_review_compliance *c = &r->compliance[i];

		c->standard = pst_review_str(r, "Microsoft cloud security benchmark");
		c->control = pst_review_str(r, controls[i]);
		c->passed = (int64_t)rfx_pick(g, 50);
		c->failed = i % 3 ? (int64_t)rfx_pick(g, 20) : 0;
		c->skipped = (int64_t)rfx_pick(g, 5);
		c->state = c->failed ? PST_CS_FAILED : PST_CS_PASSED;
		c->state_t0 = i == 1 ? PST_CS_PASSED : i == 3 ? PST_CS_FAILED : c->state; /* two changed */
	}
	/* the standard, counted as review_build_compliance.c counts it */
	r->nstandards = 1;
	r->standards = PST_REVIEW_NEW(r, struct pst_review_standard, 1);
	r->standards[0].standard = r->compliance[0].standard;
	r->standards[0].has_t0 = true;
	for (i = 0; i < r->ncompliance; i++) {
		const struct pst_review_compliance *c = &r->compliance[i];
		struct pst_review_standard *st = &r->standards[0];

		st->controls[c->state == PST_CS_PASSED ? PST_RCS_PASSED : PST_RCS_FAILED]++;
		st->controls_t0[c->state_t0 == PST_CS_PASSED ? PST_RCS_PASSED : PST_RCS_FAILED]++;
		st->assessments[PST_RCS_PASSED] += c->passed;
		st->assessments[PST_RCS_FAILED] += c->failed;
		st->assessments[PST_RCS_SKIPPED] += c->skipped;
		st->assessments_t0[PST_RCS_PASSED] += c->passed - (c->passed > 2 ? 2 : 0);
		st->assessments_t0[PST_RCS_FAILED] += c->failed + (c->passed > 2 ? 2 : 0);
		st->assessments_t0[PST_RCS_SKIPPED] += c->skipped;
	}
}

static inline void rfx_warnings(struct pst_review *r)
{
	static const enum pst_diag_code codes[] = {PST_DC_SUBSCRIPTION_MISSING, PST_DC_CSV_ROW_CAP, PST_DC_REJECTED,
	                                           PST_DC_UNUSED_TEAM_RULE};
	static const char *const texts[] = {
		"Subscription Sandbox was present on 2026-10-01 and is missing on 2026-10-31: its findings are out of "
		"scope, not fixed.",
		"exports/2026-10-31/assessments-portal.csv holds 12,950 rows, near the portal's 13,000-row cap: the "
		"export is probably cut.",
		"42 records were rejected while reading (see Data quality).",
		"37 resources match no team rule: they are listed as Unassigned.",
	};
	static const char *const paths[] = {
		"exports/2026-10-31/assessments.json", "exports/2026-10-31/assessments.json",
		"exports/2026-10-31/assessments-portal.csv",
	};
	size_t i;

	for (i = 0; i < PST_ARRAY_LEN(texts); i++)
		pst_diags_add(&r->warnings, codes[i], NULL, "%s", texts[i]);
	for (i = 0; i < PST_ARRAY_LEN(paths); i++) {
		struct pst_diag_place at = {paths[i], i == 2 ? 1207 : 0, 0, i == 2 ? 0 : 118 + i * 311};

		pst_diags_add(&r->rejected, PST_DC_BAD_RECORD, &at, "%s",
		              i == 2 ? "expected 14 fields, found 9" : "resource id is missing");
	}
	r->rejected.count[PST_DIAG_REJECTED] = 42;
}

static inline void rfx_sources(struct pst_review *r, const struct rfx_params *p, struct rfx_rng *g)
{
	static const char *const paths[] = {
		"exports/2026-10-01/assessments.json", "exports/2026-10-31/assessments.json",
		"exports/2026-10-31/assessments-portal.csv",
		"exports/continuous-export/y=2026/m=10/d=31/h=06/m=00/PT1H.avro",
		"exports/secure-score-history.json", "exports/assessment-metadata.json", "exports/broken.json.gz",
	};
	static const char *const formats[] = {"rest-json", "rest-json", "portal-csv", "ce-avro", "rest-json",
	                                      "rest-json", "gzip"};
	size_t i, n = p->warnings ? PST_ARRAY_LEN(paths) : PST_ARRAY_LEN(paths) - 1;

	r->nsources = n;
	r->sources = PST_REVIEW_NEW(r, struct pst_review_source, n);
	for (i = 0; i < n; i++) {
		struct pst_review_source *s = &r->sources[i];

		s->path = pst_review_str(r, paths[i]);
		s->format = pst_review_str(r, formats[i]);
		s->size = 1000 + rfx_next(g) % 40000000;
		s->sha256 = rfx_sha(r, g);
		s->failed = i == PST_ARRAY_LEN(paths) - 1;
		s->error = pst_review_str(r, s->failed ? "exports/broken.json.gz: gzip: unexpected end of file" : "");
		if (s->failed)
			continue;
		s->records[i == 3 ? PST_REC_ALERT : i == 4 ? PST_REC_SECURE_SCORE
		           : i == 5 ? PST_REC_ASSESSMENT_META : PST_REC_ASSESSMENT] = 100 + rfx_next(g) % 20000;
		if (i == 3)
			s->records[PST_REC_ASSESSMENT] = 5000 + rfx_next(g) % 1000;
		s->total = s->records[PST_REC_ASSESSMENT] + s->records[PST_REC_ALERT] + s->records[PST_REC_SECURE_SCORE] +
		           s->records[PST_REC_ASSESSMENT_META];
		s->rejected = p->warnings && i < 3 ? (i == 2 ? 40 : 1) : 0;
		s->unlisted = p->warnings && i == 2 ? 39 : 0; /* 3 listed + 39 = the 42 counted */
	}
}

static inline void rfx_trend(struct pst_review *r, struct rfx_rng *g)
{
	pst_time t = r->t1;
	size_t i;

	r->ntrend = 12;
	r->trend = PST_REVIEW_NEW(r, struct pst_review_point, 12);
	for (i = 12; i-- > 0;) {
		r->trend[i].t = t;
		r->trend[i].percentage = i == 2 ? NAN : 48.0 + (double)i * 1.1 + (double)rfx_pick(g, 20) / 10.0;
		r->trend[i].recomputed = i < 2;
		t = pst_month_start(t - 1);
	}
	r->score_now = r->trend[11].percentage;
	r->score_prev = r->trend[10].percentage;
}

/* Fills r (after pst_review_init) from the parameters. */
static inline void rfx_build(struct pst_review *r, const struct rfx_params *p)
{
	struct rfx_rng g;
	size_t t;

	g.s = p->seed;
	rfx_scope(r, &g);
	rfx_trend(r, &g);
	rfx_teams(r, p, &g);
	rfx_findings(r, p, &g);
	rfx_controls_fill(r, &g);
	rfx_league(r);
	rfx_goals(r, p);
	for (t = 0; t < r->nteams; t++)
		rfx_top(r, t);
	rfx_alerts(r, p, &g);
	rfx_compliance(r, &g);
	if (p->warnings)
		rfx_warnings(r);
	rfx_sources(r, p, &g);
	pst_review_index(r);
}

#endif
