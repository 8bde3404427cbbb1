/* test_csv_fuzz.c: a deterministic mutation loop over a small CSV corpus
 * (portal and Log Analytics tables, JSON text cells), each mutant read
 * through pst_ingest_paths from a temporary file.  Meant to run under
 * `make test SANITIZE=address,undefined`: it must never crash, and every
 * record handed out must be readable (the dump sink reads every string). */
#include "check.h"
#include "test_csv_util.h"

#ifndef MUTANTS
#define MUTANTS 2000 /* more: make CFLAGS=-DMUTANTS=N */
#endif
#define MAX_LEN 8192

static const char *const corpus[] = {
	"\xEF\xBB\xBF\"exportedTimestamp\",\"subscriptionId\",\"resourceType\",\"resourceName\",\"resourceId\","
	"\"recommendationId\",\"recommendationName\",\"severity\",\"state\",\"controls\",\"owner\",\"dueDate\"\r\n"
	"\"2026-10-31T06:00:00Z\",\"s1\",\"vm\",\"vm1\",\"/subscriptions/s1/resourceGroups/r/providers/A/b/vm1\","
	"\"/subscriptions/s1/resourceGroups/r/providers/A/b/vm1/providers/Microsoft.Security/assessments/k1\",\"k1\","
	"\"High\",\"Unhealthy\",\"{\"\"Enable MFA\"\":\"\"c1\"\",\"\"Other\"\":\"\"c2\"\"}\",\"me\",\"11/15/2026\"\r\n"
	"\"10/31/2026\",\"s1\",\"Subscription\",\"s1\",\"\",\"/subscriptions/s1/providers/Microsoft.Security/"
	"assessments/k2\",\"k2\",\"Low\",\"Not applicable\",\"{}\",\"\",\"\"\r\n",

	"TenantId,TimeGenerated [UTC],RecommendationId,RecommendationName,RecommendationState,AssessedResourceId,"
	"IsSnapshot,Properties\n"
	"t,\"10/31/2026, 6:00:12.123 AM\",/subscriptions/s/x/providers/Microsoft.Security/assessments/k,k,Healthy,"
	"/subscriptions/s/x,true,\"{\"\"resourceDetails\"\":{\"\"id\"\":\"\"/subscriptions/s/y\"\"},\"\"status\"\":"
	"{\"\"code\"\":\"\"Unhealthy\"\",\"\"cause\"\":\"\"Exempt\"\"},\"\"metadata\"\":{\"\"categories\"\":[\"\"C\"\"]}}\"\n"
	",2026-10-30,,k2,,,false,\"{\"\"properties\"\":{\"\"resourceDetails\"\":{\"\"id\"\":\"\"/subscriptions/s/z\"\"},"
	"\"\"status\"\":{\"\"code\"\":\"\"Healthy\"\"}}}\"\n",

	"TimeGenerated,SystemAlertId,AlertName,AlertSeverity,ResourceId,RemediationSteps,Entities,StartTime\r\n"
	"2026-10-31T06:00:00Z,a1,Login,High,,\"[\"\"one\"\",\"\"two\"\"]\",\"[{\"\"Type\"\":\"\"azure-resource\"\","
	"\"\"ResourceId\"\":\"\"/subscriptions/s/r\"\"}]\",10/30/2026 11:40:48 PM\r\n",

	"TimeGenerated,SecureScoresSubscriptionId,ControlId,ControlName,HealthyResources,CurrentScore,MaxScore,"
	"PercentageScore,Properties,RecommendationResourceIds\n"
	"2026-10-31,s,/x/secureScoreControls/c1,MFA,3,4.5,6,75,\"{\"\"definition\"\":{\"\"properties\"\":"
	"{\"\"assessmentDefinitions\"\":[{\"\"id\"\":\"\"/a/k1\"\"},\"\"k2\"\",7]}}}\",\"[\"\"/a/k3\"\"]\"\n",

	"TimeGenerated,ComplianceStandard,ComplianceControl,RecommendationId,State,PassedResources,Properties\n"
	"2026-10-31,CIS,1.1,/x/k,Failed,3,\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"\n",

	"TimeGenerated,AssessedResourceId,ParentRecommendationId,Id,RecommendationState,ResourceDetails\n"
	"2026-10-31,,p,/x/sub/1,Unhealthy,\"{\"\"id\"\":\"\"/subscriptions/s/v\"\"}\"\n",
};

