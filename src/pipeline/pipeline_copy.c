/* pipeline_copy.c: a record copied with its strings into a block's arena,
 * so that it outlives the reader that made it (pipeline_int.h). */
#include <stdlib.h>
#include <string.h>
#include "pipeline_int.h"

/* Every field of the records is copied below: a field added to record.h
 * changes these sizes, and the build stops here until it is copied too. */
_Static_assert(sizeof(struct pst_record) == 384, "record.h changed: copy the new fields in pipeline_copy.c");
_Static_assert(sizeof(struct pst_assessment) == 272, "record.h changed: copy the new fields in pipeline_copy.c");
_Static_assert(sizeof(struct pst_alert) == 128, "record.h changed: copy the new fields in pipeline_copy.c");
_Static_assert(sizeof(struct pst_governance) == 88, "record.h changed: copy the new fields in pipeline_copy.c");
_Static_assert(sizeof(struct pst_assessment_meta) == 96, "record.h changed: copy the new fields in pipeline_copy.c");
_Static_assert(sizeof(struct pst_sub_assessment) == 72, "record.h changed: copy the new fields in pipeline_copy.c");
_Static_assert(sizeof(struct pst_score_control) == 88, "record.h changed: copy the new fields in pipeline_copy.c");
_Static_assert(sizeof(struct pst_control_def) == 48, "record.h changed: copy the new fields in pipeline_copy.c");
_Static_assert(sizeof(struct pst_compliance) == 64, "record.h changed: copy the new fields in pipeline_copy.c");
_Static_assert(sizeof(struct pst_exemption) == 72, "record.h changed: copy the new fields in pipeline_copy.c");
_Static_assert(sizeof(struct pst_attack_path) == 112, "record.h changed: copy the new fields in pipeline_copy.c");
_Static_assert(sizeof(struct pst_secure_score) == 48, "record.h changed: copy the new fields in pipeline_copy.c");

#define STR_CHUNK (64u * 1024u)

static void *block_alloc(struct pl_block *b, size_t n)
{
	struct pl_chunk *c = b->strings;
	size_t need = (n + 7) & ~(size_t)7;

	if (!c || c->size - c->used < need) {
		size_t size = need > STR_CHUNK ? need : STR_CHUNK;

		c = xmalloc(sizeof(*c) + size);
		c->size = size;
		c->used = 0;
		c->next = b->strings;
		b->strings = c;
		b->bytes += sizeof(*c) + size;
	}
	c->used += need;
	return c->data + c->used - need;
}

static void str(struct pl_block *b, const char **s)
{
	size_t n;
	char *p;

	if (!*s)
		return;
	n = strlen(*s) + 1;
	p = block_alloc(b, n);
	memcpy(p, *s, n);
	*s = p;
}

static void list(struct pl_block *b, struct pst_str_list *l)
{
	const char **items;
	size_t i;

	if (!l->items)
		return;
	items = block_alloc(b, (l->n ? l->n : 1) * sizeof(*items));
	for (i = 0; i < l->n; i++) {
		items[i] = l->items[i];
		str(b, &items[i]);
	}
	l->items = items;
}

static void copy_assessment(struct pl_block *b, struct pst_assessment *a)
{
	const char **s[] = {&a->resource_id, &a->key, &a->display_name, &a->cause, &a->status_description,
	                    &a->category, &a->resource_name, &a->resource_type, &a->resource_group,
	                    &a->subscription_name, &a->source, &a->portal_link, &a->description, &a->remediation,
	                    &a->policy_definition_id, &a->owner, &a->account, &a->connector, &a->native_id,
	                    &a->risk_factors};
	size_t i;

	for (i = 0; i < PST_ARRAY_LEN(s); i++)
		str(b, s[i]);
	list(b, &a->control_names);
	list(b, &a->control_ids);
	list(b, &a->attack_paths);
}

static void copy_sub(struct pl_block *b, struct pst_sub_assessment *a)
{
	const char **s[] = {&a->id, &a->assessment_key, &a->resource_id, &a->display_name, &a->category,
	                    &a->description, &a->remediation};
	size_t i;

	for (i = 0; i < PST_ARRAY_LEN(s); i++)
		str(b, s[i]);
}

