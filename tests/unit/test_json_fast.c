/* test_json_fast.c: the JSON hot path (src/ingest/json/json_fast.c)
 * against the full cJSON path, element by element:
 *  - whatever the fast parse takes, cJSON takes too, and the pruned tree is
 *    the full tree less members (same keys, values, order, list links:
 *    tests/fuzz/fuzz_json_tree.h, shared with the fuzz target json_fast);
 *  - every record read with the fast path on equals, field by field, the one
 *    read with it off (every line of the sample estate's NDJSON and JSON
 *    files, and crafted elements), and so do the diagnostics;
 *  - what it must leave to cJSON it declines: escaped keys, surrogate and
 *    \u0000 escapes, control bytes, loose numbers, deep nesting, Log
 *    Analytics rows, wrappers, record types it does not cover. */
#include <cjson/cJSON.h>
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include "check.h"
#include "test_json_util.h"
#include "fuzz/fuzz_json_tree.h"
#include "../../src/ingest/json/json_arena.h"
#include "../../src/ingest/json/json_fast.h"

/* ---- trees ---- */

static int taken, declined;

/* Checks one element: returns whether the fast parse took it. */
static bool check_tree(const char *text, size_t len)
{
	cJSON *full, *fast;
	size_t used = 0;
	bool ok;

	pst_jarena_begin();
	fast = pst_jfast_parse(text, len, false, false, &used);
	full = cJSON_ParseWithLength(text, len);
	if (fast) {
		CHECK(full != NULL);
		CHECK_INT(used, len);
		ok = full && jtree_pruned_of(fast, full);
		if (!ok)
			fprintf(stderr, "     not a pruned tree of: %.200s\n", text);
		CHECK(ok);
		taken++;
	} else {
		declined++;
	}
	cJSON_Delete(full);
	pst_jarena_end();
	return fast != NULL;
}

/* ---- records ---- */

static void add_list(struct strbuf *sb, const char *name, struct pst_str_list l)
{
	size_t i;

	strbuf_addf(sb, " %s=[", name);
	for (i = 0; i < l.n; i++)
		strbuf_addf(sb, "%s%s", i ? "|" : "", l.items[i]);
	strbuf_addstr(sb, "]");
}

static void add_s(struct strbuf *sb, const char *name, const char *v)
{
	strbuf_addf(sb, " %s=%s", name, v ? v : "(null)");
}

static void add_t(struct strbuf *sb, const char *name, pst_time t)
{
	char b[PST_TIME_BUF];

	add_s(sb, name, t == PST_TIME_NONE ? NULL : pst_time_format(t, b, sizeof(b)));
}

static void add_d(struct strbuf *sb, const char *name, double d)
{
	strbuf_addf(sb, " %s=%.17g", name, d);
}

static void dump_assessment(struct strbuf *sb, const struct pst_assessment *a)
{
	const char *s[] = {a->resource_id, a->key, a->display_name, a->cause, a->status_description, a->category,
	                   a->resource_name, a->resource_type, a->resource_group, a->subscription_name, a->source,
	                   a->account, a->connector, a->native_id, a->portal_link, a->description, a->remediation,
	                   a->policy_definition_id, a->owner, a->risk_factors};
	size_t i;

	for (i = 0; i < PST_ARRAY_LEN(s); i++)
		add_s(sb, "s", s[i]);
	strbuf_addf(sb, " st=%d sev=%d grace=%d risk=%d ctx=%d", (int)a->status, (int)a->severity, a->grace_period,
	            (int)a->risk, a->contextual_risk);
	add_t(sb, "changed", a->status_change);
	add_t(sb, "first", a->first_eval);
	add_t(sb, "due", a->due_date);
	add_t(sb, "eta", a->eta);
	add_list(sb, "cn", a->control_names);
	add_list(sb, "ci", a->control_ids);
	add_list(sb, "paths", a->attack_paths);
}

