/* test_avro.c: Event Hubs Capture (Avro) files written here with avro-c,
 * in both codecs and the Capture layout, read back through the Avro layer
 * (pst_avro_read_file with a sink that keeps what it gets) and through
 * pst_ingest_paths; damaged files: truncated, wrong sync marker, corrupt
 * record data, corrupt deflate data, a schema without Body, an unsupported
 * codec, a Body that is not JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>
#include "check.h"
#include "posture/ingest.h"
#include "posture/strbuf.h"
#include "../../src/ingest/avro/avro_capture.h"
#include "../../src/gen/avro_convert.h"
#include "../../src/gen/avro_writer.h"

#define SUB "00000000-0000-0000-0000-000000000001"
#define VM "/subscriptions/" SUB "/resourceGroups/rg1/providers/Microsoft.Compute/virtualMachines/vm1"
#define ASSESSMENT(key, code)                                                                                      \
	"{\"type\":\"Microsoft.Security/assessments\",\"id\":\"" VM "/providers/Microsoft.Security/assessments/" key \
	"\",\"name\":\"" key "\",\"properties\":{\"resourceDetails\":{\"source\":\"Azure\",\"id\":\"" VM "\"},"      \
	"\"displayName\":\"Machines should be patched\",\"status\":{\"code\":\"" code "\","                         \
	"\"statusChangeDate\":\"2026-10-30T10:51:36.3376828Z\"}},"                                                  \
	"\"securityEventDataEnrichment\":{\"action\":\"Insert\",\"apiVersion\":\"2020-01-01\",\"isSnapshot\":false}}"
#define ALERT                                                                                                       \
	"{\"SystemAlertId\":\"a-1\",\"AlertType\":\"VM_SuspiciousLogin\",\"AlertDisplayName\":\"Suspicious login\","   \
	"\"Severity\":\"High\",\"Status\":\"Active\",\"Intent\":\"InitialAccess\",\"AzureResourceId\":\"" VM "\","     \
	"\"TimeGenerated\":\"2026-10-31T05:59:00Z\",\"ProductName\":\"Microsoft Defender for Cloud\"}"

static const char *const bodies[] = {
	ASSESSMENT("4fb67663-9ab9-475d-b026-8c544cced439", "Unhealthy"),
	"[" ASSESSMENT("1195afff-c881-495e-9bc5-1486211ae03f", "Healthy") "," ASSESSMENT(
		"d1db3318-01ff-16de-29eb-28b344515626", "NotApplicable") "]",
	ALERT,
};
static const char *const times[] = {"10/31/2026 6:00:12 AM", "10/31/2026 6:00:13 PM", "2026-10-31T06:00:14Z"};

static char tmpdir[64];

/* What the Avro layer handed out. */
struct got {
	int events, damages;
	uint64_t index[64], damage_index, lost;
	char body[64][2048];
	char enqueued[64][64];
	char msg[256];
};

static int on_event(void *ctx, const struct pst_avro_event *ev, struct pst_error *err)
{
	struct got *g = ctx;
	size_t n = ev->body_len < sizeof(g->body[0]) - 1 ? ev->body_len : sizeof(g->body[0]) - 1;

	(void)err;
	if (g->events < 64) {
		g->index[g->events] = ev->index;
		memcpy(g->body[g->events], ev->body ? ev->body : "", n);
		g->body[g->events][n] = '\0';
		pst_strlcpy(g->enqueued[g->events], ev->enqueued ? ev->enqueued : "(none)", sizeof(g->enqueued[0]));
	}
	g->events++;
	return PST_OK;
}

static void on_damage(void *ctx, uint64_t index, uint64_t offset, uint64_t lost, const char *msg)
{
	struct got *g = ctx;

	(void)offset;
	if (!g->damages++) {
		g->damage_index = index;
		g->lost = lost;
		pst_strlcpy(g->msg, msg, sizeof(g->msg));
	}
}

static int read_layer(struct pst_avro_reader *r, const char *path, struct got *g, struct pst_error *err)
{
	struct pst_avro_sink sink = {on_event, on_damage, g};

	memset(g, 0, sizeof(*g));
	return pst_avro_read_file(r, path, &sink, err);
}

static const char *tmp_path(const char *rel)
{
	static char buf[4][512];
	static int k;
	char *p = buf[k++ % 4], *s;

	snprintf(p, sizeof(buf[0]), "%s/%s", tmpdir, rel);
	for (s = p + strlen(tmpdir) + 1; (s = strchr(s, '/')) != NULL; s++) {
		*s = '\0';
		mkdir(p, 0755);
		*s = '/';
	}
	return p;
}

