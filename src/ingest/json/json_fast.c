/* json_fast.c: one pass over an element's bytes to a pruned cJSON tree
 * (json_fast.h).  The tree is what cJSON would build, less the members no
 * filler reads: same types, values, member order (duplicates kept, so the
 * first case-insensitive match is the same one) and list links.
 *
 * It accepts a strict subset of what cJSON 1.7 accepts, so that declining
 * is the only way to differ: whatever it takes, cJSON takes the same way.
 */
#include "json_fast.h"

#include <limits.h>
#include <locale.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "json_arena.h"
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define FAST_DEPTH 64 /* deeper: declined (cJSON's limit is 1000) */
#define NUM_MAX 63    /* cJSON reads at most 63 bytes of a number */

/* ---- which members the fillers read ---- */

struct schema;
struct skey {
	const char *name;
	size_t len;
	const struct schema *sub; /* an object value pruned by sub; NULL: kept whole */
	bool decline;             /* the fast path declines an element with this member */
};
#define SLOTS 128 /* a power of two, well above the most keys of a schema */
struct schema {
	const struct skey *keys;
	size_t n;
	unsigned char *slot; /* SLOTS: index + 1 of the key hashed there, 0 = empty (schemas_init) */
};
#define K(s, sub) {s, sizeof(s) - 1, sub, false}
#define DECLINE(s) {s, sizeof(s) - 1, NULL, true}
#define SCHEMA(a) {a, sizeof(a) / sizeof(a[0]), (unsigned char[SLOTS]){0}}

static const struct skey envelope_keys[] = {K("action", NULL), K("isSnapshot", NULL)};
static struct schema envelope = SCHEMA(envelope_keys);

/* properties.resourceDetails (assessments, sub-assessments) */
static const struct skey details_keys[] = {
	K("id", NULL),          K("azureResourceId", NULL), K("source", NULL),        K("nativeCloudUniqueIdentifier", NULL),
	K("awsResourceId", NULL), K("gcpResourceId", NULL), K("nativeResourceId", NULL), K("awsArn", NULL),
	K("connectorId", NULL), K("hierarchyId", NULL),     K("awsAccountId", NULL),  K("gcpProjectId", NULL),
	K("accountId", NULL),   K("resourceName", NULL),    K("resourceType", NULL),  K("resourceProvider", NULL),
};
static struct schema details = SCHEMA(details_keys);

/* properties.status (assessments, sub-assessments) */
static const struct skey status_keys[] = {K("code", NULL), K("cause", NULL), K("description", NULL),
                                          K("statusChangeDate", NULL), K("firstEvaluationDate", NULL),
                                          K("severity", NULL)};
static struct schema status = SCHEMA(status_keys);

/* properties.metadata (assessments) */
static const struct skey metadata_keys[] = {K("displayName", NULL), K("severity", NULL), K("categories", NULL),
                                            K("description", NULL), K("remediationDescription", NULL),
                                            K("policyDefinitionId", NULL)};
static struct schema metadata = SCHEMA(metadata_keys);

static const struct skey links_keys[] = {K("azurePortal", NULL), K("azurePortalUri", NULL)};
static struct schema links = SCHEMA(links_keys);

/* properties.additionalData (governance) */
static const struct skey extra_keys[] = {K("ticketNumber", NULL), K("ticketLink", NULL), K("ticketStatus", NULL)};
static struct schema extra = SCHEMA(extra_keys);

/* properties: the union over the covered fillers (pst_jfast_covered) */
static const struct skey props_keys[] = {
	K("resourceDetails", &details), K("status", &status), K("metadata", &metadata), K("links", &links),
	K("additionalData", &extra),    K("risk", NULL),      K("displayName", NULL), K("id", NULL),
	K("category", NULL),            K("categories", NULL), K("description", NULL), K("remediation", NULL),
	K("remediationDescription", NULL), K("timeGenerated", NULL), K("severity", NULL), K("userImpact", NULL),
	K("implementationEffort", NULL), K("policyDefinitionId", NULL), K("assessmentType", NULL), K("threats", NULL),
	K("owner", NULL),               K("remediationDueDate", NULL), K("remediationEta", NULL),
	K("isGracePeriod", NULL),       K("score", NULL),     K("weight", NULL),      K("healthyResourceCount", NULL),
	K("unhealthyResourceCount", NULL), K("notApplicableResourceCount", NULL), K("definition", NULL),
	K("maxScore", NULL),            K("source", NULL),    K("assessmentDefinitions", NULL), K("state", NULL),
	K("passedResources", NULL),     K("failedResources", NULL), K("skippedResources", NULL),
};
static struct schema props = SCHEMA(props_keys);

