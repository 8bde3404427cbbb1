/* estate_add.c: one record into the estate's tables, series and states. */
#include "estate_int.h"

#include <string.h>

#define TYPE_BUF 256

/* Makes arr (of *alloc elements) hold index id, zero-filling new entries. */
static void ensure_index(void **arr, size_t *alloc, size_t id, size_t size)
{
	size_t old = *alloc;

	if (id < old)
		return;
	pst_grow(arr, alloc, id + 1, size);
	memset((char *)*arr + old * size, 0, (*alloc - old) * size);
}

static uint32_t text(struct pst_estate *e, const char *s)
{
	return pst_strpool_intern(&e->text, s);
}

static void set_if_none(uint32_t *slot, uint32_t v)
{
	if (!*slot)
		*slot = v;
}

static uint32_t intern_sub(struct pst_estate *e, const char *id, size_t len, const char *name)
{
	uint32_t sub = pst_strpool_intern_n(&e->subs, id, len);

	if (!sub)
		return 0;
	ensure_index((void **)&e->subscriptions, &e->subscriptions_alloc, sub, sizeof(*e->subscriptions));
	if (name && *name)
		set_if_none(&e->subscriptions[sub].name, text(e, name));
	return sub;
}

/* The subscription of a record: that of its resource id, else the record's. */
static uint32_t record_sub(struct pst_estate *e, const char *resource_id, const struct pst_record *rec,
                           const char *name)
{
	const char *s;
	size_t n;

	if (resource_id && pst_id_subscription(resource_id, &s, &n))
		return intern_sub(e, s, n, name);
	s = rec->subscription_id;
	return s ? intern_sub(e, s, strlen(s), name) : 0;
}

static void fill_resource(struct pst_estate *e, struct pst_resource *r, const char *id,
                          const struct pst_assessment *a)
{
	char type[TYPE_BUF];
	const char *s;
	size_t n;

	if (!r->type && pst_id_resource_type(id, type, sizeof(type)))
		r->type = text(e, type);
	if (!r->name && pst_id_last_segment(id, &s, &n))
		r->name = pst_strpool_intern_n(&e->text, s, n);
	if (!r->group && pst_id_resource_group(id, &s, &n))
		r->group = pst_strpool_intern_n(&e->text, s, n);
	if (a && !r->group)
		r->group = text(e, a->resource_group);
}

/* s lower-cased, interned (0 for NULL or ""). */
static uint32_t lower_text(struct pst_estate *e, const char *s)
{
	char buf[TYPE_BUF];
	size_t i;

	if (!s || !*s)
		return 0;
	for (i = 0; s[i] && i + 1 < sizeof(buf); i++)
		buf[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + ('a' - 'A') : s[i]);
	buf[i] = '\0';
	return text(e, buf);
}

/* "aws" for Aws, AWS, ...; 0 for Azure or none. */
static uint32_t cloud_of(struct pst_estate *e, const char *source)
{
	return !source || pst_streq_ci(source, "Azure") ? 0 : lower_text(e, source);
}

/* What other clouds say of a resource, the first time it is said. */
static void fill_cloud(struct pst_estate *e, struct pst_resource *r, const struct pst_assessment *a)
{
	if (!r->cloud && (r->cloud = cloud_of(e, a->source)) != 0 && a->resource_type)
		r->type = lower_text(e, a->resource_type); /* "ecr/repository": the id names only the connector */
	set_if_none(&r->account, text(e, a->account));
	set_if_none(&r->connector, text(e, a->connector));
	set_if_none(&r->native_id, text(e, a->native_id));
}

/* Interns a resource id and fills its table entry the first time. */
static uint32_t add_resource(struct pst_estate *e, const char *id, const struct pst_record *rec,
                             const struct pst_assessment *a)
{
	uint32_t res = pst_strpool_intern(&e->res_ids, id);
	struct pst_resource *r;

	if (!res)
		return 0;
	ensure_index((void **)&e->resources, &e->resources_alloc, res, sizeof(*e->resources));
	r = &e->resources[res];
	if (!r->subscription)
		r->subscription = record_sub(e, id, rec, a ? a->subscription_name : NULL);
	if (!r->type || !r->name || !r->group)
		fill_resource(e, r, id, a);
	if (a && (a->source || a->account || a->connector || a->native_id))
		fill_cloud(e, r, a);
	return res;
}

