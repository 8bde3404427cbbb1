/* json_paths.h: what an attack path references (json_fill_paths.c), shared
 * by the JSON reader and the Log Analytics rows (rows_paths.c).  Private to
 * src/ingest/. */
#ifndef POSTURE_JSON_PATHS_H
#define POSTURE_JSON_PATHS_H

#include <cjson/cJSON.h>
#include "posture/record.h"
#include "json_get.h"

#define PST_PATH_REFS_MAX 128 /* of each kind, per path: the rest are not kept */

/* Strings borrowed from the walked trees (valid while they are). */
struct pst_path_refs {
	const char *ids[PST_PATH_REFS_MAX];  /* assessment ids */
	const char *keys[PST_PATH_REFS_MAX]; /* bare assessment keys (GUIDs) */
	const char *res[PST_PATH_REFS_MAX];  /* resource ids */
	size_t nids, nkeys, nres;
};

/* Collects from every string in v: an ARM id of an assessment
 * (.../providers/Microsoft.Security/assessments/KEY), another ARM id
 * (/subscriptions/...: a resource), and, when `keys` is set, a GUID (an
 * assessment key: set it for the path's assessments member). */
void pst_path_refs_walk(struct pst_path_refs *r, const cJSON *v, bool keys);
/* The refs as the record's lists, their items copied into buf (room for
 * nids + nkeys + nres pointers, at least one). */
void pst_path_refs_set(const struct pst_path_refs *r, const char **buf, struct pst_attack_path *p);
/* An entity named by a path (entryPoint, target): a string as is, else the
 * object's azureResourceId (also under entityIdentifiers), id, name or
 * displayName; NULL if none. */
const char *pst_path_entity(const cJSON *v);

#endif
