/* review_build_findings.c: one review finding per diff item, in diff order,
 * with its team, control, due date, owner and portal link. */
#include <string.h>
#include "posture/strbuf.h"
#include "review_build_int.h"

static const char *control_name(const struct rb_ctx *c, const char *key)
{
	size_t k = rb_control_of(c, key);

	return k == PST_NO_CONTROL ? "" : c->v->cs.items[k].name;
}

static void finding(struct rb_ctx *c, struct pst_review_finding *f, const struct pst_diff_item *it,
                    struct strbuf *sb)
{
	struct pst_review *r = c->r;

	f->cls = it->cls;
	f->class_name = pst_class_name(it->cls);
	f->team = rb_team_of(c, it->resource);
	f->subscription_id = pst_review_str(r, it->subscription_id);
	f->subscription_name = pst_review_str(r, it->subscription_name);
	f->resource_group = pst_review_str(r, it->resource_group);
	f->resource_id = pst_review_str(r, it->resource_id);
	f->resource_name = pst_review_str(r, it->resource_name);
	f->resource_type = pst_review_str(r, it->resource_type);
	f->assessment_key = pst_review_str(r, it->assessment_key);
	f->recommendation = pst_review_str(r, it->recommendation);
	f->control = pst_review_str(r, control_name(c, it->assessment_key));
	f->severity = it->severity;
	f->status_from = it->status_from;
	f->status_to = it->status_to;
	f->cause_from = pst_review_str(r, it->cause_from);
	f->cause_to = pst_review_str(r, it->cause_to);
	f->age_days = it->age_days;
	f->first_seen = it->first_seen;
	f->due_date = it->due;
	f->due_from_governance = it->due_exported;
	f->overdue = it->overdue;
	f->owner = pst_review_str(r, it->owner);
	f->risk = it->risk;
	f->risk_factors = pst_review_str(r, it->risk_factors);
	r->has_risk |= it->risk != PST_RISK_UNKNOWN;
	f->renamed_from = pst_review_str(r, it->renamed_from);
	r->has_renamed |= it->renamed_from != NULL;
	f->cloud = pst_review_str(r, it->cloud ? it->cloud : "azure");
	f->grace = it->grace;
	f->eta = it->eta;
	f->ticket_number = pst_review_str(r, it->ticket_number);
	f->ticket_link = pst_review_str(r, it->ticket_link);
	f->ticket_status = pst_review_str(r, it->ticket_status);
	r->has_gov_extra |= it->grace || it->eta != PST_TIME_NONE || it->ticket_number || it->ticket_link ||
	                    it->ticket_status;
	r->has_governance |= it->grace || (it->owner && *it->owner) || it->due_exported;
	r->has_clouds |= strcmp(f->cloud, "azure") != 0;
	strbuf_reset(sb);
	pst_diff_portal_link(sb, it);
	f->portal_link = pst_review_str(r, strbuf_cstr(sb));
}

void rb_findings(struct rb_ctx *c)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	c->r->findings = PST_REVIEW_NEW(c->r, struct pst_review_finding, c->d->n);
	c->r->nfindings = c->d->n;
	for (i = 0; i < c->d->n; i++)
		finding(c, &c->r->findings[i], &c->d->items[i], &sb);
	strbuf_release(&sb);
	rb_attack_paths(c); /* marks the findings on a path: they come first at their risk level */
	pst_review_order_fixes(c->r);
	rb_path_findings(c);
}
