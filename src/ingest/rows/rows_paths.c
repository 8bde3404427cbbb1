/* rows_paths.c: the Log Analytics SecurityAttackPathData table (CSV or
 * JSON): AttackPathId, DisplayName, Description, RiskLevel, RiskFactors
 * (dynamic: a JSON array), EntrypointId, TargetId, Assessments and Path
 * (dynamic: walked for the assessments and resources they name), Mitre,
 * AttackStory, TimeGenerated, _SubscriptionId. */
#include "rows.h"
#include "../json/json_paths.h"

#include <string.h>
#include "posture/strbuf.h"

/* A JSON array of strings joined by ", ", else the cell as written. */
static const char *joined(struct row_ctx *c, enum pst_col k)
{
	const char *s = row_cell(c, k);
	struct strbuf sb = STRBUF_INIT;
	struct pst_str_list l;
	size_t i;

	if (!s || s[strspn(s, " \t\r\n")] != '[')
		return s;
	l = row_str_list(c, row_json(c, k), false);
	if (l.n == 0)
		return NULL;
	for (i = 0; i < l.n; i++)
		strbuf_addf(&sb, "%s%s", i ? ", " : "", l.items[i]);
	return row_keep(c, strbuf_detach(&sb));
}

static void refs(struct row_ctx *c, struct pst_attack_path *a)
{
	struct pst_path_refs r;
	const char **buf, *ends[2];
	size_t i;

	memset(&r, 0, sizeof(r));
	pst_path_refs_walk(&r, row_json(c, PST_COL_ASSESSMENTS), true);
	pst_path_refs_walk(&r, row_json(c, PST_COL_PATH), false);
	ends[0] = a->entry_point;
	ends[1] = a->target;
	for (i = 0; i < 2; i++)
		if (ends[i] && pst_strncasecmp(ends[i], "/subscriptions/", 15) == 0 && r.nres < PST_PATH_REFS_MAX)
			r.res[r.nres++] = ends[i];
	buf = row_keep(c, xcalloc(r.nids + r.nkeys + r.nres + 1, sizeof(*buf)));
	pst_path_refs_set(&r, buf, a);
}

bool pst_rows_attack_path(struct row_ctx *c)
{
	struct pst_attack_path *a = &c->rec.u.path;

	pst_record_init(&c->rec, PST_REC_ATTACK_PATH);
	row_la_common(c);
	c->rec.snapshot = PST_SNAP_RECORD; /* the table holds each refresh of the attack paths whole */
	c->rec.subscription_id = row_cell(c, PST_COL_LA_SUBSCRIPTION_ID);
	a->path_id = row_cell(c, PST_COL_ATTACK_PATH_ID);
	a->display_name = row_cell(c, PST_COL_DISPLAY_NAME);
	a->description = row_cell(c, PST_COL_DESCRIPTION);
	if (!a->description)
		a->description = row_cell(c, PST_COL_ATTACK_STORY);
	a->risk = pst_risk_parse(row_cell(c, PST_COL_RISK_LEVEL));
	a->risk_factors = joined(c, PST_COL_RISK_FACTORS);
	a->entry_point = row_cell(c, PST_COL_ENTRYPOINT_ID);
	a->target = row_cell(c, PST_COL_TARGET_ID);
	a->mitre = joined(c, PST_COL_MITRE);
	refs(c, a);
	if (!a->path_id)
		return row_reject(c, "no attack path id (AttackPathId)");
	return true;
}
