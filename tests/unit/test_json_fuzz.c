/* test_json_fuzz.c: a bounded, deterministic mutation loop over the JSON
 * bad-input corpus (tests/bad/json-*) and a few seeds: 2,000 mutants, each
 * read as a file and as an event body.  Under `make test SANITIZE=...` any
 * memory error aborts the run; the reader's promises are checked here. */
#include <dirent.h>
#include "check.h"
#include "../fuzz/fuzz_json_one.h"
#include "posture/strbuf.h"

#define MUTANTS 2000
#define MAX_SEEDS 64

struct rng {
	uint64_t s;
};

static uint64_t rng_next(struct rng *r)
{
	r->s ^= r->s << 13;
	r->s ^= r->s >> 7;
	r->s ^= r->s << 17;
	return r->s;
}

static size_t rng_below(struct rng *r, size_t n)
{
	return n ? (size_t)(rng_next(r) % n) : 0;
}

struct seeds {
	struct strbuf items[MAX_SEEDS];
	size_t n;
};

static void add_seed(struct seeds *s, const char *data, size_t len)
{
	if (s->n == MAX_SEEDS)
		return;
	strbuf_init(&s->items[s->n]);
	strbuf_add(&s->items[s->n++], data, len);
}

static void add_file(struct seeds *s, const char *path)
{
	char buf[4096];
	struct strbuf sb = STRBUF_INIT;
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f)
		return;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(&sb, buf, n);
	fclose(f);
	add_seed(s, sb.buf ? sb.buf : "", sb.len);
	strbuf_release(&sb);
}

static void load_corpus(struct seeds *s)
{
	static const char *const inline_seeds[] = {
		"{\"responses\":{\"200\":{\"body\":{\"value\":[{\"type\":\"Microsoft.Security/secureScores\","
		"\"id\":\"/subscriptions/s/providers/Microsoft.Security/secureScores/ascScore\",\"properties\":"
		"{\"score\":{\"max\":58,\"current\":\"31\"},\"weight\":4}}]}}}}",
		"{\"count\":1,\"data\":[{\"type\":\"Microsoft.Security/assessments/governanceAssignments\",\"id\":"
		"\"/subscriptions/s/resourceGroups/r/providers/Microsoft.Security/assessments/k/governanceAssignments/g\","
		"\"properties\":{\"remediationDueDate\":\"2026-01-01\",\"isGracePeriod\":\"true\"}}]}",
		"{\"records\":[{\"SystemAlertId\":\"a\",\"Intent\":[\"x\",1],\"TimeGenerated\":\"11/13/2024 11:40:48 PM\"}]}\n"
		"{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":[{\"name\":\"RecommendationState\"}],\"rows\":[[\"Healthy\"]]}]}",
	};
	DIR *d = opendir("tests/bad");
	struct dirent *de;
	size_t i;

	for (i = 0; i < PST_ARRAY_LEN(inline_seeds); i++)
		add_seed(s, inline_seeds[i], strlen(inline_seeds[i]));
	while (d && (de = readdir(d)) != NULL) {
		char path[512];
		size_t len = strlen(de->d_name);

		if (strncmp(de->d_name, "json-", 5) != 0 || len < 5 || strcmp(de->d_name + len - 5, ".json") != 0)
			continue;
		snprintf(path, sizeof(path), "tests/bad/%s", de->d_name);
		add_file(s, path);
	}
	if (d)
		closedir(d);
}

/* One random edit: flip, insert a structural byte, delete or duplicate a
 * range, or cut the tail. */
static void mutate(struct rng *r, struct strbuf *sb)
{
	static const char special[] = "{}[]\",:\\\n\r\t\0\xFF\xC3\xEF-0e.";
	size_t len = sb->len, at = rng_below(r, len + 1), n = 1 + rng_below(r, 16);
	struct strbuf tmp = STRBUF_INIT;

	switch (rng_below(r, 5)) {
	case 0:
		if (len)
			sb->buf[rng_below(r, len)] ^= (char)(1u << rng_below(r, 8));
		break;
	case 1:
		strbuf_add(&tmp, sb->buf, at);
		strbuf_addch(&tmp, special[rng_below(r, sizeof(special) - 1)]);
		strbuf_add(&tmp, sb->buf + at, len - at);
		break;
	case 2:
		n = at + n > len ? len - at : n;
		strbuf_add(&tmp, sb->buf, at);
		strbuf_add(&tmp, sb->buf + at + n, len - at - n);
		break;
	case 3:
		n = at + n > len ? len - at : n;
		strbuf_add(&tmp, sb->buf, at + n);
		strbuf_add(&tmp, sb->buf + at, len - at);
		break;
	default:
		sb->len = at;
		break;
	}
	if (tmp.buf) {
		strbuf_reset(sb);
		strbuf_add(sb, tmp.buf, tmp.len);
	}
	strbuf_release(&tmp);
}

static void test_mutants(void)
{
	struct seeds s;
	struct fuzz_json_stats st;
	struct rng r = {0x9E3779B97F4A7C15u};
	struct strbuf cur = STRBUF_INIT;
	size_t i, k;

	memset(&st, 0, sizeof(st));
	s.n = 0;
	load_corpus(&s);
	CHECK(s.n >= 8); /* the inline seeds and the tests/bad/json-* corpus */
	for (i = 0; i < s.n; i++)
		fuzz_json_one(&st, (const unsigned char *)s.items[i].buf, s.items[i].len);
	for (i = 0; i < MUTANTS; i++) {
		const struct strbuf *seed = &s.items[rng_below(&r, s.n)];

		strbuf_reset(&cur);
		strbuf_add(&cur, seed->buf, seed->len);
		for (k = 1 + rng_below(&r, 4); k > 0; k--)
			mutate(&r, &cur);
		fuzz_json_one(&st, (const unsigned char *)(cur.buf ? cur.buf : ""), cur.len);
	}
	CHECK_INT(st.broken, 0);
	CHECK_INT(st.runs, s.n + MUTANTS);
	/* The mutants exercise both sides: records read and records rejected. */
	CHECK(st.records > 1000);
	CHECK(st.rejected > 100);
	CHECK(st.failed > 10);
	printf("fuzz: %lu runs, %lu records, %lu rejected, %lu file errors\n", st.runs, st.records, st.rejected, st.failed);
	for (i = 0; i < s.n; i++)
		strbuf_release(&s.items[i]);
	strbuf_release(&cur);
}

int main(void)
{
	RUN(test_mutants);
	return check_summary();
}