static void dump_other(struct strbuf *sb, const struct pst_record *r)
{
	const struct pst_sub_assessment *s = &r->u.sub;
	const struct pst_assessment_meta *m = &r->u.meta;
	const struct pst_governance *g = &r->u.gov;
	const struct pst_secure_score *sc = &r->u.score;
	const struct pst_score_control *c = &r->u.control;
	const struct pst_control_def *d = &r->u.def;
	const struct pst_compliance *k = &r->u.compliance;

	switch (r->type) {
	case PST_REC_SUB_ASSESSMENT:
		add_s(sb, "id", s->id), add_s(sb, "key", s->assessment_key), add_s(sb, "res", s->resource_id);
		add_s(sb, "dn", s->display_name), add_s(sb, "cat", s->category), add_s(sb, "desc", s->description);
		add_s(sb, "rem", s->remediation), add_t(sb, "gen", s->time_generated);
		strbuf_addf(sb, " st=%d sev=%d", (int)s->status, (int)s->severity);
		break;
	case PST_REC_ASSESSMENT_META:
		add_s(sb, "key", m->key), add_s(sb, "dn", m->display_name), add_s(sb, "cat", m->category);
		add_s(sb, "desc", m->description), add_s(sb, "rem", m->remediation), add_s(sb, "ui", m->user_impact);
		add_s(sb, "ie", m->implementation_effort), add_s(sb, "pd", m->policy_definition_id);
		add_s(sb, "at", m->assessment_type), add_list(sb, "threats", m->threats);
		strbuf_addf(sb, " sev=%d", (int)m->severity);
		break;
	case PST_REC_GOVERNANCE:
		add_s(sb, "res", g->resource_id), add_s(sb, "key", g->assessment_key), add_s(sb, "name", g->name);
		add_s(sb, "owner", g->owner), add_t(sb, "due", g->due_date), add_t(sb, "eta", g->eta);
		add_s(sb, "just", g->eta_justification), add_s(sb, "tn", g->ticket_number);
		add_s(sb, "tl", g->ticket_link), add_s(sb, "ts", g->ticket_status);
		strbuf_addf(sb, " grace=%d", g->grace_period);
		break;
	case PST_REC_SECURE_SCORE:
		add_s(sb, "name", sc->name), add_s(sb, "dn", sc->display_name), add_d(sb, "cur", sc->current);
		add_d(sb, "max", sc->max), add_d(sb, "pct", sc->percentage), add_d(sb, "w", sc->weight);
		break;
	case PST_REC_SCORE_CONTROL:
		add_s(sb, "id", c->control_id), add_s(sb, "dn", c->display_name), add_d(sb, "cur", c->current);
		add_d(sb, "max", c->max), add_d(sb, "pct", c->percentage), add_d(sb, "w", c->weight);
		strbuf_addf(sb, " h=%lld u=%lld na=%lld", (long long)c->healthy, (long long)c->unhealthy,
		            (long long)c->not_applicable);
		add_list(sb, "keys", c->assessment_keys);
		break;
	case PST_REC_CONTROL_DEF:
		add_s(sb, "id", d->control_id), add_s(sb, "dn", d->display_name), add_d(sb, "max", d->max_score);
		add_s(sb, "src", d->source_type), add_list(sb, "keys", d->assessment_keys);
		break;
	case PST_REC_COMPLIANCE:
		add_s(sb, "std", k->standard), add_s(sb, "ctl", k->control), add_s(sb, "as", k->assessment);
		add_s(sb, "desc", k->description);
		strbuf_addf(sb, " state=%d p=%lld f=%lld s=%lld", (int)k->state, (long long)k->passed,
		            (long long)k->failed, (long long)k->skipped);
		break;
	default:
		jt_other(sb, r); /* alerts, exemptions: always the full path */
		break;
	}
}

struct recs {
	struct strbuf all;
};