static struct pst_assessment_type *add_type(struct pst_estate *e, const char *key, uint32_t *id)
{
	*id = pst_strpool_intern(&e->keys, key);
	if (!*id)
		return NULL;
	ensure_index((void **)&e->types, &e->types_alloc, *id, sizeof(*e->types));
	return &e->types[*id];
}

static void type_from_row(struct pst_estate *e, struct pst_assessment_type *t, const struct pst_assessment *a)
{
	if (t->from_meta)
		return;
	set_if_none(&t->display_name, text(e, a->display_name));
	set_if_none(&t->category, text(e, a->category));
	set_if_none(&t->description, text(e, a->description));
	set_if_none(&t->remediation, text(e, a->remediation));
	if (!t->severity)
		t->severity = (uint8_t)a->severity;
}

static void add_type_control(struct pst_estate *e, uint32_t key, const char *id, const char *name)
{
	struct pst_type_control *tc;

	if (!key || (!id && !name))
		return;
	if (e->ntype_controls >= e->tc_compact_at) {
		pst_estate_compact_type_controls(e);
		e->tc_compact_at = e->ntype_controls * 2 > PST_COMPACT_MIN ? e->ntype_controls * 2 : PST_COMPACT_MIN;
	}
	PST_GROW(e->type_controls, e->type_controls_alloc, e->ntype_controls + 1);
	tc = &e->type_controls[e->ntype_controls++];
	tc->key = key;
	tc->control_id = text(e, id);
	tc->control_name = text(e, name);
}

/* A governance entry (resource, key and observed set; the rest NONE / 0 /
 * -1 when not said), kept when it says anything. */
static void add_gov(struct pst_estate *e, const struct pst_gov *in)
{
	if (!in->resource || !in->key ||
	    (!in->owner && in->due == PST_TIME_NONE && in->eta == PST_TIME_NONE && in->grace < 0 && !in->ticket_number &&
	     !in->ticket_link && !in->ticket_status))
		return;
	if (e->ngov >= e->gov_compact_at) {
		pst_estate_compact_gov(e);
		e->gov_compact_at = e->ngov * 2 > PST_COMPACT_MIN ? e->ngov * 2 : PST_COMPACT_MIN;
	}
	PST_GROW(e->gov, e->gov_alloc, e->ngov + 1);
	e->gov[e->ngov++] = *in;
}

static void gov_init(struct pst_gov *g, uint32_t res, uint32_t key, pst_time observed)
{
	memset(g, 0, sizeof(*g));
	g->resource = res;
	g->key = key;
	g->observed = observed;
	g->due = g->eta = PST_TIME_NONE;
	g->grace = -1;
}

/* The governance columns of an assessment row (portal CSV 27 columns). */
static void gov_of_row(struct pst_estate *e, const struct pst_record *rec, uint32_t res, uint32_t key)
{
	const struct pst_assessment *a = &rec->u.assessment;
	struct pst_gov g;

	gov_init(&g, res, key, rec->observed);
	g.owner = a->owner && *a->owner ? text(e, a->owner) : 0;
	g.due = a->due_date;
	g.eta = a->eta;
	g.grace = (int8_t)a->grace_period;
	add_gov(e, &g);
}

static void fold_finding(struct pst_estate *e, const struct pst_record *rec, uint32_t res, uint32_t key)
{
	const struct pst_assessment *a = &rec->u.assessment;
	struct pst_finding f;

	memset(&f, 0, sizeof(f));
	f.resource = res;
	f.key = key;
	f.observed = rec->observed;
	f.first_eval = a->first_eval;
	f.status_change = a->status_change;
	f.cause = text(e, a->cause);
	f.status = (uint8_t)a->status;
	f.risk = (uint8_t)a->risk;
	f.risk_factors = text(e, a->risk_factors);
	if (rec->action == PST_ACT_DELETE)
		f.flags |= PST_FND_DELETED;
	if (rec->snapshot != PST_SNAP_STREAM)
		f.flags |= PST_FND_SNAPSHOT;
	pst_history_add(&e->history, &f);
}

