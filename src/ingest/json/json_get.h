/* json_get.h: tolerant typed access to one parsed cJSON element.
 * Private to src/ingest/.
 *
 * Keys match case-insensitively (cJSON_GetObjectItem).  A value of the
 * wrong type counts as absent: strings NULL, numbers NAN, counts -1, times
 * PST_TIME_NONE.  Numbers written as strings ("2") are accepted.  Empty
 * strings are absent.
 *
 * struct pst_jtmp owns what these helpers make for one record (numbers as
 * text, id segments, lists); the record borrows it until pst_jtmp_release.
 * Inside an element (between pst_jarena_begin and _end, json_arena.h) they
 * come from the arena instead and go with the element's tree.
 */
#ifndef POSTURE_JSON_GET_H
#define POSTURE_JSON_GET_H

#include <cjson/cJSON.h>
#include <stdint.h>
#include "posture/record.h"

struct pst_jtmp {
	void **items;
	size_t n, alloc;
};
#define PST_JTMP_INIT {NULL, 0, 0}

void pst_jtmp_release(struct pst_jtmp *t);      /* frees everything; t can be reused */
char *pst_jtmp_strndup(struct pst_jtmp *t, const char *s, size_t n);
void *pst_jtmp_alloc(struct pst_jtmp *t, size_t n);

/* o[key] if o is an object and the member exists, else NULL. */
const cJSON *pst_jget(const cJSON *o, const char *key);
const cJSON *pst_jobj(const cJSON *o, const char *key);   /* an object member, else NULL */
const char *pst_jstr(const cJSON *o, const char *key);    /* a non-empty string, else NULL */
/* A string, or a number or boolean as its text (made in t). */
const char *pst_jtext(struct pst_jtmp *t, const cJSON *o, const char *key);
const char *pst_jscalar(struct pst_jtmp *t, const cJSON *v);
/* A table cell as text: pst_jscalar, objects and arrays as their JSON text
 * (made in t); NULL for null. */
const char *pst_jcell(struct pst_jtmp *t, const cJSON *v);
double pst_jnum(const cJSON *o, const char *key);         /* NAN if absent */
int64_t pst_jint(const cJSON *o, const char *key);        /* -1 if absent or not a whole number */
int pst_jbool(const cJSON *o, const char *key);           /* 1, 0, or -1 if absent */
pst_time pst_jtime(const cJSON *o, const char *key);      /* PST_TIME_NONE if absent or unparsable */
/* The first string of an array member, or the member itself if a string. */
const char *pst_jfirst(const cJSON *o, const char *key);
/* Every string of an array member (others skipped); the array lives in t. */
struct pst_str_list pst_jstr_list(struct pst_jtmp *t, const cJSON *o, const char *key);
/* The strings of an array member joined by sep (a string member as is). */
const char *pst_jjoin(struct pst_jtmp *t, const cJSON *o, const char *key, const char *sep);

/* a if not NULL, else b. */
const char *pst_jor(const char *a, const char *b);

/* Segment after "/NAME/" in an ARM id (case-insensitive), copied into t. */
const char *pst_jid_segment(struct pst_jtmp *t, const char *id, const char *name);
/* The part of id before "/providers/Microsoft.Security/" (the assessed
 * resource of an assessment, sub-assessment or governance id), in t. */
const char *pst_jid_resource(struct pst_jtmp *t, const char *id);
/* Last segment of id, in t. */
const char *pst_jid_last(struct pst_jtmp *t, const char *id);

#endif