static int full_sink(void *ctx, const struct pst_record *r, struct pst_error *err)
{
	struct recs *rs = ctx;
	struct strbuf *sb = &rs->all;

	(void)err;
	strbuf_addf(sb, "%s act=%d snap=%d ts=%d", pst_rec_type_name(r->type), (int)r->action, (int)r->snapshot,
	            (int)r->time_src);
	add_t(sb, "obs", r->observed);
	add_s(sb, "sub", r->subscription_id), add_s(sb, "tenant", r->tenant_id), add_s(sb, "id", r->id);
	add_s(sb, "badf", r->bad_time_field), add_s(sb, "badv", r->bad_time_value);
	strbuf_addf(sb, " impl=%d at=%llu/%llu/%llu", r->implausible, (unsigned long long)r->origin.line,
	            (unsigned long long)r->origin.offset, (unsigned long long)r->origin.index);
	if (r->type == PST_REC_ASSESSMENT)
		dump_assessment(sb, &r->u.assessment);
	else
		dump_other(sb, r);
	strbuf_addstr(sb, "\n");
	return PST_OK;
}

/* Every record and diagnostic of reading path, as text. */
static char *read_all(const char *path)
{
	struct pst_sources ing;
	struct pst_error err = {0, ""};
	struct recs rs;
	const char *paths[1] = {path};
	size_t i, j;
	int rc;

	strbuf_init(&rs.all);
	pst_sources_init(&ing);
	rc = pst_ingest_paths(&ing, paths, 1, NULL, full_sink, &rs, &err);
	strbuf_addf(&rs.all, "rc=%d %s\n", rc, rc ? err.msg : "");
	for (i = 0; i < ing.nfiles; i++) {
		strbuf_addf(&rs.all, "file %s format %s\n", ing.files[i].path, pst_format_name(ing.files[i].format));
		for (j = 0; j < ing.files[i].diags.n; j++)
			strbuf_addf(&rs.all, "diag %s\n", ing.files[i].diags.items[j].msg);
	}
	pst_sources_release(&ing);
	return strbuf_detach(&rs.all);
}

/* Reads path with the fast path on and off: the same records and diagnostics. */
static void check_same(const char *path)
{
	char *fast, *full;

	pst_jfast_force(1);
	fast = read_all(path);
	pst_jfast_force(0);
	full = read_all(path);
	pst_jfast_force(-1);
	if (strcmp(fast, full) != 0) {
		size_t i = 0;

		while (fast[i] && fast[i] == full[i])
			i++;
		fprintf(stderr, "     %s: fast and full differ at byte %zu:\n     fast: %.300s\n     full: %.300s\n", path,
		        i, fast + i, full + i);
	}
	CHECK(strcmp(fast, full) == 0);
	free(fast);
	free(full);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	CHECK(f && fputs(text, f) >= 0 && fclose(f) == 0);
}

/* ---- the corpus ---- */

