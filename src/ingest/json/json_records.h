/* json_records.h: one parsed JSON element (cJSON object) to one normalized
 * record.  Private to src/ingest/. */
#ifndef POSTURE_JSON_RECORDS_H
#define POSTURE_JSON_RECORDS_H

#include <cjson/cJSON.h>
#include "../ingest_int.h"
#include "json_get.h"

/* Where an element came from and what its container says about it. */
struct pst_json_src {
	struct pst_origin at;
	bool in_list;      /* an element of a full list (REST value, Resource Graph data,
	                      bare array): PST_SNAP_FILE when it has no envelope */
	pst_time enqueued; /* Avro enqueued time, or PST_TIME_NONE */
};

/* Normalizes obj and emits it; a record that lacks what it needs is
 * rejected and an unknown one is a warning (both counted).  Returns the
 * sink's status. */
int pst_json_record(struct pst_file_ctx *fc, const cJSON *obj, const struct pst_json_src *src,
                    struct pst_error *err);

/* The filler of obj's record type (below), or NULL for an unknown one. */
typedef const char *(*pst_json_fill_fn)(struct pst_jtmp *t, const cJSON *obj, struct pst_record *rec);
pst_json_fill_fn pst_json_record_filler(const cJSON *obj);

/* Per-type fillers (json_fill.c).  rec->id is set; each fills rec->u (and
 * rec->observed for a record's own time) and returns NULL, or why the
 * record cannot be used ("without a resource id"). */
const char *pst_json_fill_assessment(struct pst_jtmp *t, const cJSON *obj, struct pst_record *rec);
const char *pst_json_fill_sub(struct pst_jtmp *t, const cJSON *obj, struct pst_record *rec);
const char *pst_json_fill_meta(struct pst_jtmp *t, const cJSON *obj, struct pst_record *rec);
const char *pst_json_fill_governance(struct pst_jtmp *t, const cJSON *obj, struct pst_record *rec);
const char *pst_json_fill_score(struct pst_jtmp *t, const cJSON *obj, struct pst_record *rec);
const char *pst_json_fill_control(struct pst_jtmp *t, const cJSON *obj, struct pst_record *rec);
const char *pst_json_fill_control_def(struct pst_jtmp *t, const cJSON *obj, struct pst_record *rec);
const char *pst_json_fill_alert(struct pst_jtmp *t, const cJSON *obj, struct pst_record *rec);
const char *pst_json_fill_compliance(struct pst_jtmp *t, const cJSON *obj, struct pst_record *rec);
/* json_fill_exempt.c */
const char *pst_json_fill_policy_exemption(struct pst_jtmp *t, const cJSON *obj, struct pst_record *rec);
const char *pst_json_fill_standard_exemption(struct pst_jtmp *t, const cJSON *obj, struct pst_record *rec);
/* json_fill_paths.c */
const char *pst_json_fill_attack_path(struct pst_jtmp *t, const cJSON *obj, struct pst_record *rec);

#endif
