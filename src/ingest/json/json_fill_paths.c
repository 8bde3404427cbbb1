/* json_fill_paths.c: attack paths (Defender CSPM attack path analysis).
 *
 * Three shapes reach the reader:
 *   - Resource Graph rows of `securityresources | where type ==
 *     "microsoft.security/attackpaths"` (and REST-like lists of them):
 *     {id, name, type, subscriptionId, properties{displayName, description,
 *     attackPathType, riskLevel | potentialImpact, riskFactors |
 *     riskCategories, entryPoint | entryPointEntityInternalID, target |
 *     targetEntityInternalID, assessments, graphComponent{entities, ...},
 *     mITRETacticsAndTechniques, attackPathId}} (learn.microsoft.com
 *     defender-for-cloud/attack-path-api; the newer Exposure Management
 *     names beside the documented ones);
 *   - continuous-export events of the AttackPaths data type, whose rules
 *     address `attackPath.riskLevel`: the same properties in an
 *     "attackPath" object beside the export envelope;
 *   - Log Analytics SecurityAttackPathData rows (rows_paths.c).
 * No public sample of a whole record was found; every member is optional
 * but an id. */
#include "json_records.h"
#include "json_paths.h"

#include <string.h>

static bool is_guid(const char *s)
{
	size_t i;

	if (strlen(s) != 36)
		return false;
	for (i = 0; i < 36; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;
		char c = s[i];

		if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
			return false;
	}
	return true;
}

static const char *find_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++)
		if (pst_strncasecmp(hay, needle, n) == 0)
			return hay;
	return NULL;
}

static void add_ref(const char **arr, size_t *n, const char *s)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (pst_streq_ci(arr[i], s))
			return;
	if (*n < PST_PATH_REFS_MAX)
		arr[(*n)++] = s;
}

static void ref_string(struct pst_path_refs *r, const char *s, bool keys)
{
	while (*s == ' ')
		s++;
	if (pst_strncasecmp(s, "/subscriptions/", 15) == 0) {
		if (find_ci(s, "/providers/Microsoft.Security/assessments/"))
			add_ref(r->ids, &r->nids, s);
		else
			add_ref(r->res, &r->nres, s);
	} else if (keys && is_guid(s)) {
		add_ref(r->keys, &r->nkeys, s);
	}
}

void pst_path_refs_walk(struct pst_path_refs *r, const cJSON *v, bool keys)
{
	const cJSON *e;

	if (!v)
		return;
	if (cJSON_IsString(v) && v->valuestring) {
		ref_string(r, v->valuestring, keys);
		return;
	}
	cJSON_ArrayForEach(e, v) {
		/* an object's member names can be ids too (a map of entity to assessments) */
		if (e->string && keys && is_guid(e->string))
			add_ref(r->keys, &r->nkeys, e->string);
		pst_path_refs_walk(r, e, keys || (e->string && find_ci(e->string, "assessment")));
	}
}

static struct pst_str_list list_of(const char **buf, const char *const *items, size_t n)
{
	struct pst_str_list l = {NULL, 0};

	if (!n)
		return l;
	memcpy(buf, items, n * sizeof(*buf));
	l.items = buf;
	l.n = n;
	return l;
}

void pst_path_refs_set(const struct pst_path_refs *r, const char **buf, struct pst_attack_path *p)
{
	p->assessment_ids = list_of(buf, r->ids, r->nids);
	p->keys = list_of(buf + r->nids, r->keys, r->nkeys);
	p->resource_ids = list_of(buf + r->nids + r->nkeys, r->res, r->nres);
}

const char *pst_path_entity(const cJSON *v)
{
	static const char *const names[] = {"azureResourceId", "resourceId", "id", "name", "displayName"};
	const char *s = NULL;
	size_t i;

	if (cJSON_IsString(v))
		return v->valuestring && *v->valuestring ? v->valuestring : NULL;
	for (i = 0; i < PST_ARRAY_LEN(names) && !s; i++)
		s = pst_jor(pst_jstr(v, names[i]), pst_jstr(pst_jobj(v, "entityIdentifiers"), names[i]));
	return s;
}

/* An internal entity id resolved through graphComponent.entities (the
 * entity's resource id or name), else as written. */
static const char *resolve(const cJSON *p, const char *id)
{
	const cJSON *ents = pst_jget(pst_jobj(p, "graphComponent"), "entities"), *e;

	if (!id || !cJSON_IsArray(ents))
		return id;
	cJSON_ArrayForEach(e, ents) {
		const char *eid = pst_jor(pst_jstr(e, "entityInternalId"), pst_jstr(e, "internalId"));
		const char *s;

		if (!eid || !pst_streq_ci(eid, id))
			continue;
		s = pst_jor(pst_jstr(pst_jobj(e, "entityIdentifiers"), "azureResourceId"), pst_jstr(e, "azureResourceId"));
		return pst_jor(pst_jor(s, pst_jstr(e, "entityName")), pst_jor(pst_jstr(e, "name"), id));
	}
	return id;
}

/* A member that is a string, or an array of strings, as text; other JSON as its text. */
static const char *text_of(struct pst_jtmp *t, const cJSON *p, const char *key)
{
	const cJSON *v = pst_jget(p, key);

	if (cJSON_IsArray(v))
		return pst_jjoin(t, p, key, ", ");
	return v ? pst_jcell(t, v) : NULL;
}

const char *pst_json_fill_attack_path(struct pst_jtmp *t, const cJSON *obj, struct pst_record *rec)
{
	const cJSON *p = pst_jobj(obj, "properties");
	struct pst_attack_path *a = &rec->u.path;
	struct pst_path_refs refs;

	if (!p)
		p = pst_jobj(obj, "attackPath"); /* continuous export */
	if (!rec->id)
		rec->id = pst_jstr(p, "id");
	rec->subscription_id = pst_jor(pst_jstr(obj, "subscriptionId"), pst_jstr(p, "subscriptionId"));
	a->path_id = pst_jor(pst_jor(pst_jstr(p, "attackPathId"), pst_jstr(obj, "name")), pst_jid_last(t, rec->id));
	a->display_name = pst_jstr(p, "displayName");
	a->description = pst_jor(pst_jstr(p, "description"), pst_jstr(p, "attackStory"));
	a->risk = pst_risk_parse(pst_jor(pst_jstr(p, "riskLevel"), pst_jstr(p, "potentialImpact")));
	a->risk_factors = pst_jget(p, "riskFactors") ? text_of(t, p, "riskFactors") : text_of(t, p, "riskCategories");
	a->entry_point = pst_jor(pst_path_entity(pst_jget(p, "entryPoint")),
	                         resolve(p, pst_jstr(p, "entryPointEntityInternalID")));
	a->target = pst_jor(pst_path_entity(pst_jget(p, "target")), resolve(p, pst_jstr(p, "targetEntityInternalID")));
	a->mitre = text_of(t, p, "mITRETacticsAndTechniques");
	memset(&refs, 0, sizeof(refs));
	pst_path_refs_walk(&refs, pst_jget(p, "assessments"), true);
	pst_path_refs_walk(&refs, p, false);
	pst_path_refs_set(&refs, pst_jtmp_alloc(t, (refs.nids + refs.nkeys + refs.nres + 1) * sizeof(char *)), a);
	rec->observed = pst_jtime(obj, "timeGenerated");
	if (rec->observed != PST_TIME_NONE)
		rec->time_src = PST_TS_RECORD;
	if (!a->path_id)
		return "without an id (attackPathId, name or id)";
	return NULL;
}