static const char *const crafted[] = {
	/* an assessment with escapes, odd cases, duplicates, numbers, nesting, unicode */
	"{\"type\":\"microsoft.security/ASSESSMENTS\",\"ID\":\"/subscriptions/s1/resourceGroups/rg/providers/"
	"Microsoft.Compute/virtualMachines/vm1/providers/Microsoft.Security/assessments/k1\",\"name\":\"k1\","
	"\"properties\":{\"displayName\":\"Caf\\u00e9 \\\"quoted\\\" \\\\ \\/ \\b\\f\\n\\r\\t \\u20ac \\u0041\","
	"\"status\":{\"code\":\"Unhealthy\",\"Code\":\"Healthy\",\"statusChangeDate\":\"2026-01-02T03:04:05Z\","
	"\"cause\":\"\",\"x\":[1,-2.5e3,0,true,false,null,{\"a\":[[[]]]}]},"
	"\"resourceDetails\":{\"Source\":\"Azure\",\"id\":\"/subscriptions/s1/resourceGroups/rg/providers/"
	"Microsoft.Compute/virtualMachines/vm1\",\"resourceName\":\"vm1\"},"
	"\"metadata\":{\"severity\":\"High\",\"categories\":[\"Compute\",\"Data\"],\"description\":\"d\\u00e9j\\u00e0\"},"
	"\"risk\":{\"level\":\"Critical\",\"riskFactors\":[\"a\",\"b\"],\"isContextualRisk\":true,"
	"\"attackPathsReferences\":[\"p1\",\"p2\"]},\"links\":{\"azurePortalUri\":\"x\"},"
	"\"additionalData\":{\"big\":12345678901234567890123,\"small\":1e-300}}}",
	/* UTF-8 text (high bytes) and blanks everywhere */
	"{ \"type\" : \"Microsoft.Security/assessments\" , \"id\":\"/subscriptions/s2/providers/Microsoft.Security/"
	"assessments/k2\" ,\"properties\" : { \"displayName\" : \"R\xC3\xA9sum\xC3\xA9 \xE2\x82\xAC\" ,"
	" \"status\" : { \"code\" : \"NotApplicable\" , \"cause\" : \"OffByPolicy\" } , \"resourceDetails\" :"
	" { \"id\" : \"/subscriptions/s2\" } } }",
	/* other record types */
	"{\"type\":\"Microsoft.Security/assessments/subAssessments\",\"id\":\"/subscriptions/s/resourceGroups/r/"
	"providers/Microsoft.Security/assessments/k/subAssessments/x\",\"name\":\"x\",\"properties\":{\"id\":42,"
	"\"displayName\":\"cve\",\"status\":{\"code\":\"Unhealthy\",\"severity\":\"Low\"},\"timeGenerated\":"
	"\"2026-02-01T00:00:00Z\",\"resourceDetails\":{\"id\":\"/subscriptions/s/resourceGroups/r\"}}}",
	"{\"type\":\"Microsoft.Security/assessments/governanceAssignments\",\"id\":\"/subscriptions/s/providers/"
	"Microsoft.Security/assessments/k/governanceAssignments/g\",\"name\":\"g\",\"properties\":{\"owner\":"
	"\"a@b\",\"remediationDueDate\":\"2026-03-01T00:00:00Z\",\"isGracePeriod\":\"true\",\"remediationEta\":"
	"{\"eta\":\"2026-04-01T00:00:00Z\",\"justification\":\"j\"},\"additionalData\":{\"ticketNumber\":7,"
	"\"ticketLink\":\"l\",\"ticketStatus\":\"Open\"}}}",
	"{\"type\":\"Microsoft.Security/secureScores\",\"id\":\"/subscriptions/s/providers/Microsoft.Security/"
	"secureScores/ascScore\",\"name\":\"ascScore\",\"properties\":{\"displayName\":\"ASC\",\"score\":"
	"{\"current\":12.5,\"max\":\"40\",\"percentage\":0.3125},\"weight\":9}}",
	"{\"type\":\"Microsoft.Security/secureScores/secureScoreControls\",\"id\":\"/subscriptions/s/providers/"
	"Microsoft.Security/secureScores/ascScore/secureScoreControls/c\",\"name\":\"c\",\"properties\":{"
	"\"healthyResourceCount\":3,\"unhealthyResourceCount\":1.5,\"notApplicableResourceCount\":-1,\"score\":"
	"{\"current\":1,\"max\":4},\"definition\":{\"properties\":{\"assessmentDefinitions\":[{\"id\":\"/a/b/k1\"},"
	"{\"id\":\"/a/b/k2\"}]}}}}",
	"{\"type\":\"Microsoft.Security/secureScoreControlDefinitions\",\"name\":\"d\",\"properties\":{\"maxScore\":"
	"6,\"source\":{\"sourceType\":\"BuiltIn\"},\"assessmentDefinitions\":[{\"id\":\"/x/k\"}]}}",
	"{\"type\":\"Microsoft.Security/assessmentMetadata\",\"name\":\"m\",\"properties\":{\"displayName\":\"M\","
	"\"severity\":\"Medium\",\"categories\":\"Networking\",\"threats\":[\"a\",1,\"b\"],\"userImpact\":\"Low\"}}",
	"{\"type\":\"Microsoft.Security/regulatoryComplianceStandards/regulatoryComplianceControls/"
	"regulatoryComplianceAssessments\",\"id\":\"/subscriptions/s/providers/Microsoft.Security/"
	"regulatoryComplianceStandards/std/regulatoryComplianceControls/c1/regulatoryComplianceAssessments/a1\","
	"\"properties\":{\"state\":\"Failed\",\"passedResources\":1,\"failedResources\":2,\"skippedResources\":0}}",
	/* envelopes */
	"{\"securityEventDataEnrichment\":{\"action\":\"Delete\",\"isSnapshot\":false},\"assessmentEventDataEnrichment\":"
	"{\"action\":\"Insert\",\"isSnapshot\":true},\"type\":\"Microsoft.Security/assessments\",\"tenantId\":\"t\","
	"\"id\":\"/subscriptions/s3/providers/Microsoft.Security/assessments/k3\",\"properties\":{\"status\":"
	"{\"code\":\"Healthy\"},\"resourceDetails\":{\"id\":\"/subscriptions/s3\"}}}",
	/* rejected by the filler (no status code): the same reject both ways */
	"{\"type\":\"Microsoft.Security/assessments\",\"id\":\"/subscriptions/s4/providers/Microsoft.Security/"
	"assessments/k4\",\"properties\":{\"resourceDetails\":{\"id\":\"/subscriptions/s4\"}}}",
	NULL,
};