static uint32_t add_assessment(struct pst_estate *e, const struct pst_record *rec)
{
	const struct pst_assessment *a = &rec->u.assessment;
	struct pst_assessment_type *t;
	uint32_t res, key, sub;
	size_t i;

	e->assessments_read++;
	res = add_resource(e, a->resource_id, rec, a);
	t = add_type(e, a->key, &key);
	if (!res || !t) {
		e->assessments_unkeyed++;
		return 0;
	}
	type_from_row(e, t, a);
	for (i = 0; i < a->control_names.n || i < a->control_ids.n; i++)
		add_type_control(e, key, i < a->control_ids.n ? a->control_ids.items[i] : NULL,
		                 i < a->control_names.n ? a->control_names.items[i] : NULL);
	gov_of_row(e, rec, res, key);
	fold_finding(e, rec, res, key);
	if (a->attack_paths.n)
		pst_estate_add_finding_paths(e, res, key, rec);
	sub = e->resources[res].subscription;
	if (sub && a->subscription_name && *a->subscription_name)
		set_if_none(&e->subscriptions[sub].name, text(e, a->subscription_name));
	return sub;
}

static void add_meta(struct pst_estate *e, const struct pst_record *rec)
{
	const struct pst_assessment_meta *m = &rec->u.meta;
	uint32_t key;
	struct pst_assessment_type *t = add_type(e, m->key, &key);

	if (!t)
		return;
	if (!t->from_meta)
		memset(t, 0, sizeof(*t));
	t->from_meta = 1;
	set_if_none(&t->display_name, text(e, m->display_name));
	set_if_none(&t->category, text(e, m->category));
	set_if_none(&t->description, text(e, m->description));
	set_if_none(&t->remediation, text(e, m->remediation));
	if (!t->severity)
		t->severity = (uint8_t)m->severity;
}

static void add_governance(struct pst_estate *e, const struct pst_record *rec)
{
	const struct pst_governance *g = &rec->u.gov;
	uint32_t key = 0, res = add_resource(e, g->resource_id, rec, NULL);

	struct pst_gov ge;

	add_type(e, g->assessment_key, &key);
	gov_init(&ge, res, key, rec->observed);
	ge.owner = g->owner && *g->owner ? text(e, g->owner) : 0;
	ge.due = g->due_date;
	ge.eta = g->eta;
	ge.eta_justification = text(e, g->eta_justification);
	ge.grace = (int8_t)g->grace_period;
	ge.ticket_number = text(e, g->ticket_number);
	ge.ticket_link = text(e, g->ticket_link);
	ge.ticket_status = text(e, g->ticket_status);
	add_gov(e, &ge);
}

static void add_exemption(struct pst_estate *e, const struct pst_record *rec)
{
	const struct pst_exemption *x = &rec->u.exemption;
	struct pst_exemption_rec *o;

	PST_GROW(e->exemptions, e->exemptions_alloc, e->nexemptions + 1);
	o = &e->exemptions[e->nexemptions++];
	memset(o, 0, sizeof(*o));
	o->scope = text(e, x->scope);
	o->name = text(e, x->name);
	o->display_name = text(e, x->display_name);
	o->description = text(e, x->description);
	o->category = text(e, x->category);
	o->policy_assignment_id = text(e, x->policy_assignment_id);
	o->key = x->assessment_key ? pst_strpool_intern(&e->keys, x->assessment_key) : 0;
	if (o->key)
		ensure_index((void **)&e->types, &e->types_alloc, o->key, sizeof(*e->types));
	o->expires = x->expires_on;
	o->created = x->created;
	o->observed = rec->observed;
}

static void add_score(struct pst_estate *e, const struct pst_record *rec)
{
	const struct pst_secure_score *s = &rec->u.score;
	struct pst_score_rec *r;

	PST_GROW(e->scores, e->scores_alloc, e->nscores + 1);
	r = &e->scores[e->nscores++];
	r->subscription = record_sub(e, NULL, rec, NULL);
	r->observed = rec->observed;
	r->current = s->current;
	r->max = s->max;
	r->percentage = s->percentage;
	r->weight = s->weight;
}

static void add_keys_of_control(struct pst_estate *e, const struct pst_str_list *keys, const char *id,
                                const char *name)
{
	size_t i;

	for (i = 0; i < keys->n; i++) {
		const char *k = keys->items[i], *slash = k ? strrchr(k, '/') : NULL;
		uint32_t key;

		add_type(e, slash ? slash + 1 : k, &key);
		add_type_control(e, key, id, name);
	}
}

static void add_control(struct pst_estate *e, const struct pst_record *rec)
{
	const struct pst_score_control *c = &rec->u.control;
	struct pst_control_rec *r;

	PST_GROW(e->controls, e->controls_alloc, e->ncontrols + 1);
	r = &e->controls[e->ncontrols++];
	memset(r, 0, sizeof(*r));
	r->subscription = record_sub(e, NULL, rec, NULL);
	r->control_id = text(e, c->control_id);
	r->display_name = text(e, c->display_name);
	r->observed = rec->observed;
	r->healthy = c->healthy;
	r->unhealthy = c->unhealthy;
	r->not_applicable = c->not_applicable;
	r->current = c->current;
	r->max = c->max;
	r->percentage = c->percentage;
	r->weight = c->weight;
	add_keys_of_control(e, &c->assessment_keys, c->control_id, c->display_name);
}