/* Writes n records: body i % 3 (or "BODY-<i>-<pad>" when plain), time i % 3. */
static int write_file(const char *path, const char *codec, size_t block, const char *schema, int n, int plain)
{
	struct pst_capture_writer w;
	struct pst_error err;
	int i, rc = pst_capture_writer_open(&w, path, codec, block, schema, &err);

	if (rc) {
		printf("     %s\n", err.msg);
		return rc;
	}
	for (i = 0; i < n && rc == PST_OK; i++) {
		char b[64];

		snprintf(b, sizeof(b), "BODY-%02d-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", i);
		rc = pst_capture_writer_add(&w, times[i % 3], plain ? b : bodies[i % 3], strlen(plain ? b : bodies[i % 3]),
		                            &err);
	}
	if (rc == PST_OK)
		rc = pst_capture_writer_close(&w, &err);
	else
		pst_capture_writer_close(&w, NULL);
	if (rc)
		printf("     %s\n", err.msg);
	return rc;
}

static long file_size(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

static unsigned char *slurp(const char *path, long *n)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf;

	*n = file_size(path);
	buf = xmalloc((size_t)(*n > 0 ? *n : 1));
	if (!f || fread(buf, 1, (size_t)*n, f) != (size_t)*n)
		*n = -1;
	if (f)
		fclose(f);
	return buf;
}

static unsigned char *find(unsigned char *buf, long n, const char *needle)
{
	size_t k = strlen(needle);
	long i;

	for (i = 0; i + (long)k <= n; i++) {
		if (memcmp(buf + i, needle, k) == 0)
			return buf + i;
	}
	return NULL;
}

static void spit(const char *path, const unsigned char *buf, long n)
{
	FILE *f = fopen(path, "wb");

	CHECK(f != NULL);
	if (!f)
		return;
	CHECK(fwrite(buf, 1, (size_t)n, f) == (size_t)n);
	CHECK(fclose(f) == 0);
}

static void check_round_trip(const char *codec, const char *rel)
{
	const char *path = tmp_path(rel);
	struct pst_avro_reader *r = pst_avro_reader_new();
	struct pst_error err;
	struct got *g = xcalloc(1, sizeof(*g));
	int i;

	CHECK_INT(write_file(path, codec, 0, NULL, 6, 0), PST_OK);
	CHECK_INT(read_layer(r, path, g, &err), PST_OK);
	CHECK_INT(g->events, 6);
	CHECK_INT(g->damages, 0);
	for (i = 0; i < 6 && i < g->events; i++) {
		CHECK_INT(g->index[i], i);
		CHECK_STR(g->body[i], bodies[i % 3]);
		CHECK_STR(g->enqueued[i], times[i % 3]);
	}
	CHECK_STR(pst_ocf_codec_name(pst_avro_reader_codec(r)), codec);
	pst_avro_reader_free(r);
	free(g);
}

static void test_round_trip_null(void)
{
	check_round_trip("null", "null/ns/hub/0/2026/10/31/06/00/12.avro");
}

static void test_round_trip_deflate(void)
{
	check_round_trip("deflate", "deflate/ns/hub/0/2026/10/31/06/00/12.avro");
}

/* Files with the schema of the file before them cost no schema parse. */
static void test_schema_reused(void)
{
	static const char plain_body[] = "{\"type\":\"record\",\"name\":\"EventData\",\"fields\":["
	                                 "{\"name\":\"EnqueuedTimeUtc\",\"type\":\"string\"},{\"name\":\"Body\",\"type\":\"bytes\"}]}";
	struct pst_avro_reader *r = pst_avro_reader_new();
	struct pst_error err;
	struct got *g = xcalloc(1, sizeof(*g));
	const char *a = tmp_path("reuse/a.avro"), *b = tmp_path("reuse/b.avro"), *c = tmp_path("reuse/c.avro");

	CHECK_INT(write_file(a, "deflate", 0, NULL, 3, 0), PST_OK);
	CHECK_INT(write_file(b, "null", 0, NULL, 4, 0), PST_OK);
	CHECK_INT(write_file(c, "null", 0, plain_body, 2, 0), PST_OK);
	CHECK_INT(read_layer(r, a, g, &err), PST_OK);
	CHECK_INT(read_layer(r, b, g, &err), PST_OK);
	CHECK_INT(g->events, 4);
	CHECK_INT(pst_avro_reader_schemas_parsed(r), 1);
	CHECK_INT(read_layer(r, c, g, &err), PST_OK);
	CHECK_INT(g->events, 2);
	CHECK_STR(g->body[1], bodies[1]);
	CHECK_STR(g->enqueued[1], times[1]);
	CHECK_INT(pst_avro_reader_schemas_parsed(r), 2);
	CHECK_INT(read_layer(r, a, g, &err), PST_OK);
	CHECK_INT(g->events, 3);
	pst_avro_reader_free(r);
	free(g);
}