/* Elements the fast parse must decline (cJSON decides). */
static const char *const declines[] = {
	"{\"ty\\u0070e\":\"Microsoft.Security/assessments\"}",                  /* an escaped key where matched */
	"{\"type\":\"Microsoft.Security/assessments\",\"name\":\"\\ud83d\\ude00\"}", /* a surrogate pair */
	"{\"type\":\"Microsoft.Security/assessments\",\"name\":\"a\\u0000b\"}",  /* \u0000 */
	"{\"type\":\"Microsoft.Security/assessments\",\"name\":\"a\tb\"}",       /* a raw tab in a string */
	"{\"type\":\"Microsoft.Security/assessments\",\"n\":01}",                /* a leading zero */
	"{\"type\":\"Microsoft.Security/assessments\",\"n\":1.}",                /* a bare point */
	"{\"type\":\"Microsoft.Security/assessments\",\"n\":+1}",                /* a plus sign */
	"{\"type\":\"Microsoft.Security/assessments\",\"n\":tru}",
	"{\"type\":\"Microsoft.Security/assessments\",\"n\":1,}",                /* a trailing comma */
	"{\"type\":\"Microsoft.Security/assessments\",\"n\":\x01" "1}",          /* a control byte as a blank */
	"{\"type\":\"Microsoft.Security/assessments\",\"n\":\"\xC3\x28\"}",      /* invalid UTF-8 */
	"{\"type\":\"Microsoft.Security/assessments\",\"n\":1234567890123456789012345678901234567890123456789012345678901234}",
	"{\"type\":\"Microsoft.Security/assessments\"",                          /* not closed */
	"[{\"type\":\"Microsoft.Security/assessments\"}]",                       /* not an object */
	NULL,
};

/* Parsed by the fast path, but not covered: the full path serves them. */
static const char *const uncovered[] = {
	"{\"AssessedResourceId\":\"/subscriptions/s\",\"RecommendationState\":\"Unhealthy\"}", /* a LA row */
	"{\"type\":\"Microsoft.Security/locations/alerts\",\"properties\":{\"alertType\":\"x\"}}",
	"{\"SystemAlertId\":\"a\",\"AlertType\":\"t\"}",
	"{\"type\":\"Microsoft.Authorization/policyExemptions\",\"properties\":{}}",
	"{\"type\":\"Something/else\",\"properties\":{}}",
	"{\"value\":1}",
	NULL,
};

static void test_trees(void)
{
	size_t i;

	for (i = 0; crafted[i]; i++)
		CHECK(check_tree(crafted[i], strlen(crafted[i])));
	for (i = 0; declines[i]; i++) {
		bool took = check_tree(declines[i], strlen(declines[i]));

		if (took)
			fprintf(stderr, "     took: %s\n", declines[i]);
		CHECK(!took);
	}
	for (i = 0; uncovered[i]; i++) {
		cJSON *t;
		size_t used;

		pst_jarena_begin();
		t = pst_jfast_parse(uncovered[i], strlen(uncovered[i]), false, false, &used);
		CHECK(!t || !pst_jfast_covered(t));
		pst_jarena_end();
	}
	/* 70 levels: beyond the fast path's depth */
	{
		struct strbuf sb = STRBUF_INIT;

		strbuf_addstr(&sb, "{\"type\":\"Microsoft.Security/assessments\",\"x\":");
		for (i = 0; i < 70; i++)
			strbuf_addch(&sb, '[');
		for (i = 0; i < 70; i++)
			strbuf_addch(&sb, ']');
		strbuf_addch(&sb, '}');
		CHECK(!check_tree(sb.buf, sb.len));
		strbuf_release(&sb);
	}
	/* a wrapper at the top of a line declines; inside an element it does not matter */
	{
		const char *w = "{\"type\":\"Microsoft.Security/assessments\",\"Value\":[]}";
		size_t used;

		pst_jarena_begin();
		CHECK(pst_jfast_parse(w, strlen(w), true, false, &used) == NULL);
		CHECK(pst_jfast_parse(w, strlen(w), false, false, &used) != NULL);
		pst_jarena_end();
	}
}

