/* avro_ocf.c: Avro object container files: header, blocks, sync markers,
 * codecs.  Every size read from the file is checked before it is used. */
#include "avro_ocf.h"

#include <errno.h>
#include <string.h>

#define VARINT_MAX 10

static const unsigned char magic[4] = {'O', 'b', 'j', 1};

void pst_ocf_init(struct pst_ocf *o)
{
	memset(o, 0, sizeof(*o));
	strbuf_init(&o->schema);
	strbuf_init(&o->raw);
	strbuf_init(&o->data);
}

void pst_ocf_close(struct pst_ocf *o)
{
	if (o->fp)
		fclose(o->fp);
	o->fp = NULL;
	pst_sha256_release(&o->sha);
}

void pst_ocf_release(struct pst_ocf *o)
{
	pst_ocf_close(o);
	strbuf_release(&o->schema);
	strbuf_release(&o->raw);
	strbuf_release(&o->data);
	if (o->zs_live)
		inflateEnd(&o->zs);
	pst_ocf_init(o);
}

const char *pst_ocf_codec_name(enum pst_ocf_codec c)
{
	return c == PST_OCF_DEFLATE ? "deflate" : "null";
}

bool pst_avro_get_long(const unsigned char **p, const unsigned char *end, int64_t *out)
{
	uint64_t v = 0;
	unsigned shift = 0;
	const unsigned char *q = *p;

	while (q < end && shift < 7 * VARINT_MAX) {
		v |= (uint64_t)(*q & 0x7f) << shift;
		shift += 7;
		if (!(*q++ & 0x80)) {
			*out = (int64_t)(v >> 1) ^ -(int64_t)(v & 1);
			*p = q;
			return true;
		}
	}
	return false;
}

static int damaged(struct pst_ocf *o, uint64_t at, const char *what, struct pst_error *err)
{
	o->bad_at = at;
	o->bad_what = what;
	return pst_fail(err, PST_EDATA, "%s: offset %llu: %s", o->path, (unsigned long long)at, what);
}

static int read_error(struct pst_ocf *o, struct pst_error *err)
{
	return pst_fail(err, PST_EIO, "%s: read error at offset %llu: %s", o->path,
	                (unsigned long long)o->pos, strerror(errno));
}

/* Reads exactly n bytes; *short_read when the file ends first. */
static int read_exact(struct pst_ocf *o, void *buf, size_t n, bool *short_read, struct pst_error *err)
{
	size_t got = fread(buf, 1, n, o->fp);

	pst_sha256_update(&o->sha, buf, got);
	o->pos += got;
	*short_read = got < n;
	if (got < n && ferror(o->fp))
		return read_error(o, err);
	return PST_OK;
}

/* A varint from the file; *eof if the file ends before its first byte. */
static int read_long(struct pst_ocf *o, int64_t *out, bool *eof, struct pst_error *err)
{
	unsigned char buf[VARINT_MAX];
	const unsigned char *p = buf;
	uint64_t at = o->pos;
	size_t n = 0;
	int c;

	*eof = false;
	do {
		c = getc(o->fp);
		if (c == EOF) {
			if (ferror(o->fp))
				return read_error(o, err);
			*eof = n == 0;
			return n ? damaged(o, at, "file ends inside a number", err) : PST_OK;
		}
		o->pos++;
		buf[n] = (unsigned char)c;
		pst_sha256_update(&o->sha, buf + n++, 1);
	} while ((c & 0x80) && n < VARINT_MAX);
	if (!pst_avro_get_long(&p, buf + n, out))
		return damaged(o, at, "bad variable-length number", err);
	return PST_OK;
}

/* A length (bytes or string) of at most max bytes, read into sb. */
static int read_bytes(struct pst_ocf *o, struct strbuf *sb, size_t max, struct pst_error *err)
{
	uint64_t at = o->pos;
	int64_t len;
	bool eof;
	int rc = read_long(o, &len, &eof, err);

	if (rc)
		return rc;
	if (eof)
		return damaged(o, at, "file ends inside the header", err);
	if (len < 0 || (uint64_t)len > max)
		return damaged(o, at, "bad length in the header", err);
	strbuf_reset(sb);
	strbuf_grow(sb, (size_t)len);
	rc = read_exact(o, sb->buf, (size_t)len, &eof, err);
	if (rc == PST_OK && eof)
		return damaged(o, at, "file ends inside the header", err);
	sb->len = (size_t)len;
	sb->buf[sb->len] = '\0';
	return rc;
}

static int set_codec(struct pst_ocf *o, const struct strbuf *v, uint64_t at, struct pst_error *err)
{
	if (strcmp(strbuf_cstr(v), "null") == 0) {
		o->codec = PST_OCF_NULL;
		return PST_OK;
	}
	if (strcmp(strbuf_cstr(v), "deflate") == 0) {
		o->codec = PST_OCF_DEFLATE;
		return PST_OK;
	}
	return pst_fail(err, PST_EDATA, "%s: offset %llu: unsupported Avro codec '%.40s' (posture reads null and deflate)",
	                o->path, (unsigned long long)at, strbuf_cstr(v));
}

