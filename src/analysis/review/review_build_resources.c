/* review_build_resources.c: every resource of the team map with its team
 * and the rule that placed it, and the resources per team. */
#include "posture/strbuf.h"
#include "review_build_int.h"

static const char *text(const struct rb_ctx *c, uint32_t id)
{
	return pst_review_str(c->r, pst_estate_text(c->e, id));
}

static void resource(struct rb_ctx *c, struct pst_review_resource *o, const struct pst_team_assignment *a,
                     struct strbuf *sb)
{
	const struct pst_estate *e = c->e;
	const struct pst_resource *res = &e->resources[a->resource];
	uint32_t sub = res->subscription;

	o->id = pst_review_str(c->r, pst_estate_resource_id(e, a->resource));
	o->subscription_id = pst_review_str(c->r, pst_estate_subscription_id(e, sub));
	o->subscription_name = sub ? text(c, e->subscriptions[sub].name) : "";
	o->group = text(c, res->group);
	o->type = text(c, res->type);
	o->name = text(c, res->name);
	o->team = pst_review_str(c->r, c->tm->teams[a->team]);
	strbuf_reset(sb);
	if (a->rule)
		strbuf_addf(sb, "%s:%u", c->teams->path, a->rule->line);
	o->rule = pst_review_str(c->r, strbuf_cstr(sb));
}

void rb_resources(struct rb_ctx *c)
{
	const struct pst_team_map *tm = c->tm;
	struct pst_review *r = c->r;
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	r->resources = PST_REVIEW_NEW(r, struct pst_review_resource, tm->n);
	r->nresources = tm->n;
	for (i = 0; i < tm->n; i++)
		resource(c, &r->resources[i], &tm->items[i], &sb);
	strbuf_release(&sb);
	r->team_resources = PST_REVIEW_NEW(r, struct pst_review_count, tm->nteams);
	r->nteam_resources = tm->nteams;
	for (i = 0; i < tm->nteams; i++) {
		r->team_resources[i].label = pst_review_str(r, tm->teams[i]);
		r->team_resources[i].count = (int64_t)tm->counts[i];
	}
}