static void test_schema_without_body(void)
{
	static const char no_body[] = "{\"type\":\"record\",\"name\":\"EventData\",\"fields\":["
	                              "{\"name\":\"SequenceNumber\",\"type\":\"long\"},{\"name\":\"EnqueuedTimeUtc\",\"type\":\"string\"}]}";
	const char *path = tmp_path("nobody/x.avro");
	struct pst_avro_reader *r = pst_avro_reader_new();
	struct pst_error err;
	struct got *g = xcalloc(1, sizeof(*g));
	char want[600];

	CHECK_INT(write_file(path, "null", 0, no_body, 2, 0), PST_OK);
	CHECK_INT(read_layer(r, path, g, &err), PST_EDATA);
	snprintf(want, sizeof(want), "%s: not an Event Hubs Capture file: schema has no Body field", path);
	CHECK_STR(err.msg, want);
	CHECK_INT(g->events, 0);
	pst_avro_reader_free(r);
	free(g);
}

static void test_unsupported_codec(void)
{
	const char *path = tmp_path("codec/x.avro");
	struct pst_avro_reader *r = pst_avro_reader_new();
	struct pst_error err;
	struct got *g = xcalloc(1, sizeof(*g));
	int wrote = write_file(path, "snappy", 0, NULL, 2, 0) == PST_OK;

	CHECK(wrote); /* Debian's avro-c is built with snappy */
	if (wrote) {
		CHECK_INT(read_layer(r, path, g, &err), PST_EDATA);
		CHECK(strstr(err.msg, "unsupported Avro codec 'snappy'") != NULL);
		CHECK(strstr(err.msg, path) == err.msg);
	}
	pst_avro_reader_free(r);
	free(g);
}

/* A file cut in the middle of a block: the blocks before it are read. */
static void test_truncated(void)
{
	const char *path = tmp_path("trunc/x.avro");
	struct pst_avro_reader *r = pst_avro_reader_new();
	struct pst_error err;
	struct got *g = xcalloc(1, sizeof(*g));
	unsigned char *buf;
	long n;
	int i;

	CHECK_INT(write_file(path, "deflate", 4096, NULL, 40, 0), PST_OK);
	buf = slurp(path, &n);
	CHECK(n > 2000);
	spit(path, buf, n * 6 / 10);
	CHECK_INT(read_layer(r, path, g, &err), PST_OK);
	CHECK(g->events > 0 && g->events < 40);
	for (i = 0; i < g->events && i < 40; i++)
		CHECK_INT(g->index[i], i);
	CHECK_INT(g->damages, 1);
	CHECK_INT(g->damage_index, g->events);
	CHECK(g->lost == PST_AVRO_LOST_REST);
	CHECK(strstr(g->msg, "truncated") != NULL);
	free(buf);
	pst_avro_reader_free(r);
	free(g);
}