/* One metadata entry: avro.schema and avro.codec are kept, others skipped. */
static int read_meta_entry(struct pst_ocf *o, struct strbuf *key, struct strbuf *val, struct pst_error *err)
{
	uint64_t at;
	int rc = read_bytes(o, key, PST_OCF_MAX_META, err);

	if (rc)
		return rc;
	at = o->pos;
	if (strcmp(key->buf, "avro.schema") == 0)
		return read_bytes(o, &o->schema, PST_OCF_MAX_META, err);
	rc = read_bytes(o, val, PST_OCF_MAX_META, err);
	if (rc == PST_OK && strcmp(key->buf, "avro.codec") == 0)
		rc = set_codec(o, val, at, err);
	return rc;
}

/* The metadata map: blocks of entries, a negative count followed by a
 * byte size, a zero count at the end. */
static int read_meta(struct pst_ocf *o, struct pst_error *err)
{
	struct strbuf key = STRBUF_INIT, val = STRBUF_INIT;
	int64_t count, size, entries = 0;
	bool eof;
	int rc;

	for (;;) {
		uint64_t at = o->pos;

		rc = read_long(o, &count, &eof, err);
		if (rc == PST_OK && eof)
			rc = damaged(o, at, "file ends inside the header", err);
		if (rc == PST_OK && count < 0)
			rc = read_long(o, &size, &eof, err);
		if (rc || count == 0)
			break;
		if (count < 0)
			count = count == INT64_MIN ? 0 : -count;
		entries += count;
		if (count == 0 || entries > 1000) {
			rc = damaged(o, at, "bad metadata map in the header", err);
			break;
		}
		while (rc == PST_OK && count--)
			rc = read_meta_entry(o, &key, &val, err);
		if (rc)
			break;
	}
	strbuf_release(&key);
	strbuf_release(&val);
	return rc;
}

static int read_header(struct pst_ocf *o, struct pst_error *err)
{
	unsigned char m[sizeof(magic)];
	bool short_read;
	int rc = read_exact(o, m, sizeof(m), &short_read, err);

	if (rc)
		return rc;
	if (short_read || memcmp(m, magic, sizeof(m)) != 0)
		return pst_fail(err, PST_EDATA, "%s: not an Avro container file%s", o->path,
		                m[0] == 0x1f && m[1] == 0x8b ? " (gzip-compressed: gunzip it first)" : "");
	rc = read_meta(o, err);
	if (rc)
		return rc;
	if (o->schema.len == 0)
		return damaged(o, o->pos, "the header has no avro.schema", err);
	rc = read_exact(o, o->sync, sizeof(o->sync), &short_read, err);
	if (rc == PST_OK && short_read)
		rc = damaged(o, o->pos, "file ends inside the header", err);
	return rc;
}

int pst_ocf_open(struct pst_ocf *o, const char *path, struct pst_error *err)
{
	int rc;

	pst_ocf_close(o);
	o->path = path;
	o->pos = 0;
	o->codec = PST_OCF_NULL;
	strbuf_reset(&o->schema);
	o->fp = fopen(path, "rb");
	if (!o->fp)
		return pst_fail(err, PST_ENOINPUT, "%s: cannot open: %s", path, strerror(errno));
	pst_sha256_init(&o->sha);
	o->rehash = false;
	rc = read_header(o, err);
	if (rc && rc != PST_EDATA)
		pst_ocf_close(o);
	return rc;
}

int pst_ocf_finish(struct pst_ocf *o, char hex[PST_SHA256_HEX], uint64_t *size, struct pst_error *err)
{
	unsigned char buf[16384];
	bool short_read = false;
	int rc = PST_OK;

	hex[0] = '\0';
	if (!o->fp)
		return PST_OK;
	if (o->rehash) { /* after a resync: the whole file, from its first byte */
		if (fseeko(o->fp, 0, SEEK_SET) != 0)
			return read_error(o, err);
		clearerr(o->fp);
		pst_sha256_release(&o->sha);
		pst_sha256_init(&o->sha);
		o->pos = 0;
		o->rehash = false;
	}
	while (rc == PST_OK && !short_read)
		rc = read_exact(o, buf, sizeof(buf), &short_read, err);
	if (rc == PST_OK) {
		pst_sha256_hex(&o->sha, hex);
		*size = o->pos;
	}
	pst_ocf_close(o);
	return rc;
}