/* The record itself: its envelope and what classifies it (json_records.c);
 * the columns that make it a Log Analytics row (json_la.c is_la_row, which
 * reads every member) decline. */
static const struct skey top_keys[] = {
	K("id", NULL), K("name", NULL), K("type", NULL), K("tenantId", NULL), K("properties", &props),
	K("securityEventDataEnrichment", &envelope), K("assessmentEventDataEnrichment", &envelope),
	K("subAssessmentEventDataEnrichment", &envelope), K("SystemAlertId", NULL), K("AlertType", NULL),
	DECLINE("RecommendationState"), DECLINE("AssessedResourceId"), DECLINE("SecureScoresSubscriptionId"),
	DECLINE("CurrentScore"), DECLINE("ControlId"), DECLINE("AlertSeverity"), DECLINE("AlertName"),
	DECLINE("ComplianceStandard"), DECLINE("ParentRecommendationId"), DECLINE("NestedRecommendationId"),
};
static struct schema top = SCHEMA(top_keys);

/* ---- the parser ---- */

struct fp {
	const unsigned char *p, *end;
	unsigned depth;
	bool high; /* a byte >= 0x80 was seen (UTF-8 is checked at the end) */
	bool esc;  /* the last string scanned had escapes */
};

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static bool ci_eq(const unsigned char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (lower(a[i]) != lower((unsigned char)b[i]))
			return false;
	return true;
}

/* Where a key of n >= 1 bytes hashes, in any case. */
static size_t key_hash(const unsigned char *k, size_t n)
{
	return (n * 31 + (size_t)lower(k[0]) * 7 + (size_t)lower(k[n - 1])) & (SLOTS - 1);
}

static void schema_init(struct schema *s)
{
	size_t i, h;

	for (i = 0; i < s->n; i++) {
		for (h = key_hash((const unsigned char *)s->keys[i].name, s->keys[i].len); s->slot[h];
		     h = (h + 1) & (SLOTS - 1))
			;
		s->slot[h] = (unsigned char)(i + 1);
	}
}

static void schemas_init(void)
{
	struct schema *all[] = {&envelope, &details, &status, &metadata, &links, &extra, &props, &top};
	size_t i;

	for (i = 0; i < sizeof(all) / sizeof(all[0]); i++)
		schema_init(all[i]);
}

static pthread_once_t schemas_once = PTHREAD_ONCE_INIT;

static const struct skey *find_key(const struct schema *s, const unsigned char *k, size_t n)
{
	size_t h;

	if (!n)
		return NULL;
	for (h = key_hash(k, n); s->slot[h]; h = (h + 1) & (SLOTS - 1)) {
		const struct skey *c = &s->keys[s->slot[h] - 1];

		if (c->len == n && ci_eq(k, c->name, n))
			return c;
	}
	return NULL;
}

static void ws(struct fp *f)
{
	while (f->p < f->end && (*f->p == ' ' || *f->p == '\t' || *f->p == '\r' || *f->p == '\n'))
		f->p++;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = lower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* \uXXXX at p (p[0] == 'u'): its code unit, or -1 if not four hex digits. */
static long hex4(const unsigned char *p, const unsigned char *end)
{
	long v = 0;
	int i, h;

	if (end - p < 5)
		return -1;
	for (i = 1; i <= 4; i++) {
		if ((h = hexval(p[i])) < 0)
			return -1;
		v = v * 16 + h;
	}
	return v;
}

/* A string at f->p ('"'): its text (between the quotes, as written) in
 * *s, *n; f->esc if it has escapes.  Declines control bytes and the
 * escapes cJSON would turn into something else than plain UTF-8. */
/* The first byte at or after p that is a quote, a backslash, a control or
 * a high byte, or a byte less than 16 before end: string text is mostly
 * plain ASCII, skipped 16 (SSE2) or 8 bytes at a time. */
static const unsigned char *plain_run(const unsigned char *p, const unsigned char *end)
{
#ifdef __SSE2__
	const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\'), ctl = _mm_set1_epi8(0x1F);

	while (end - p >= 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
		/* signed compare: high bytes are negative, so "<= 0x1F" catches them too */
		__m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, bslash)),
		                           _mm_cmpgt_epi8(_mm_add_epi8(ctl, _mm_set1_epi8(1)), v));
		int m = _mm_movemask_epi8(hit);

		if (m)
			return p + __builtin_ctz((unsigned)m);
		p += 16;
	}