/* The last sync marker damaged: every block but the last is read. */
static void test_bad_sync(void)
{
	const char *path = tmp_path("sync/x.avro");
	struct pst_avro_reader *r = pst_avro_reader_new();
	struct pst_error err;
	struct got *g = xcalloc(1, sizeof(*g));
	unsigned char *buf;
	long n;

	CHECK_INT(write_file(path, "null", 200, NULL, 10, 1), PST_OK);
	buf = slurp(path, &n);
	buf[n - 3] ^= 0x55;
	spit(path, buf, n);
	CHECK_INT(read_layer(r, path, g, &err), PST_OK);
	CHECK(g->events > 0 && g->events < 10);
	CHECK_STR(g->body[0], "BODY-00-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
	CHECK_INT(g->damages, 1);
	CHECK(strstr(g->msg, "wrong sync marker") != NULL);
	free(buf);
	pst_avro_reader_free(r);
	free(g);
}

/* Offsets of the file's sync marker (its last 16 bytes) in buf. */
static long nth_sync(const unsigned char *buf, long n, int k)
{
	long i;

	for (i = 0; i + 16 <= n; i++)
		if (memcmp(buf + i, buf + n - 16, 16) == 0 && k-- == 0)
			return i;
	return -1;
}

/* Issue 15: a damaged sync marker or corrupt deflate data in a middle
 * block skips that block only: reading goes on after the next marker, and
 * the damage counts the records lost. */
static void test_resync(void)
{
	const char *path = tmp_path("resync/x.avro");
	const char *codecs[2] = {"null", "deflate"};
	int c;

	for (c = 0; c < 2; c++) {
		struct pst_avro_reader *r = pst_avro_reader_new();
		struct pst_error err;
		struct got *g = xcalloc(1, sizeof(*g));
		unsigned char *buf;
		long n, at;

		CHECK_INT(write_file(path, codecs[c], 200, NULL, 10, 1), PST_OK);
		buf = slurp(path, &n);
		at = nth_sync(buf, n, 2); /* 0: the header's, 1: after block 1, 2: after block 2 */
		CHECK(at > 0);
		if (c == 0)
			buf[at + 3] ^= 0x55; /* block 2's marker */
		else
			buf[at - 6] ^= 0xFF; /* inside block 2's deflate data */
		spit(path, buf, n);
		CHECK_INT(read_layer(r, path, g, &err), PST_OK);
		CHECK_INT(g->damages, 1);
		CHECK(g->lost == PST_AVRO_LOST_BLOCK);
		CHECK(strstr(g->msg, "the block (2 records) is skipped; reading goes on at offset") != NULL);
		CHECK(g->events >= 6 && g->events < 10);
		CHECK_STR(g->body[g->events - 1], "BODY-09-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
		CHECK_INT(g->index[g->events - 1], 9); /* the lost records are counted in the index */
		if (g->index[g->events - 1] != 9)
			printf("     codec %s: %s\n", codecs[c], g->msg);
		free(buf);
		pst_avro_reader_free(r);
		free(g);
	}
}

/* A Body length made negative (the case that makes avro-c write before
 * its buffer): that record and the rest of its block are lost, the next
 * blocks are read. */
static void test_corrupt_record(void)
{
	const char *path = tmp_path("corrupt/x.avro");
	struct pst_avro_reader *r = pst_avro_reader_new();
	struct pst_error err;
	struct got *g = xcalloc(1, sizeof(*g));
	unsigned char *buf, *hit;
	long n;

	CHECK_INT(write_file(path, "null", 200, NULL, 10, 1), PST_OK);
	buf = slurp(path, &n);
	hit = find(buf, n, "BODY-01-");
	CHECK(hit != NULL);
	if (hit) {
		hit[-1] = 0x01; /* zig-zag -1 */
		spit(path, buf, n);
	}
	CHECK_INT(read_layer(r, path, g, &err), PST_OK);
	CHECK_INT(g->damages, 1);
	CHECK_INT(g->damage_index, 1);
	CHECK(g->lost >= 1 && g->lost < 10);
	CHECK(strstr(g->msg, "does not match the schema") != NULL);
	CHECK_INT(g->events, 10 - (int)g->lost);
	CHECK_STR(g->body[0], "BODY-00-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
	CHECK_INT(g->index[1], 1 + g->lost);
	free(buf);
	pst_avro_reader_free(r);
	free(g);
}

/* Garbage inside a deflate block: no crash, the damage is reported. */
static void test_corrupt_deflate(void)
{
	const char *path = tmp_path("corrupt-deflate/x.avro");
	struct pst_avro_reader *r = pst_avro_reader_new();
	struct pst_error err;
	struct got *g = xcalloc(1, sizeof(*g));
	unsigned char *buf;
	long n;

	CHECK_INT(write_file(path, "deflate", 4096, NULL, 30, 0), PST_OK);
	buf = slurp(path, &n);
	memset(buf + n / 2, 0xff, 24);
	spit(path, buf, n);
	CHECK_INT(read_layer(r, path, g, &err), PST_OK);
	CHECK(g->damages >= 1);
	CHECK(g->events < 30);
	free(buf);
	pst_avro_reader_free(r);
	free(g);
}

/* The header of a file written here: everything up to and including the
 * first sync marker (the last 16 bytes of the file are that marker). */
static long header_len(const unsigned char *buf, long n)
{
	long i;

	for (i = 0; n > 32 && i + 16 <= n - 16; i++) {
		if (memcmp(buf + i, buf + n - 16, 16) == 0)
			return i + 16;
	}
	return -1;
}

/* A file of the header of path, then block bytes, then the sync marker. */
static void write_with_block(const char *path, const unsigned char *block, long blen)
{
	long n, h;
	unsigned char *buf = slurp(path, &n), *out;

	h = header_len(buf, n);
	CHECK(h > 0);
	if (h > 0) {
		out = xmalloc((size_t)(h + blen + 16));
		memcpy(out, buf, (size_t)h);
		memcpy(out + h, block, (size_t)blen);
		memcpy(out + h + blen, buf + n - 16, 16);
		spit(path, out, h + blen + 16);
		free(out);
	}
	free(buf);
}

/* A block size of 2^62, as avro-c would try to allocate: refused. */
static void test_huge_block_size(void)
{
	static const unsigned char block[] = {0x02, 0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 'x'};
	const char *path = tmp_path("hugeblock/x.avro");
	struct pst_avro_reader *r = pst_avro_reader_new();
	struct pst_error err;
	struct got *g = xcalloc(1, sizeof(*g));

	CHECK_INT(write_file(path, "null", 0, NULL, 1, 0), PST_OK);
	write_with_block(path, block, (long)sizeof(block));
	CHECK_INT(read_layer(r, path, g, &err), PST_OK);
	CHECK_INT(g->events, 0);
	CHECK_INT(g->damages, 1);
	CHECK(strstr(g->msg, "bad block header") != NULL);
	pst_avro_reader_free(r);
	free(g);
}

/* A deflate block that inflates past the 64 MiB limit stops there. */
static void test_deflate_bomb(void)
{
	const char *path = tmp_path("bomb/x.avro");
	struct pst_avro_reader *r = pst_avro_reader_new();
	struct pst_error err;
	struct got *g = xcalloc(1, sizeof(*g));
	unsigned char *zeros = xcalloc(1, 1u << 20), *block = xmalloc(1u << 20);
	z_stream zs;
	int i;

	CHECK_INT(write_file(path, "deflate", 0, NULL, 1, 0), PST_OK);
	memset(&zs, 0, sizeof(zs));
	CHECK(deflateInit2(&zs, 1, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) == Z_OK);
	zs.next_out = block + 8;
	zs.avail_out = (1u << 20) - 8;
	for (i = 0; i < 65; i++) {
		zs.next_in = zeros;
		zs.avail_in = 1u << 20;
		CHECK(deflate(&zs, i == 64 ? Z_FINISH : Z_NO_FLUSH) != Z_STREAM_ERROR);
	}
	block[0] = 0x02; /* one record */
	block[1] = (unsigned char)((zs.total_out * 2) & 0x7f) | 0x80; /* zig-zag size, 3 bytes */
	block[2] = (unsigned char)(((zs.total_out * 2) >> 7) & 0x7f) | 0x80;
	block[3] = (unsigned char)((zs.total_out * 2) >> 14);
	memmove(block + 4, block + 8, zs.total_out);
	write_with_block(path, block, 4 + (long)zs.total_out);
	deflateEnd(&zs);
	CHECK(zs.total_out * 2 < (1u << 21));
	CHECK_INT(read_layer(r, path, g, &err), PST_OK);
	CHECK_INT(g->events, 0);
	CHECK_INT(g->damages, 1);
	CHECK(strncmp(g->msg, "block inflates to more than 64 MiB: the block (1 record) is skipped", 66) == 0);
	free(zeros);
	free(block);
	pst_avro_reader_free(r);
	free(g);
}

/* Header damage is a file-level error naming the file. */
static void test_bad_header(void)
{
	const char *path = tmp_path("header/x.avro");
	struct pst_avro_reader *r = pst_avro_reader_new();
	struct pst_error err;
	struct got *g = xcalloc(1, sizeof(*g));
	unsigned char *buf;
	long n;

	CHECK_INT(write_file(path, "null", 0, NULL, 3, 0), PST_OK);
	buf = slurp(path, &n);
	spit(path, buf, 40);
	CHECK_INT(read_layer(r, path, g, &err), PST_EDATA);
	CHECK(strstr(err.msg, "file ends inside the header") != NULL);
	buf[4] = 0x7f; /* metadata count -64: a block of 64 entries */
	buf[5] = 0x01; /* with a byte size of -1 */
	spit(path, buf, n);
	CHECK_INT(read_layer(r, path, g, &err), PST_EDATA);
	CHECK(strstr(err.msg, path) == err.msg);
	CHECK_INT(g->events, 0);
	free(buf);
	pst_avro_reader_free(r);
	free(g);
}

/* Through the driver: the format, and a Body that is not JSON rejected
 * with its record index while the other records are read. */
static void test_ingest_bad_body(void)
{
	const char *path = tmp_path("badbody/ns/hub/0/2026/10/31/06/00/12.avro");
	struct pst_capture_writer w;
	struct pst_sources ing;
	struct pst_error err;
	const char *paths[1];
	size_t i, found = 0;

	paths[0] = path;
	CHECK_INT(pst_capture_writer_open(&w, path, "deflate", 0, NULL, &err), PST_OK);
	CHECK_INT(pst_capture_writer_add(&w, times[0], bodies[0], strlen(bodies[0]), &err), PST_OK);
	CHECK_INT(pst_capture_writer_add(&w, times[1], "not json at all", 15, &err), PST_OK);
	CHECK_INT(pst_capture_writer_add(&w, times[2], NULL, 0, &err), PST_OK);
	CHECK_INT(pst_capture_writer_close(&w, &err), PST_OK);
	pst_sources_init(&ing);
	CHECK_INT(pst_ingest_paths(&ing, paths, 1, NULL, NULL, NULL, &err), PST_OK);
	CHECK_INT(ing.nfiles, 1);
	CHECK_INT(ing.files[0].format, PST_FMT_AVRO_CAPTURE);
	CHECK_STR(ing.files[0].detail, "deflate");
	CHECK(!ing.files[0].failed);
	CHECK(ing.files[0].rejected >= 2);
	for (i = 0; i < ing.files[0].diags.n; i++) {
		const struct pst_diag *d = &ing.files[0].diags.items[i];

		if (d->kind == PST_DIAG_REJECTED && d->index == 1)
			found |= 1;
		if (d->kind == PST_DIAG_REJECTED && d->index == 2 && strcmp(d->msg, "null Body") == 0)
			found |= 2;
	}
	CHECK_INT(found, 3);
	pst_sources_release(&ing);
}

/* Through the driver: a schema without Body fails the file, by name. */
static void test_ingest_not_capture(void)
{
	static const char no_body[] = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"x\",\"type\":\"long\"}]}";
	const char *path = tmp_path("notcapture/x.avro");
	const char *paths[1];
	struct pst_sources ing;
	struct pst_ingest_opts opts = {.skip_bad = true};
	struct pst_error err;
	char want[600];

	paths[0] = path;
	CHECK_INT(write_file(path, "null", 0, no_body, 1, 0), PST_OK);
	pst_sources_init(&ing);
	CHECK_INT(pst_ingest_paths(&ing, paths, 1, &opts, NULL, NULL, &err), PST_OK);
	CHECK_INT(ing.failed_files, 1);
	snprintf(want, sizeof(want), "%s: not an Event Hubs Capture file: schema has no Body field", path);
	CHECK_STR(ing.files[0].error, want);
	CHECK_INT(ing.files[0].fail_status, PST_EDATA);
	CHECK(ing.files[0].sha256[0] != '\0');
	pst_sources_release(&ing);
}

static bool same_file(const char *a, const char *b)
{
	long na, nb;
	unsigned char *x = slurp(a, &na), *y = slurp(b, &nb);
	bool same = na > 0 && na == nb && memcmp(x, y, (size_t)na) == 0;

	free(x);
	free(y);
	return same;
}

/* The converter: NDJSON lines (gzip too) into windows of the Capture
 * layout, byte-identical from run to run (avro-c's sync marker replaced). */
static void test_convert(void)
{
	struct pst_capture_convert_opts o = {"deflate", 60000, 0, "ns/hub", "10/31/2026 6:00:12 AM", NULL};
	struct pst_capture_convert_stats st;
	struct pst_avro_reader *r = pst_avro_reader_new();
	struct pst_error err;
	struct got *g = xcalloc(1, sizeof(*g));
	const char *in = tmp_path("convert/in.ndjson");
	char a[512], b[512], fa[600], fb[600];
	FILE *f = fopen(in, "w");
	int i;

	CHECK(f != NULL);
	for (i = 0; f && i < 3; i++)
		fprintf(f, "%s\r\n\n", bodies[i]);
	if (f)
		fclose(f);
	pst_strlcpy(a, tmp_path("convert/a"), sizeof(a));
	pst_strlcpy(b, tmp_path("convert/b"), sizeof(b));
	CHECK_INT(pst_capture_convert(&in, 1, a, &o, &st, &err), PST_OK);
	CHECK_INT(st.lines, 3);
	CHECK_INT(st.files, 1);
	CHECK_INT(st.skipped, 0);
	CHECK_INT(pst_capture_convert(&in, 1, b, &o, &st, &err), PST_OK);
	snprintf(fa, sizeof(fa), "%s/ns/hub/0/1970/01/01/00/00/00.avro", a);
	snprintf(fb, sizeof(fb), "%s/ns/hub/0/1970/01/01/00/00/00.avro", b);
	CHECK(same_file(fa, fb));
	CHECK_INT(read_layer(r, fa, g, &err), PST_OK);
	CHECK_INT(g->events, 3);
	CHECK_STR(g->body[2], bodies[2]);
	CHECK_STR(g->enqueued[0], "10/31/2026 6:00:12 AM");
	pst_avro_reader_free(r);
	free(g);
}

/* What a run of pst_ingest_paths handed to its sink. */
struct recs {
	size_t n;
	enum pst_rec_type type[16];
	pst_time observed[16];
	enum pst_time_src src[16];
	uint64_t index[16];
	char key[16][64];
};

static int keep_record(void *ctx, const struct pst_record *rec, struct pst_error *err)
{
	struct recs *rs = ctx;
	const char *key = rec->type == PST_REC_ASSESSMENT ? rec->u.assessment.key : rec->u.alert.system_alert_id;

	(void)err;
	if (rs->n < 16) {
		rs->type[rs->n] = rec->type;
		rs->observed[rs->n] = rec->observed;
		rs->src[rs->n] = rec->time_src;
		rs->index[rs->n] = rec->origin.index;
		pst_strlcpy(rs->key[rs->n], key ? key : "", sizeof(rs->key[0]));
	}
	rs->n++;
	return PST_OK;
}

static int ingest_one(const char *path, struct pst_sources *ing, struct recs *rs)
{
	struct pst_error err;

	memset(rs, 0, sizeof(*rs));
	pst_sources_init(ing);
	return pst_ingest_paths(ing, &path, 1, NULL, keep_record, rs, &err);
}

/* Records out of Capture files through the driver, in both codecs: types,
 * enqueued times, origins (the Avro record number). */
static void check_capture_records(const char *codec)
{
	static const int64_t want_index[] = {0, 1, 1, 2, 3, 4, 4, 5};
	char rel[128];
	const char *path;
	struct pst_sources ing;
	struct recs *rs = xcalloc(1, sizeof(*rs));
	size_t i;

	snprintf(rel, sizeof(rel), "records-%s/ns/hub/0/2026/10/31/06/00/12.avro", codec);
	path = tmp_path(rel);
	CHECK_INT(write_file(path, codec, 0, NULL, 6, 0), PST_OK);
	CHECK_INT(ingest_one(path, &ing, rs), PST_OK);
	CHECK_INT(rs->n, 8);
	CHECK_INT(ing.records[PST_REC_ASSESSMENT], 6);
	CHECK_INT(ing.records[PST_REC_ALERT], 2);
	CHECK_INT(ing.files[0].rejected + ing.files[0].warnings, 0);
	CHECK_INT(ing.files[0].time_src[PST_TS_ENQUEUED], 8);
	for (i = 0; i < 8 && i < rs->n; i++) {
		pst_time t = PST_TIME_NONE;

		CHECK_INT(rs->index[i], want_index[i]);
		CHECK(pst_time_parse_str(times[want_index[i] % 3], &t));
		CHECK_INT(rs->observed[i], t);
		CHECK_INT(rs->src[i], PST_TS_ENQUEUED);
	}
	CHECK_INT(rs->type[0], PST_REC_ASSESSMENT);
	CHECK_STR(rs->key[0], "4fb67663-9ab9-475d-b026-8c544cced439");
	CHECK_STR(rs->key[2], "d1db3318-01ff-16de-29eb-28b344515626");
	CHECK_INT(rs->type[3], PST_REC_ALERT);
	CHECK_STR(rs->key[3], "a-1");
	CHECK_INT(rs->observed[3], pst_time_make(2026, 10, 31, 6, 0, 14));
	CHECK_INT(rs->observed[1], pst_time_make(2026, 10, 31, 18, 0, 13));
	pst_sources_release(&ing);
	free(rs);
}

static void test_capture_records_null(void)
{
	check_capture_records("null");
}

static void test_capture_records_deflate(void)
{
	check_capture_records("deflate");
}

/* The same events as NDJSON and as Capture files (made by the converter)
 * read the same: counts by type, stream/snapshot, times, subscriptions,
 * and record by record. */
static void test_same_as_ndjson(void)
{
	struct pst_capture_convert_opts o = {"deflate", 60000, 0, NULL, NULL, NULL};
	struct pst_capture_convert_stats st;
	struct pst_sources a, b;
	struct recs *ra = xcalloc(1, sizeof(*ra)), *rb = xcalloc(1, sizeof(*rb));
	struct pst_error err;
	const char *nd = tmp_path("same/events.ndjson");
	char out[512];
	FILE *f = fopen(nd, "w");
	size_t i;

	for (i = 0; f && i < 3; i++)
		fprintf(f, "%s\n", bodies[i]);
	if (f)
		fclose(f);
	pst_strlcpy(out, tmp_path("same/capture/x"), sizeof(out));
	out[strlen(out) - 2] = '\0';
	CHECK_INT(pst_capture_convert(&nd, 1, out, &o, &st, &err), PST_OK);
	CHECK_INT(st.files, 2);
	CHECK_INT(ingest_one(nd, &a, ra), PST_OK);
	CHECK_INT(ingest_one(out, &b, rb), PST_OK);
	CHECK_INT(b.nfiles, 2);
	CHECK_INT(ra->n, 4);
	if (b.nfiles != 2 || a.nfiles != 1 || ra->n != 4)
		goto out;
	CHECK_INT(rb->n, ra->n);
	CHECK_INT(b.total_records, a.total_records);
	for (i = 0; i < PST_REC__COUNT; i++)
		CHECK_INT(b.records[i], a.records[i]);
	CHECK_INT(b.files[0].stream_records + b.files[1].stream_records, a.files[0].stream_records);
	CHECK_INT(b.files[0].tmin, a.files[0].tmin);
	CHECK_INT(b.files[1].tmax, a.files[0].tmax);
	CHECK(a.files[0].nsubscriptions == 1 && b.files[0].nsubscriptions == 1);
	if (a.files[0].nsubscriptions && b.files[0].nsubscriptions)
		CHECK_STR(b.files[0].subscriptions[0], a.files[0].subscriptions[0]);
	for (i = 0; i < ra->n && i < 16; i++) {
		CHECK_INT(rb->type[i], ra->type[i]);
		CHECK_INT(rb->observed[i], ra->observed[i]);
		CHECK_STR(rb->key[i], ra->key[i]);
	}
out:
	pst_sources_release(&a);
	pst_sources_release(&b);
	free(ra);
	free(rb);
}

/* The records part of inspect's "total:" line, after "files (0 failed), "
 * (checked to name nfiles files); "" if absent.  Static buffer per call
 * parity, for comparing two. */
static const char *total_line(const char *path, size_t nfiles)
{
	static char buf[2][1024];
	static int k;
	char *b = buf[k++ % 2], want[64], line[1024];
	FILE *f = fopen(path, "r");

	b[0] = '\0';
	snprintf(want, sizeof(want), "total: %zu files (0 failed), ", nfiles);
	while (f && fgets(line, sizeof(line), f)) {
		if (strncmp(line, want, strlen(want)) == 0)
			pst_strlcpy(b, line + strlen(want), sizeof(buf[0]));
	}
	if (f)
		fclose(f);
	return b;
}

/* Runs "$POSTURE ARGS DIR > out"; returns the exit status. */
static int run_posture(const char *posture, const char *args, const char *dir, const char *out)
{
	char cmd[2048];

	snprintf(cmd, sizeof(cmd), "'%s' %s '%s' >'%s' 2>/dev/null", posture, args, dir, out);
	return system(cmd);
}

/* posture inspect and posture diff on the golden CE exports and on their
 * Capture form give the same totals and the same diff. */
static void test_same_cli_results(void)
{
	static const char *const names[] = {"snapshot-2026-09-30.ndjson", "snapshot-2026-10-31.ndjson",
	                                    "stream-october.ndjson"};
	struct pst_capture_convert_opts o = {"deflate", 60000, 0, NULL, NULL, NULL};
	struct pst_capture_convert_stats st;
	const char *posture = getenv("POSTURE"), *tests = getenv("TESTS_DIR"), *in[3];
	char ce[512], paths[3][600], avro[512], out[4][512];
	struct pst_error err;
	size_t i;

	if (!posture || !tests) {
		check_skip("POSTURE or TESTS_DIR not set (run it with make test)");
		return;
	}
	snprintf(ce, sizeof(ce), "%s/golden/diff/classes/ce", tests);
	for (i = 0; i < 3; i++) {
		snprintf(paths[i], sizeof(paths[i]), "%s/%s", ce, names[i]);
		in[i] = paths[i];
	}
	pst_strlcpy(avro, tmp_path("cli/avro"), sizeof(avro));
	for (i = 0; i < 4; i++)
		pst_strlcpy(out[i], tmp_path(i == 0 ? "cli/nd.json" : i == 1 ? "cli/av.json" : i == 2 ? "cli/nd.txt" : "cli/av.txt"),
		            sizeof(out[i]));
	CHECK_INT(pst_capture_convert(in, 3, avro, &o, &st, &err), PST_OK);
	CHECK(st.files > 3);
	CHECK_INT(st.skipped, 0);
	CHECK_INT(run_posture(posture, "diff --period 2026-10 --format json", ce, out[0]), 0);
	CHECK_INT(run_posture(posture, "diff --period 2026-10 --format json", avro, out[1]), 0);
	CHECK(file_size(out[0]) > 1000);
	CHECK(same_file(out[0], out[1]));
	CHECK_INT(run_posture(posture, "inspect", ce, out[2]), 0);
	CHECK_INT(run_posture(posture, "inspect", avro, out[3]), 0);
	CHECK_STR(total_line(out[3], (size_t)st.files), total_line(out[2], 3));
}

static void test_capture_time_format(void)
{
	char buf[40];
	pst_time t;

	CHECK_STR(pst_capture_time_format(pst_time_make(2026, 10, 31, 6, 0, 12), buf, sizeof(buf)), "10/31/2026 6:00:12 AM");
	CHECK_STR(pst_capture_time_format(pst_time_make(2026, 1, 5, 0, 7, 9), buf, sizeof(buf)), "1/5/2026 12:07:09 AM");
	CHECK_STR(pst_capture_time_format(pst_time_make(2026, 11, 1, 23, 59, 59), buf, sizeof(buf)), "11/1/2026 11:59:59 PM");
	CHECK(pst_time_parse_str("1/5/2026 12:07:09 AM", &t) && t == pst_time_make(2026, 1, 5, 0, 7, 9));
	CHECK(pst_time_parse_str("10/31/2026 6:00:13 PM", &t) && t == pst_time_make(2026, 10, 31, 18, 0, 13));
}

int main(void)
{
	char cmd[128];
	int rc;

	pst_strlcpy(tmpdir, "/tmp/pst-test-avro-XXXXXX", sizeof(tmpdir));
	if (!mkdtemp(tmpdir)) {
		printf("FAIL cannot make a temporary folder\n0 passed, 1 failed\n");
		return 1;
	}
	RUN(test_round_trip_null);
	RUN(test_round_trip_deflate);
	RUN(test_schema_reused);
	RUN(test_schema_without_body);
	RUN(test_unsupported_codec);
	RUN(test_truncated);
	RUN(test_bad_sync);
	RUN(test_resync);
	RUN(test_corrupt_record);
	RUN(test_corrupt_deflate);
	RUN(test_bad_header);
	RUN(test_huge_block_size);
	RUN(test_deflate_bomb);
	RUN(test_ingest_bad_body);
	RUN(test_ingest_not_capture);
	RUN(test_convert);
	RUN(test_capture_records_null);
	RUN(test_capture_records_deflate);
	RUN(test_same_as_ndjson);
	RUN(test_same_cli_results);
	RUN(test_capture_time_format);
	rc = check_summary();
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		printf("warning: could not remove %s\n", tmpdir);
	return rc;
}
