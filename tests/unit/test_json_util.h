/* test_json_util.h: helpers for the JSON reader tests: read a file (or a
 * text written to a temporary file) through pst_ingest_paths and keep one
 * summary line per record, so tests can assert exact field values. */
#ifndef TEST_JSON_UTIL_H
#define TEST_JSON_UTIL_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check.h"
#include "posture/ingest.h"
#include "posture/strbuf.h"

struct jt {
	struct pst_sources ing;
	char **lines;
	size_t n, alloc;
	int rc;
	struct pst_error err;
};

static inline const char *jt_s(const char *s)
{
	return s ? s : "-";
}

static inline const char *jt_time(pst_time t, char *buf)
{
	return t == PST_TIME_NONE ? "-" : pst_time_format(t, buf, PST_TIME_BUF);
}

static inline void jt_list(struct strbuf *sb, struct pst_str_list l)
{
	size_t i;

	for (i = 0; i < l.n; i++)
		strbuf_addf(sb, "%s%s", i ? "," : "", l.items[i]);
}

static inline void jt_assessment(struct strbuf *sb, const struct pst_assessment *a)
{
	char t[PST_TIME_BUF];

	strbuf_addf(sb, "%s %s %s cause=%s sev=%s cat=%s type=%s rg=%s src=%s changed=%s link=%s", jt_s(a->key),
	            jt_s(a->resource_id), pst_status_name(a->status), jt_s(a->cause), pst_severity_name(a->severity),
	            jt_s(a->category), jt_s(a->resource_type), jt_s(a->resource_group), jt_s(a->source),
	            jt_time(a->status_change, t), a->portal_link ? "yes" : "no");
	if (a->risk || a->risk_factors)
		strbuf_addf(sb, " risk=%s factors=%s contextual=%d paths=%zu", jt_s(pst_risk_name(a->risk)),
		            jt_s(a->risk_factors), a->contextual_risk, a->attack_paths.n);
}

static inline void jt_other(struct strbuf *sb, const struct pst_record *r)
{
	char t1[PST_TIME_BUF], t2[PST_TIME_BUF];

	switch (r->type) {
	case PST_REC_SUB_ASSESSMENT:
		strbuf_addf(sb, "%s %s %s %s sev=%s", jt_s(r->u.sub.id), jt_s(r->u.sub.assessment_key),
		            jt_s(r->u.sub.resource_id), pst_status_name(r->u.sub.status), pst_severity_name(r->u.sub.severity));
		break;
	case PST_REC_ASSESSMENT_META:
		strbuf_addf(sb, "%s sev=%s cat=%s threats=", jt_s(r->u.meta.key), pst_severity_name(r->u.meta.severity),
		            jt_s(r->u.meta.category));
		jt_list(sb, r->u.meta.threats);
		break;
	case PST_REC_GOVERNANCE:
		strbuf_addf(sb, "%s %s %s owner=%s due=%s eta=%s grace=%d ticket=%s", jt_s(r->u.gov.name),
		            jt_s(r->u.gov.assessment_key), jt_s(r->u.gov.resource_id), jt_s(r->u.gov.owner),
		            jt_time(r->u.gov.due_date, t1), jt_time(r->u.gov.eta, t2), r->u.gov.grace_period,
		            jt_s(r->u.gov.ticket_number));
		break;
	case PST_REC_SECURE_SCORE:
		strbuf_addf(sb, "%s %g/%g %g weight=%g", jt_s(r->u.score.name), r->u.score.current, r->u.score.max,
		            r->u.score.percentage, r->u.score.weight);
		break;
	case PST_REC_SCORE_CONTROL:
		strbuf_addf(sb, "%s %lld/%lld/%lld %g/%g weight=%g keys=", jt_s(r->u.control.control_id),
		            (long long)r->u.control.healthy, (long long)r->u.control.unhealthy,
		            (long long)r->u.control.not_applicable, r->u.control.current, r->u.control.max,
		            r->u.control.weight);
		jt_list(sb, r->u.control.assessment_keys);
		break;
	case PST_REC_CONTROL_DEF:
		strbuf_addf(sb, "%s max=%g %s keys=", jt_s(r->u.def.control_id), r->u.def.max_score,
		            jt_s(r->u.def.source_type));
		jt_list(sb, r->u.def.assessment_keys);
		break;
	case PST_REC_ALERT:
		strbuf_addf(sb, "%s %s sev=%s tactics=%s techniques=%s %s %s %s", jt_s(r->u.alert.system_alert_id),
		            jt_s(r->u.alert.alert_type), pst_severity_name(r->u.alert.severity), jt_s(r->u.alert.tactics),
		            jt_s(r->u.alert.techniques), jt_s(r->u.alert.resource_id), jt_s(r->u.alert.status),
		            jt_s(r->u.alert.product));
		break;
	case PST_REC_COMPLIANCE:
		strbuf_addf(sb, "%s %s %s %s %lld/%lld/%lld", jt_s(r->u.compliance.standard), jt_s(r->u.compliance.control),
		            jt_s(r->u.compliance.assessment), pst_compliance_state_name(r->u.compliance.state),
		            (long long)r->u.compliance.passed, (long long)r->u.compliance.failed,
		            (long long)r->u.compliance.skipped);
		break;
	case PST_REC_EXEMPTION:
		strbuf_addf(sb, "%s scope=%s cat=%s expires=%s key=%s desc=%s", jt_s(r->u.exemption.name),
		            jt_s(r->u.exemption.scope), jt_s(r->u.exemption.category), jt_time(r->u.exemption.expires_on, t1),
		            jt_s(r->u.exemption.assessment_key), jt_s(r->u.exemption.description));
		break;
	case PST_REC_ATTACK_PATH:
		strbuf_addf(sb, "%s risk=%s factors=%s entry=%s target=%s mitre=%s ids=", jt_s(r->u.path.path_id),
		            jt_s(pst_risk_name(r->u.path.risk)), jt_s(r->u.path.risk_factors), jt_s(r->u.path.entry_point),
		            jt_s(r->u.path.target), jt_s(r->u.path.mitre));
		jt_list(sb, r->u.path.assessment_ids);
		strbuf_addstr(sb, " keys=");
		jt_list(sb, r->u.path.keys);
		strbuf_addstr(sb, " res=");
		jt_list(sb, r->u.path.resource_ids);
		break;
	default:
		break;
	}
}

