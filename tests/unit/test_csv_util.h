/* test_csv_util.h: helpers shared by the CSV and row tests: a sink that
 * writes every record as one line of "name=value" text (records are
 * borrowed, so the tests keep text), and reading text through a temporary
 * file with pst_ingest_paths. */
#ifndef TEST_CSV_UTIL_H
#define TEST_CSV_UTIL_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "posture/ingest.h"
#include "posture/strbuf.h"

struct dump {
	char **lines;
	size_t n, alloc;
};

static inline void dump_release(struct dump *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		free(d->lines[i]);
	free(d->lines);
	memset(d, 0, sizeof(*d));
}

static inline void dump_str(struct strbuf *sb, const char *name, const char *v)
{
	if (v)
		strbuf_addf(sb, " %s=%s", name, v);
}

static inline void dump_time(struct strbuf *sb, const char *name, pst_time t)
{
	char buf[PST_TIME_BUF];

	if (t != PST_TIME_NONE)
		strbuf_addf(sb, " %s=%s", name, pst_time_format(t, buf, sizeof(buf)));
}

static inline void dump_num(struct strbuf *sb, const char *name, double v)
{
	if (!isnan(v))
		strbuf_addf(sb, " %s=%g", name, v);
}

static inline void dump_int(struct strbuf *sb, const char *name, int64_t v)
{
	if (v >= 0)
		strbuf_addf(sb, " %s=%lld", name, (long long)v);
}

static inline void dump_list(struct strbuf *sb, const char *name, const struct pst_str_list *l)
{
	size_t i;

	if (!l->n)
		return;
	strbuf_addf(sb, " %s=", name);
	for (i = 0; i < l->n; i++)
		strbuf_addf(sb, "%s%s", i ? "|" : "", l->items[i]);
}

static inline void dump_assessment(struct strbuf *sb, const struct pst_assessment *a)
{
	size_t i;

	dump_str(sb, "key", a->key);
	dump_str(sb, "rid", a->resource_id);
	dump_str(sb, "status", pst_status_name(a->status));
	dump_str(sb, "sev", pst_severity_name(a->severity));
	dump_str(sb, "cause", a->cause);
	dump_str(sb, "statusdesc", a->status_description);
	dump_str(sb, "name", a->display_name);
	dump_str(sb, "category", a->category);
	dump_time(sb, "changed", a->status_change);
	dump_time(sb, "first", a->first_eval);
	dump_str(sb, "rname", a->resource_name);
	dump_str(sb, "rtype", a->resource_type);
	dump_str(sb, "rg", a->resource_group);
	dump_str(sb, "subname", a->subscription_name);
	dump_str(sb, "source", a->source);
	dump_str(sb, "link", a->portal_link);
	dump_str(sb, "policy", a->policy_definition_id);
	dump_str(sb, "remediation", a->remediation);
	for (i = 0; i < a->control_names.n; i++)
		strbuf_addf(sb, " control=%s:%s", a->control_names.items[i], a->control_ids.items[i]);
	dump_str(sb, "owner", a->owner);
	dump_time(sb, "due", a->due_date);
}

static inline void dump_alert(struct strbuf *sb, const struct pst_alert *a)
{
	dump_str(sb, "alertid", a->system_alert_id);
	dump_str(sb, "alerttype", a->alert_type);
	dump_str(sb, "name", a->display_name);
	dump_str(sb, "sev", pst_severity_name(a->severity));
	dump_str(sb, "status", a->status);
	dump_str(sb, "tactics", a->tactics);
	dump_str(sb, "techniques", a->techniques);
	dump_str(sb, "entity", a->compromised_entity);
	dump_str(sb, "rid", a->resource_id);
	dump_str(sb, "product", a->product);
	dump_str(sb, "uri", a->alert_uri);
	dump_str(sb, "remediation", a->remediation);
	dump_time(sb, "generated", a->time_generated);
	dump_time(sb, "start", a->start_time);
	dump_time(sb, "end", a->end_time);
}