#else
	const uint64_t ones = UINT64_C(0x0101010101010101), high = UINT64_C(0x8080808080808080);
	uint64_t w, q, b;

	while (end - p >= 8) {
		memcpy(&w, p, 8);
		q = w ^ (ones * '"');
		b = w ^ (ones * '\\');
		if ((((q - ones) & ~q) | ((b - ones) & ~b) | ((w - ones * 0x20) & ~w) | w) & high)
			break;
		p += 8;
	}
#endif
	return p;
}

static bool scan_string(struct fp *f, const unsigned char **s, size_t *n)
{
	const unsigned char *p = f->p + 1, *end = f->end;

	f->esc = false;
	*s = p;
	for (;;) {
		p = plain_run(p, end);
		if (p >= end)
			return false;
		if (*p == '"') {
			*n = (size_t)(p - *s);
			f->p = p + 1;
			return true;
		}
		if (*p == '\\') {
			f->esc = true;
			if (end - p < 2)
				return false;
			switch (p[1]) {
			case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
				p += 2;
				break;
			case 'u': {
				long v = hex4(p + 1, end);

				if (v <= 0 || (v >= 0xD800 && v <= 0xDFFF))
					return false;
				p += 6;
				break;
			}
			default:
				return false;
			}
		} else if (*p < 0x20) {
			return false;
		} else {
			if (*p >= 0x80)
				f->high = true;
			p++;
		}
	}
}

/* The text of a string scanned by scan_string, unescaped as cJSON does. */
static char *string_copy(const unsigned char *s, size_t n, bool esc)
{
	char *d = pst_jarena_alloc(n + 1), *o = d;
	size_t i;

	if (!esc) {
		memcpy(d, s, n);
		d[n] = '\0';
		return d;
	}
	for (i = 0; i < n; i++) {
		long v;

		if (s[i] != '\\') {
			*o++ = (char)s[i];
			continue;
		}
		switch (s[++i]) {
		case 'b': *o++ = '\b'; break;
		case 'f': *o++ = '\f'; break;
		case 'n': *o++ = '\n'; break;
		case 'r': *o++ = '\r'; break;
		case 't': *o++ = '\t'; break;
		case 'u':
			v = hex4(s + i, s + n);
			i += 4;
			if (v < 0x80) {
				*o++ = (char)v;
			} else if (v < 0x800) {
				*o++ = (char)(0xC0 | (v >> 6));
				*o++ = (char)(0x80 | (v & 0x3F));
			} else {
				*o++ = (char)(0xE0 | (v >> 12));
				*o++ = (char)(0x80 | ((v >> 6) & 0x3F));
				*o++ = (char)(0x80 | (v & 0x3F));
			}
			break;
		default: *o++ = (char)s[i]; break; /* " \ / */
		}
	}
	*o = '\0';
	return d;
}

static bool digit(const unsigned char *p, const unsigned char *end)
{
	return p < end && *p >= '0' && *p <= '9';
}

/* A strict JSON number at f->p; its length in *n. */
static bool scan_number(struct fp *f, size_t *n)
{
	const unsigned char *p = f->p, *end = f->end;

	if (p < end && *p == '-')
		p++;
	if (!digit(p, end))
		return false;
	if (*p == '0')
		p++;
	else
		while (digit(p, end))
			p++;
	if (p < end && *p == '.') {
		if (!digit(++p, end))
			return false;
		while (digit(p, end))
			p++;
	}
	if (p < end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < end && (*p == '+' || *p == '-'))
			p++;
		if (!digit(p, end))
			return false;
		while (digit(p, end))
			p++;
	}
	*n = (size_t)(p - f->p);
	if (*n > NUM_MAX)
		return false;
	f->p = p;
	return true;
}