static int inflate_start(struct pst_ocf *o, struct pst_error *err)
{
	if (o->zs_live)
		return inflateReset(&o->zs) == Z_OK ? PST_OK : pst_fail(err, PST_ESOFTWARE, "inflateReset failed");
	memset(&o->zs, 0, sizeof(o->zs));
	if (inflateInit2(&o->zs, -15) != Z_OK)
		return pst_fail(err, PST_ESOFTWARE, "%s: cannot start the deflate decoder", o->path);
	o->zs_live = true;
	return PST_OK;
}

/* Raw deflate (RFC 1951, no zlib header) from raw into data, at most
 * PST_OCF_MAX_BLOCK bytes (one byte more tells it is over). */
static int inflate_block(struct pst_ocf *o, uint64_t at, struct pst_error *err)
{
	int zr = Z_OK, rc = inflate_start(o, err);

	if (rc)
		return rc;
	strbuf_reset(&o->data);
	o->zs.next_in = (unsigned char *)o->raw.buf;
	o->zs.avail_in = (uInt)o->raw.len;
	while (zr == Z_OK && o->data.len <= PST_OCF_MAX_BLOCK) {
		size_t extra = o->data.len < 65536 ? 65536 : o->data.len;

		if (extra > PST_OCF_MAX_BLOCK + 1 - o->data.len)
			extra = PST_OCF_MAX_BLOCK + 1 - o->data.len;
		strbuf_grow(&o->data, extra);
		o->zs.next_out = (unsigned char *)o->data.buf + o->data.len;
		o->zs.avail_out = (uInt)extra;
		zr = inflate(&o->zs, Z_NO_FLUSH);
		o->data.len = (size_t)((char *)o->zs.next_out - o->data.buf);
	}
	if (o->data.len > PST_OCF_MAX_BLOCK)
		return damaged(o, at, "block inflates to more than 64 MiB", err);
	if (zr != Z_STREAM_END)
		return damaged(o, at, "corrupt deflate data in the block", err);
	return PST_OK;
}

static int read_block_header(struct pst_ocf *o, int64_t *count, int64_t *size, bool *end, struct pst_error *err)
{
	uint64_t at = o->pos;
	bool eof;
	int rc = read_long(o, count, end, err);

	if (rc || *end)
		return rc;
	rc = read_long(o, size, &eof, err);
	if (rc == PST_OK && eof)
		rc = damaged(o, at, "file ends inside a block header (truncated)", err);
	if (rc == PST_OK && (*count < 0 || *size < 0 || (uint64_t)*size > PST_OCF_MAX_BLOCK))
		rc = damaged(o, at, "bad block header (negative or over 64 MiB)", err);
	return rc;
}

bool pst_ocf_resync(struct pst_ocf *o, uint64_t from)
{
	unsigned char win[PST_OCF_SYNC];
	size_t n = 0;
	int c;

	if (!o->fp || fseeko(o->fp, (off_t)from, SEEK_SET) != 0)
		return false;
	o->rehash = true; /* the bytes read from here on are not hashed in order */
	clearerr(o->fp);
	o->pos = from;
	while ((c = getc(o->fp)) != EOF) {
		o->pos++;
		if (n == PST_OCF_SYNC) {
			memmove(win, win + 1, PST_OCF_SYNC - 1);
			n--;
		}
		win[n++] = (unsigned char)c;
		if (n == PST_OCF_SYNC && memcmp(win, o->sync, PST_OCF_SYNC) == 0)
			return true;
	}
	return false;
}

int pst_ocf_next(struct pst_ocf *o, struct pst_ocf_block *b, bool *end, struct pst_error *err)
{
	unsigned char sync[PST_OCF_SYNC];
	int64_t count, size;
	bool short_read;
	int rc;

	b->offset = o->pos;
	o->bad_count = -1;
	o->bad_framed = false;
	rc = read_block_header(o, &count, &size, end, err);
	if (rc == PST_OK && !*end)
		o->bad_count = count;
	if (rc || *end)
		return rc;
	strbuf_reset(&o->raw);
	strbuf_grow(&o->raw, (size_t)size);
	rc = read_exact(o, o->raw.buf, (size_t)size, &short_read, err);
	o->raw.len = (size_t)size;
	if (rc == PST_OK && !short_read)
		rc = read_exact(o, sync, sizeof(sync), &short_read, err);
	if (rc)
		return rc;
	if (short_read)
		return damaged(o, b->offset, "file ends inside a block (truncated)", err);
	o->bad_framed = true; /* from here on the block's bytes were all read */
	if (memcmp(sync, o->sync, sizeof(sync)) != 0)
		return damaged(o, o->pos - sizeof(sync), "wrong sync marker after the block", err);
	if (o->codec == PST_OCF_DEFLATE && (rc = inflate_block(o, b->offset, err)) != PST_OK)
		return rc;
	b->count = (uint64_t)count;
	b->data = (const unsigned char *)(o->codec == PST_OCF_DEFLATE ? o->data.buf : o->raw.buf);
	b->len = o->codec == PST_OCF_DEFLATE ? o->data.len : o->raw.len;
	return PST_OK;
}