static const char specials[] = {'"', ',', '\n', '\r', '{', '}', '[', ']', ':', '/', '\\', (char)0xC3, (char)0xFF, ' '};

static uint64_t next(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static char pick_byte(uint64_t *rng)
{
	uint64_t r = next(rng);

	return r % 4 ? specials[(r >> 8) % sizeof(specials)] : (char)(r >> 16);
}

/* One random edit of buf[0..*len): replace, insert, delete or repeat a
 * span, or truncate. */
static void mutate(char *buf, size_t *len, uint64_t *rng)
{
	size_t at = *len ? next(rng) % *len : 0, span = 1 + next(rng) % 40;

	if (span > *len - at)
		span = *len - at;
	switch (next(rng) % 5) {
	case 0:
		if (at < *len)
			buf[at] = pick_byte(rng);
		break;
	case 1:
		if (*len + 1 < MAX_LEN) {
			memmove(buf + at + 1, buf + at, *len - at);
			buf[at] = pick_byte(rng);
			(*len)++;
		}
		break;
	case 2:
		memmove(buf + at, buf + at + span, *len - at - span);
		*len -= span;
		break;
	case 3:
		if (*len + span < MAX_LEN) {
			memmove(buf + at + span, buf + at, *len - at);
			*len += span;
		}
		break;
	default:
		*len = at;
	}
}

static void test_mutations(void)
{
	static char buf[MAX_LEN];
	uint64_t rng = 0x9E3779B97F4A7C15u, records = 0, rejected = 0, failed = 0;
	int i, bad_status = 0, count_mismatch = 0;

	for (i = 0; i < MUTANTS; i++) {
		const char *base = corpus[(size_t)i % PST_ARRAY_LEN(corpus)];
		size_t len = strlen(base);
		int k, edits = 1 + (int)(next(&rng) % 4);
		struct pst_sources ing;
		struct dump d = {0};
		int rc;

		memcpy(buf, base, len);
		for (k = 0; k < edits; k++)
			mutate(buf, &len, &rng);
		rc = ingest_text(buf, len, &ing, &d);
		/* without --skip-bad only a file-level data error may stop the read */
		bad_status += rc != PST_OK && rc != PST_EDATA;
		count_mismatch += ing.total_records != d.n;
		records += d.n;
		rejected += ing.rejected;
		failed += ing.failed_files;
		dump_release(&d);
		pst_sources_release(&ing);
	}
	CHECK_INT(bad_status, 0);
	CHECK_INT(count_mismatch, 0);
	/* the loop exercises all three outcomes */
	CHECK(records > 300);
	CHECK(rejected > 100);
	CHECK(failed > 10);
	printf("fuzz: %d mutants, %llu records, %llu rejected, %llu files failed\n", MUTANTS,
	       (unsigned long long)records, (unsigned long long)rejected, (unsigned long long)failed);
}

/* The corpus itself reads cleanly. */
static void test_corpus(void)
{
	size_t i;

	for (i = 0; i < PST_ARRAY_LEN(corpus); i++) {
		struct pst_sources ing;
		struct dump d = {0};

		CHECK_INT(ingest_text(corpus[i], strlen(corpus[i]), &ing, &d), PST_OK);
		CHECK_INT(ing.rejected, 0);
		CHECK(d.n >= 1);
		dump_release(&d);
		pst_sources_release(&ing);
	}
}

int main(void)
{
	RUN(test_corpus);
	RUN(test_mutations);
	return check_summary();
}