/* "true", "false", "null": the cJSON type, or 0. */
static int scan_literal(struct fp *f)
{
	size_t left = (size_t)(f->end - f->p);

	if (left >= 4 && memcmp(f->p, "true", 4) == 0) {
		f->p += 4;
		return cJSON_True;
	}
	if (left >= 5 && memcmp(f->p, "false", 5) == 0) {
		f->p += 5;
		return cJSON_False;
	}
	if (left >= 4 && memcmp(f->p, "null", 4) == 0) {
		f->p += 4;
		return cJSON_NULL;
	}
	return 0;
}

static bool skip_value(struct fp *f);

/* After a member or element: ',' (*more) or the closing byte. */
static bool next_item(struct fp *f, int close, bool *more)
{
	ws(f);
	if (f->p < f->end && *f->p == ',') {
		f->p++;
		*more = true;
		return true;
	}
	if (f->p < f->end && *f->p == close) {
		f->p++;
		*more = false;
		return true;
	}
	return false;
}

/* At '{' or '[': consumes it and blanks; *empty if it closes at once. */
static bool open_item(struct fp *f, int close, bool *empty)
{
	if (++f->depth > FAST_DEPTH)
		return false;
	f->p++;
	ws(f);
	*empty = f->p < f->end && *f->p == close;
	if (*empty) {
		f->p++;
		f->depth--;
	}
	return true;
}

/* "key": with the blanks around the colon; f->p at the value. */
static bool member_key(struct fp *f, const unsigned char **k, size_t *n)
{
	ws(f);
	if (f->p >= f->end || *f->p != '"' || !scan_string(f, k, n))
		return false;
	ws(f);
	if (f->p >= f->end || *f->p != ':')
		return false;
	f->p++;
	ws(f);
	return f->p < f->end;
}

static bool skip_container(struct fp *f, bool object)
{
	const unsigned char *k;
	bool more = true, empty;
	size_t n;

	if (!open_item(f, object ? '}' : ']', &empty))
		return false;
	if (empty)
		return true;
	while (more) {
		if (object && !member_key(f, &k, &n))
			return false;
		if (!object)
			ws(f);
		if (!skip_value(f) || !next_item(f, object ? '}' : ']', &more))
			return false;
	}
	f->depth--;
	return true;
}

static bool skip_value(struct fp *f)
{
	const unsigned char *s;
	size_t n;

	if (f->p >= f->end)
		return false;
	switch (*f->p) {
	case '"':
		return scan_string(f, &s, &n);
	case '{':
		return skip_container(f, true);
	case '[':
		return skip_container(f, false);
	case '-': case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
		return scan_number(f, &n);
	default:
		return scan_literal(f) != 0;
	}
}

static cJSON *new_node(int type)
{
	cJSON *c = pst_jarena_alloc(sizeof(*c));

	memset(c, 0, sizeof(*c));
	c->type = type;
	return c;
}

/* Links c after tail under parent, as cJSON does (the head's prev is the last). */
static void append(cJSON *parent, cJSON **tail, cJSON *c)
{
	if (!*tail) {
		parent->child = c;
	} else {
		(*tail)->next = c;
		c->prev = *tail;
	}
	*tail = c;
	parent->child->prev = c;
}

static cJSON *number_node(const unsigned char *s, size_t n)
{
	char buf[NUM_MAX + 1], point = localeconv()->decimal_point[0];
	cJSON *c = new_node(cJSON_Number);
	double d;
	size_t i;

	for (i = 0; i < n; i++)
		buf[i] = s[i] == '.' ? point : (char)s[i];
	buf[n] = '\0';
	d = strtod(buf, NULL);
	c->valuedouble = d;
	c->valueint = d >= INT_MAX ? INT_MAX : d <= (double)INT_MIN ? INT_MIN : (int)d;
	return c;
}

static cJSON *build_value(struct fp *f, const struct schema *sub);

static cJSON *build_array(struct fp *f)
{
	cJSON *a = new_node(cJSON_Array), *tail = NULL, *c;
	bool more = true, empty;

	if (!open_item(f, ']', &empty))
		return NULL;
	if (empty)
		return a;
	while (more) {
		ws(f);
		if (!(c = build_value(f, NULL)) || !next_item(f, ']', &more))
			return NULL;
		append(a, &tail, c);
	}
	f->depth--;
	return a;
}

/* Whether a member (key, first byte of its value) would make the element a
 * wrapper (read_json.c wrapper_of): the fast path declines those. */
