/* rows_alert.c: the Log Analytics SecurityAlert table.  RemediationSteps
 * and Entities are JSON text; Tactics and Techniques comma-separated. */
#include "rows.h"

#include <string.h>
#include "posture/strbuf.h"

/* RemediationSteps: a JSON array of steps joined by newlines, or plain text. */
static const char *remediation(struct row_ctx *c)
{
	const char *s = row_cell(c, PST_COL_REMEDIATION_STEPS);
	struct strbuf sb = STRBUF_INIT;
	struct pst_str_list l;
	size_t i;

	if (!s || s[strspn(s, " \t\r\n")] != '[')
		return s;
	l = row_str_list(c, row_json(c, PST_COL_REMEDIATION_STEPS), false);
	if (l.n == 0)
		return NULL;
	for (i = 0; i < l.n; i++)
		strbuf_addf(&sb, "%s%s", i ? "\n" : "", l.items[i]);
	return row_keep(c, strbuf_detach(&sb));
}

/* The first azure-resource entity's ResourceId. */
static const char *entity_resource(struct row_ctx *c)
{
	const cJSON *ents = row_json(c, PST_COL_ENTITIES), *e;

	if (!cJSON_IsArray(ents))
		return NULL;
	cJSON_ArrayForEach(e, ents) {
		const char *type = row_jstr(c, e, "Type");

		if (type && pst_streq_ci(type, "azure-resource"))
			return row_jstr(c, e, "ResourceId");
	}
	return NULL;
}

bool pst_rows_alert(struct row_ctx *c)
{
	struct pst_alert *a = &c->rec.u.alert;
	const char *name;

	pst_record_init(&c->rec, PST_REC_ALERT);
	row_la_common(c);
	a->system_alert_id = row_cell(c, PST_COL_SYSTEM_ALERT_ID);
	a->alert_type = row_cell(c, PST_COL_ALERT_TYPE);
	name = row_cell(c, PST_COL_DISPLAY_NAME);
	a->display_name = name ? name : row_cell(c, PST_COL_ALERT_NAME);
	a->severity = pst_severity_parse(row_cell(c, PST_COL_ALERT_SEVERITY));
	a->status = row_cell(c, PST_COL_STATUS);
	a->tactics = row_cell(c, PST_COL_TACTICS);
	a->techniques = row_cell(c, PST_COL_TECHNIQUES);
	a->compromised_entity = row_cell(c, PST_COL_COMPROMISED_ENTITY);
	a->resource_id = row_cell(c, PST_COL_RESOURCE_ID);
	if (!a->resource_id)
		a->resource_id = entity_resource(c);
	a->description = row_cell(c, PST_COL_DESCRIPTION);
	a->product = row_cell(c, PST_COL_PRODUCT_NAME);
	a->alert_uri = row_cell(c, PST_COL_ALERT_LINK);
	a->remediation = remediation(c);
	a->time_generated = c->rec.observed;
	a->start_time = row_time(c, PST_COL_START_TIME);
	a->end_time = row_time(c, PST_COL_END_TIME);
	if (!a->system_alert_id)
		return row_reject(c, "no alert id (SystemAlertId)");
	return true;
}