static inline void dump_other(struct strbuf *sb, const struct pst_record *r)
{
	switch (r->type) {
	case PST_REC_SUB_ASSESSMENT:
		dump_str(sb, "subid", r->u.sub.id);
		dump_str(sb, "parent", r->u.sub.assessment_key);
		dump_str(sb, "rid", r->u.sub.resource_id);
		dump_str(sb, "name", r->u.sub.display_name);
		dump_str(sb, "status", pst_status_name(r->u.sub.status));
		dump_str(sb, "sev", pst_severity_name(r->u.sub.severity));
		dump_str(sb, "remediation", r->u.sub.remediation);
		dump_time(sb, "generated", r->u.sub.time_generated);
		break;
	case PST_REC_SECURE_SCORE:
		dump_str(sb, "score", r->u.score.name);
		dump_str(sb, "name", r->u.score.display_name);
		dump_num(sb, "current", r->u.score.current);
		dump_num(sb, "max", r->u.score.max);
		dump_num(sb, "pct", r->u.score.percentage);
		dump_num(sb, "weight", r->u.score.weight);
		break;
	case PST_REC_SCORE_CONTROL:
		dump_str(sb, "control", r->u.control.control_id);
		dump_str(sb, "name", r->u.control.display_name);
		dump_int(sb, "healthy", r->u.control.healthy);
		dump_int(sb, "unhealthy", r->u.control.unhealthy);
		dump_int(sb, "na", r->u.control.not_applicable);
		dump_num(sb, "current", r->u.control.current);
		dump_num(sb, "max", r->u.control.max);
		dump_num(sb, "pct", r->u.control.percentage);
		dump_num(sb, "weight", r->u.control.weight);
		dump_list(sb, "keys", &r->u.control.assessment_keys);
		break;
	case PST_REC_COMPLIANCE:
		dump_str(sb, "standard", r->u.compliance.standard);
		dump_str(sb, "control", r->u.compliance.control);
		dump_str(sb, "assessment", r->u.compliance.assessment);
		dump_str(sb, "desc", r->u.compliance.description);
		dump_str(sb, "state", pst_compliance_state_name(r->u.compliance.state));
		dump_int(sb, "passed", r->u.compliance.passed);
		dump_int(sb, "failed", r->u.compliance.failed);
		dump_int(sb, "skipped", r->u.compliance.skipped);
		break;
	default:
		break;
	}
}

static const char *const dump_snap_names[] = {"stream", "record", "file"};

static inline int dump_sink(void *ctx, const struct pst_record *r, struct pst_error *err)
{
	struct dump *d = ctx;
	struct strbuf sb = STRBUF_INIT;

	(void)err;
	strbuf_addf(&sb, "type=%s line=%llu snap=%s src=%s", pst_rec_type_name(r->type),
	            (unsigned long long)r->origin.line, dump_snap_names[r->snapshot], pst_time_src_name(r->time_src));
	dump_time(&sb, "observed", r->observed);
	dump_str(&sb, "sub", r->subscription_id);
	dump_str(&sb, "tenant", r->tenant_id);
	dump_str(&sb, "id", r->id);
	if (r->type == PST_REC_ASSESSMENT)
		dump_assessment(&sb, &r->u.assessment);
	else if (r->type == PST_REC_ALERT)
		dump_alert(&sb, &r->u.alert);
	else
		dump_other(&sb, r);
	PST_GROW(d->lines, d->alloc, d->n + 1);
	d->lines[d->n++] = strbuf_detach(&sb);
	return 0;
}

/* Writes data to a new temporary file; path gets its name (>= 64 bytes). */
static inline int write_temp(const char *data, size_t len, char *path, const char *suffix)
{
	FILE *f;
	int fd;

	snprintf(path, 64, "/tmp/posture-test-XXXXXX%s", suffix);
	fd = mkstemps(path, (int)strlen(suffix));
	if (fd < 0)
		return -1;
	f = fdopen(fd, "wb");
	if (!f)
		return -1;
	if (len && fwrite(data, 1, len, f) != len) {
		fclose(f);
		return -1;
	}
	return fclose(f);
}

/* Reads data as a file; fills ing and d.  Returns pst_ingest_paths' status. */
static inline int ingest_text(const char *data, size_t len, struct pst_sources *ing, struct dump *d)
{
	char path[64];
	const char *paths[1];
	struct pst_ingest_opts opts = {.skip_bad = false};
	struct pst_error err;
	int rc;

	if (write_temp(data, len, path, ".csv") != 0)
		return -1;
	paths[0] = path;
	pst_sources_init(ing);
	memset(&err, 0, sizeof(err));
	rc = pst_ingest_paths(ing, paths, 1, &opts, dump_sink, d, &err);
	unlink(path);
	return rc;
}

/* The first diagnostic of the (only) file, or "". */
static inline const char *first_diag(const struct pst_sources *ing)
{
	return ing->nfiles && ing->files[0].diags.n ? ing->files[0].diags.items[0].msg : "";
}

static inline const char *file_error(const struct pst_sources *ing)
{
	return ing->nfiles && ing->files[0].error ? ing->files[0].error : "";
}

#endif