static bool wrapper_key(const unsigned char *k, size_t n, int c, bool example)
{
	if (c == '[')
		return (n == 5 && ci_eq(k, "value", 5)) || (n == 4 && ci_eq(k, "data", 4)) ||
		       (n == 7 && ci_eq(k, "records", 7)) || (n == 6 && ci_eq(k, "tables", 6));
	return c == '{' && !example && n == 9 && ci_eq(k, "responses", 9);
}

struct build_opts {
	bool wrappers, example;
};

/* An object: every member (sub NULL) or those sub names, the rest skipped. */
static cJSON *build_object(struct fp *f, const struct schema *sub, const struct build_opts *o)
{
	cJSON *obj = new_node(cJSON_Object), *tail = NULL, *c;
	bool more = true, empty;
	const unsigned char *k;
	size_t n;

	if (!open_item(f, '}', &empty))
		return NULL;
	if (empty)
		return obj;
	while (more) {
		const struct skey *want = NULL;

		if (!member_key(f, &k, &n))
			return NULL;
		if (o && o->wrappers && wrapper_key(k, n, *f->p, o->example))
			return NULL;
		if (sub && f->esc)
			return NULL; /* an escaped key might match once unescaped */
		if (sub && (want = find_key(sub, k, n)) != NULL && want->decline)
			return NULL;
		if (sub && !want) {
			if (!skip_value(f))
				return NULL;
		} else {
			char *key = string_copy(k, n, f->esc);

			if (!(c = build_value(f, want ? want->sub : NULL)))
				return NULL;
			c->string = key;
			append(obj, &tail, c);
		}
		if (!next_item(f, '}', &more))
			return NULL;
	}
	f->depth--;
	return obj;
}

static cJSON *build_value(struct fp *f, const struct schema *sub)
{
	const unsigned char *s;
	cJSON *c;
	size_t n;
	int lit;

	if (f->p >= f->end)
		return NULL;
	switch (*f->p) {
	case '"':
		if (!scan_string(f, &s, &n))
			return NULL;
		c = new_node(cJSON_String);
		c->valuestring = string_copy(s, n, f->esc);
		return c;
	case '{':
		return build_object(f, sub, NULL);
	case '[':
		return build_array(f);
	case '-': case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
		s = f->p;
		return scan_number(f, &n) ? number_node(s, n) : NULL;
	default:
		if (!(lit = scan_literal(f)))
			return NULL;
		c = new_node(lit);
		c->valueint = lit == cJSON_True;
		return c;
	}
}

cJSON *pst_jfast_parse(const char *buf, size_t len, bool wrappers, bool example, size_t *used)
{
	struct build_opts o = {wrappers, example};
	struct fp f;
	cJSON *root;
	size_t bad;

	if (!len || buf[0] != '{')
		return NULL;
	pthread_once(&schemas_once, schemas_init);
	f.p = (const unsigned char *)buf;
	f.end = f.p + len;
	f.depth = 0;
	f.high = f.esc = false;
	root = build_object(&f, &top, &o);
	if (!root)
		return NULL;
	*used = (size_t)(f.p - (const unsigned char *)buf);
	if (f.high && !pst_utf8_valid(buf, *used, &bad))
		return NULL; /* the full path names the bad byte */
	return root;
}

bool pst_jfast_covered(const cJSON *root)
{
	static const pst_json_fill_fn covered[] = {
		pst_json_fill_assessment, pst_json_fill_sub,     pst_json_fill_meta,        pst_json_fill_governance,
		pst_json_fill_score,      pst_json_fill_control, pst_json_fill_control_def, pst_json_fill_compliance,
	};
	pst_json_fill_fn fill = pst_json_record_filler(root);
	size_t i;

	if (!fill)
		return false; /* (Log Analytics rows were declined by the parse) */
	for (i = 0; i < sizeof(covered) / sizeof(covered[0]); i++)
		if (fill == covered[i])
			return true;
	return false;
}

static pthread_once_t on_once = PTHREAD_ONCE_INIT;
static bool on;
static int forced = -1;

static void read_on(void)
{
	const char *e = getenv("POSTURE_JSON_FULL");

	on = !(e && *e && strcmp(e, "0") != 0);
}

bool pst_jfast_on(void)
{
	if (forced >= 0)
		return forced == 1;
	pthread_once(&on_once, read_on);
	return on;
}

void pst_jfast_force(int how)
{
	forced = how;
}