/* "TYPE ACTION SNAPSHOT TIME_SOURCE TIME SUBSCRIPTION line=N idx=N | fields" */
static inline int jt_sink(void *ctx, const struct pst_record *r, struct pst_error *err)
{
	static const char *const snaps[] = {"stream", "record", "file"};
	struct jt *t = ctx;
	struct strbuf sb = STRBUF_INIT;
	char tb[PST_TIME_BUF];

	(void)err;
	strbuf_addf(&sb, "%s %s %s %s %s %s line=%llu idx=%llu | ", pst_rec_type_name(r->type),
	            r->action ? pst_action_name(r->action) : "-", snaps[r->snapshot], pst_time_src_name(r->time_src),
	            jt_time(r->observed, tb), jt_s(r->subscription_id), (unsigned long long)r->origin.line,
	            (unsigned long long)r->origin.index);
	if (r->type == PST_REC_ASSESSMENT)
		jt_assessment(&sb, &r->u.assessment);
	else
		jt_other(&sb, r);
	PST_GROW(t->lines, t->alloc, t->n + 1);
	t->lines[t->n++] = strbuf_detach(&sb);
	return PST_OK;
}

static inline void jt_release(struct jt *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->lines[i]);
	free(t->lines);
	pst_sources_release(&t->ing);
	memset(t, 0, sizeof(*t));
}

static inline void jt_read(struct jt *t, const char *path)
{
	const char *paths[1];

	jt_release(t);
	paths[0] = path;
	pst_sources_init(&t->ing);
	t->rc = pst_ingest_paths(&t->ing, paths, 1, NULL, jt_sink, t, &t->err);
}

/* Writes text to a temporary file named name (its name may carry a date),
 * reads it, and removes it. */
static inline void jt_read_text(struct jt *t, const char *name, const char *text, size_t len)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "/tmp/pst-json-test-%ld-%s", (long)getpid(), name);
	f = fopen(path, "wb");
	if (!f || fwrite(text, 1, len, f) != len || fclose(f) != 0) {
		CHECK(!"cannot write a temporary file");
		return;
	}
	jt_read(t, path);
	unlink(path);
}

static inline void jt_str(struct jt *t, const char *name, const char *text)
{
	jt_read_text(t, name, text, strlen(text));
}

static inline const struct pst_source *jt_rep(const struct jt *t)
{
	static const struct pst_source none;

	return t->ing.nfiles ? &t->ing.files[0] : &none;
}

static inline const char *jt_fmt(const struct jt *t)
{
	return pst_format_name(jt_rep(t)->format);
}

static inline const char *jt_line(const struct jt *t, size_t i)
{
	return i < t->n ? t->lines[i] : "(no such record)";
}

static inline const char *jt_diag(const struct jt *t, size_t i)
{
	return i < jt_rep(t)->diags.n ? jt_rep(t)->diags.items[i].msg : "(no such diagnostic)";
}

/* CHECK that haystack contains needle, printing both when not. */
#define CHECK_HAS(h, n) check_has((h), (n), __FILE__, __LINE__)
static inline void check_has(const char *h, const char *n, const char *file, int line)
{
	int ok = h && n && strstr(h, n) != NULL;

	if (!ok)
		printf("     \"%s\"\n     does not contain \"%s\"\n", h ? h : "(null)", n ? n : "(null)");
	check_one(ok, "contains", file, line);
}

#endif