/* Every line of a JSON or NDJSON file (gzipped or not) that starts an
 * object, as an element. */
static void tree_lines(const char *path)
{
	gzFile f = gzopen(path, "rb");
	static char line[1 << 20];

	if (!f)
		return;
	while (gzgets(f, line, sizeof(line))) {
		size_t n = strlen(line);

		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' ' || line[n - 1] == ','))
			n--;
		if (n > 0 && line[0] == '{')
			check_tree(line, n);
	}
	gzclose(f);
}

static bool ends(const char *name, const char *suffix)
{
	size_t n = strlen(name), k = strlen(suffix);

	return n > k && strcmp(name + n - k, suffix) == 0;
}

static bool json_name(const char *name)
{
	return ends(name, ".ndjson") || ends(name, ".json") || ends(name, ".ndjson.gz") || ends(name, ".json.gz");
}

static int walk(const char *dir, bool records)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[1024];
	int files = 0;

	if (!d)
		return 0;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (e->d_type == DT_DIR) {
			files += walk(path, records);
		} else if (json_name(e->d_name)) {
			tree_lines(path);
			if (records)
				check_same(path);
			files++;
		} else if (records && ends(e->d_name, ".avro")) {
			check_same(path); /* JSON event bodies */
			files++;
		}
	}
	closedir(d);
	return files;
}

static void test_samples(void)
{
	const char *tests = getenv("TESTS_DIR");
	char dir[1024];

	taken = declined = 0;
	snprintf(dir, sizeof(dir), "%s/../samples/estate", tests ? tests : "tests");
	CHECK(walk(dir, true) > 5);
	CHECK(taken > 1000); /* most sample lines take the fast path */
	snprintf(dir, sizeof(dir), "%s", tests ? tests : "tests");
	walk(dir, true); /* the bad corpus, goldens' inputs: whatever is there */
	if ((tests = check_realdata()) != NULL)
		walk(tests, true); /* published examples and schemas */
}

static void test_crafted_files(void)
{
	char path[256];
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	/* NDJSON: every crafted and declined element, one a line */
	for (i = 0; crafted[i]; i++)
		strbuf_addf(&sb, "%s\n", crafted[i]);
	for (i = 0; declines[i]; i++)
		if (!strchr(declines[i], '\t'))
			strbuf_addf(&sb, "%s\n", declines[i]);
	for (i = 0; uncovered[i]; i++)
		strbuf_addf(&sb, "%s\n", uncovered[i]);
	snprintf(path, sizeof(path), "/tmp/pst-json-fast-%ld.ndjson", (long)getpid());
	write_file(path, sb.buf);
	check_same(path);
	/* a JSON array (REST list) of the crafted elements, pretty-printed */
	strbuf_reset(&sb);
	strbuf_addstr(&sb, "{\n  \"value\": [\n");
	for (i = 0; crafted[i]; i++)
		strbuf_addf(&sb, "%s    %s\n", i ? "," : "", crafted[i]);
	strbuf_addstr(&sb, "  ]\n}\n");
	write_file(path, sb.buf);
	check_same(path);
	unlink(path);
	strbuf_release(&sb);
}

int main(void)
{
	RUN(test_trees);
	RUN(test_crafted_files);
	RUN(test_samples);
	pst_jarena_release();
	return check_summary();
}