static void copy_meta(struct pl_block *b, struct pst_assessment_meta *m)
{
	const char **s[] = {&m->key, &m->display_name, &m->category, &m->description, &m->remediation,
	                    &m->user_impact, &m->implementation_effort, &m->policy_definition_id,
	                    &m->assessment_type};
	size_t i;

	for (i = 0; i < PST_ARRAY_LEN(s); i++)
		str(b, s[i]);
	list(b, &m->threats);
}

static void copy_gov(struct pl_block *b, struct pst_governance *g)
{
	const char **s[] = {&g->resource_id, &g->assessment_key, &g->name, &g->owner, &g->eta_justification,
	                    &g->ticket_number, &g->ticket_link, &g->ticket_status};
	size_t i;

	for (i = 0; i < PST_ARRAY_LEN(s); i++)
		str(b, s[i]);
}

static void copy_alert(struct pl_block *b, struct pst_alert *a)
{
	const char **s[] = {&a->system_alert_id, &a->alert_type, &a->display_name, &a->status, &a->tactics,
	                    &a->techniques, &a->compromised_entity, &a->resource_id, &a->description,
	                    &a->product, &a->alert_uri, &a->remediation};
	size_t i;

	for (i = 0; i < PST_ARRAY_LEN(s); i++)
		str(b, s[i]);
}

static void copy_rest(struct pl_block *b, struct pst_record *r)
{
	switch (r->type) {
	case PST_REC_SECURE_SCORE:
		str(b, &r->u.score.name);
		str(b, &r->u.score.display_name);
		break;
	case PST_REC_SCORE_CONTROL:
		str(b, &r->u.control.control_id);
		str(b, &r->u.control.display_name);
		list(b, &r->u.control.assessment_keys);
		break;
	case PST_REC_CONTROL_DEF:
		str(b, &r->u.def.control_id);
		str(b, &r->u.def.display_name);
		str(b, &r->u.def.source_type);
		list(b, &r->u.def.assessment_keys);
		break;
	case PST_REC_EXEMPTION:
		str(b, &r->u.exemption.scope);
		str(b, &r->u.exemption.name);
		str(b, &r->u.exemption.display_name);
		str(b, &r->u.exemption.description);
		str(b, &r->u.exemption.category);
		str(b, &r->u.exemption.assessment_key);
		str(b, &r->u.exemption.policy_assignment_id);
		break;
	case PST_REC_ATTACK_PATH: {
		struct pst_attack_path *p = &r->u.path;
		const char **s[] = {&p->path_id, &p->display_name, &p->description, &p->risk_factors,
		                    &p->entry_point, &p->target, &p->mitre};
		size_t i;

		for (i = 0; i < PST_ARRAY_LEN(s); i++)
			str(b, s[i]);
		list(b, &p->assessment_ids);
		list(b, &p->keys);
		list(b, &p->resource_ids);
		break;
	}
	case PST_REC_COMPLIANCE:
		str(b, &r->u.compliance.standard);
		str(b, &r->u.compliance.control);
		str(b, &r->u.compliance.assessment);
		str(b, &r->u.compliance.description);
		break;
	default:
		break;
	}
}

void pl_copy_record(struct pl_block *b, struct pst_record *dst, const struct pst_record *src)
{
	*dst = *src; /* origin.path is the sources' own copy: it stays */
	str(b, &dst->subscription_id);
	str(b, &dst->tenant_id);
	str(b, &dst->id);
	str(b, &dst->bad_time_field);
	str(b, &dst->bad_time_value);
	if (dst->type == PST_REC_ASSESSMENT)
		copy_assessment(b, &dst->u.assessment);
	else if (dst->type == PST_REC_SUB_ASSESSMENT)
		copy_sub(b, &dst->u.sub);
	else if (dst->type == PST_REC_ASSESSMENT_META)
		copy_meta(b, &dst->u.meta);
	else if (dst->type == PST_REC_GOVERNANCE)
		copy_gov(b, &dst->u.gov);
	else if (dst->type == PST_REC_ALERT)
		copy_alert(b, &dst->u.alert);
	else
		copy_rest(b, dst);
}

void pl_block_free(struct pl_block *b)
{
	struct pl_chunk *c, *next;

	if (!b)
		return;
	for (c = b->strings; c; c = next) {
		next = c->next;
		free(c);
	}
	free(b);
}