static void add_def(struct pst_estate *e, const struct pst_record *rec)
{
	const struct pst_control_def *d = &rec->u.def;
	uint32_t id = text(e, d->control_id);
	struct pst_control_def_rec *r;
	size_t i;

	for (i = 0; i < e->ndefs; i++)
		if (e->defs[i].control_id == id)
			return;
	PST_GROW(e->defs, e->defs_alloc, e->ndefs + 1);
	r = &e->defs[e->ndefs++];
	r->control_id = id;
	r->display_name = text(e, d->display_name);
	r->source_type = text(e, d->source_type);
	r->max_score = d->max_score;
	r->first_key = e->ndef_keys;
	r->nkeys = 0;
	for (i = 0; i < d->assessment_keys.n; i++) {
		const char *k = d->assessment_keys.items[i], *slash = k ? strrchr(k, '/') : NULL;
		uint32_t key;

		if (!add_type(e, slash ? slash + 1 : k, &key))
			continue;
		PST_GROW(e->def_keys, e->def_keys_alloc, e->ndef_keys + 1);
		e->def_keys[e->ndef_keys++] = key;
		r->nkeys++;
		add_type_control(e, key, d->control_id, d->display_name);
	}
}

static void add_alert(struct pst_estate *e, const struct pst_record *rec)
{
	const struct pst_alert *a = &rec->u.alert;
	struct pst_alert_rec *r;

	PST_GROW(e->alerts, e->alerts_alloc, e->nalerts + 1);
	r = &e->alerts[e->nalerts++];
	r->system_alert_id = text(e, a->system_alert_id);
	r->alert_type = text(e, a->alert_type);
	r->display_name = text(e, a->display_name);
	r->status = text(e, a->status);
	r->tactics = text(e, a->tactics);
	r->techniques = text(e, a->techniques);
	r->resource = a->resource_id ? add_resource(e, a->resource_id, rec, NULL) : 0;
	r->subscription = record_sub(e, a->resource_id, rec, NULL);
	r->severity = (uint8_t)a->severity;
	r->observed = rec->observed;
	r->time_generated = a->time_generated;
}

static void add_compliance(struct pst_estate *e, const struct pst_record *rec)
{
	const struct pst_compliance *c = &rec->u.compliance;
	struct pst_compliance_rec *r;

	PST_GROW(e->compliance, e->compliance_alloc, e->ncompliance + 1);
	r = &e->compliance[e->ncompliance++];
	r->subscription = record_sub(e, NULL, rec, NULL);
	r->standard = text(e, c->standard);
	r->control = text(e, c->control);
	r->assessment = text(e, c->assessment);
	r->description = text(e, c->description);
	r->state = (uint8_t)c->state;
	r->observed = rec->observed;
	r->passed = c->passed;
	r->failed = c->failed;
	r->skipped = c->skipped;
}

void pst_estate_add(struct pst_estate *e, const struct pst_record *rec, uint32_t file)
{
	uint32_t sub = 0;

	switch (rec->type) {
	case PST_REC_ASSESSMENT:
		sub = add_assessment(e, rec);
		break;
	case PST_REC_ASSESSMENT_META:
		add_meta(e, rec);
		break;
	case PST_REC_GOVERNANCE:
		add_governance(e, rec);
		break;
	case PST_REC_SECURE_SCORE:
		add_score(e, rec);
		break;
	case PST_REC_SCORE_CONTROL:
		add_control(e, rec);
		break;
	case PST_REC_CONTROL_DEF:
		add_def(e, rec);
		break;
	case PST_REC_ALERT:
		add_alert(e, rec);
		break;
	case PST_REC_COMPLIANCE:
		add_compliance(e, rec);
		break;
	case PST_REC_EXEMPTION:
		add_exemption(e, rec);
		break;
	case PST_REC_ATTACK_PATH:
		pst_estate_add_path(e, rec);
		break;
	default:
		break;
	}
	pst_strpool_intern(&e->tenants, rec->tenant_id);
	pst_timeline_note(&e->timeline, rec, file, sub);
}
