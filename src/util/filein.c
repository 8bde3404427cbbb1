/* filein.c: raw file -> (gunzip) -> bytes, hashing the raw bytes. */
#include "posture/filein.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int pst_filein_open(struct pst_filein *in, const char *path, struct pst_error *err)
{
	size_t n;

	memset(in, 0, sizeof(*in));
	in->path = path;
	in->fp = fopen(path, "rb");
	if (!in->fp)
		return pst_fail(err, PST_ENOINPUT, "%s: cannot open: %s", path, strerror(errno));
	pst_sha256_init(&in->sha);
	n = fread(in->peekbuf, 1, 2, in->fp);
	if (ferror(in->fp)) {
		pst_filein_close(in);
		return pst_fail(err, PST_EIO, "%s: read error: %s", path, strerror(errno));
	}
	in->npeek = n;
	in->raw_size = n;
	pst_sha256_update(&in->sha, in->peekbuf, n);
	in->gzip = n == 2 && in->peekbuf[0] == 0x1f && in->peekbuf[1] == 0x8b;
	if (!in->gzip)
		return PST_OK;
	in->raw = xmalloc(PST_FILEIN_CHUNK);
	if (inflateInit2(&in->zs, 15 + 32) != Z_OK) {
		pst_filein_close(in);
		return pst_fail(err, PST_ESOFTWARE, "%s: cannot start gzip decoder", path);
	}
	in->zs_live = true;
	memcpy(in->raw, in->peekbuf, n);
	in->zs.next_in = in->raw;
	in->zs.avail_in = (uInt)n;
	in->npeek = 0;
	return PST_OK;
}

static int read_raw(struct pst_filein *in, unsigned char *buf, size_t n, size_t *got, struct pst_error *err)
{
	*got = fread(buf, 1, n, in->fp);
	if (*got == 0 && ferror(in->fp))
		return pst_fail(err, PST_EIO, "%s: read error at offset %llu: %s", in->path,
		                (unsigned long long)in->raw_size, strerror(errno));
	in->raw_size += *got;
	pst_sha256_update(&in->sha, buf, *got);
	return PST_OK;
}

static int read_plain(struct pst_filein *in, unsigned char *buf, size_t n, size_t *got, struct pst_error *err)
{
	size_t k = 0;
	int rc;

	if (in->npeek) {
		k = in->npeek < n ? in->npeek : n;
		memcpy(buf, in->peekbuf, k);
		memmove(in->peekbuf, in->peekbuf + k, in->npeek - k);
		in->npeek -= k;
		*got = k;
		return PST_OK;
	}
	rc = read_raw(in, buf, n, got, err);
	if (rc == PST_OK && *got == 0)
		in->eof = true;
	return rc;
}

/* The raw offset of the next compressed byte zlib has not consumed. */
static uint64_t raw_pos(const struct pst_filein *in)
{
	return in->raw_size - in->zs.avail_in;
}

static int damage_error(const struct pst_filein *in, struct pst_error *err)
{
	unsigned long long at = (unsigned long long)in->damage_at;

	if (in->damage == PST_GZ_TRUNCATED)
		return pst_fail(err, PST_EDATA, "%s: offset %llu: truncated gzip stream", in->path, at);
	if (in->damage == PST_GZ_CHECK)
		return pst_fail(err, PST_EDATA, "%s: offset %llu: gzip check failed (%s): the decoded data may be wrong",
		                in->path, at, in->damage_why);
	return pst_fail(err, PST_EDATA, "%s: offset %llu: corrupt gzip stream (%s)", in->path, at, in->damage_why);
}

/* zlib's Z_DATA_ERROR: a failed trailer check (the member was decoded to
 * its end) or bad compressed data (zlib stops there). */
static void note_damage(struct pst_filein *in)
{
	const char *why = in->zs.msg ? in->zs.msg : "inflate error";
	bool check = strcmp(why, "incorrect data check") == 0 || strcmp(why, "incorrect length check") == 0;
	uint64_t at = raw_pos(in);

	in->damage = check ? PST_GZ_CHECK : PST_GZ_CORRUPT;
	in->damage_at = check && at >= 4 ? at - 4 : at;
	snprintf(in->damage_why, sizeof(in->damage_why), "%s", why);
}

static int read_gzip(struct pst_filein *in, unsigned char *buf, size_t n, size_t *got, struct pst_error *err)
{
	int zr, rc;
	size_t r;

	in->zs.next_out = buf;
	in->zs.avail_out = (uInt)(n > UINT32_MAX ? UINT32_MAX : n);
	while (in->zs.avail_out == (uInt)n && !in->eof) {
		if (in->zs.avail_in == 0) {
			rc = read_raw(in, in->raw, PST_FILEIN_CHUNK, &r, err);
			if (rc)
				return rc;
			if (r == 0) {
				in->damage = PST_GZ_TRUNCATED;
				in->damage_at = in->raw_size;
				return damage_error(in, err);
			}
			in->zs.next_in = in->raw;
			in->zs.avail_in = (uInt)r;
		}
		zr = inflate(&in->zs, Z_NO_FLUSH);
		if (zr == Z_STREAM_END) {
			/* This member passed its check.  Concatenated gzip members: go
			 * on if more input follows. */
			in->member_start = in->offset + (n - in->zs.avail_out);
			if (in->zs.avail_in == 0) {
				rc = read_raw(in, in->raw, PST_FILEIN_CHUNK, &r, err);
				if (rc)
					return rc;
				in->zs.next_in = in->raw;
				in->zs.avail_in = (uInt)r;
			}
			if (in->zs.avail_in == 0) {
				in->eof = true;
			} else if (in->zs.next_in[0] != 0x1f || (in->zs.avail_in > 1 && in->zs.next_in[1] != 0x8b)) {
				/* not another member: trailing bytes, ignored (the caller warns) */
				in->trailing_at = raw_pos(in);
				in->eof = true;
			} else {
				inflateReset(&in->zs);
			}
		} else if (zr != Z_OK && zr != Z_BUF_ERROR) {
			note_damage(in);
			if (in->zs.avail_out == (uInt)n)
				return damage_error(in, err);
			break; /* the bytes decoded before it first; the next read fails */
		}
	}
	*got = n - in->zs.avail_out;
	return PST_OK;
}

int pst_filein_read(struct pst_filein *in, void *buf, size_t n, size_t *got, struct pst_error *err)
{
	int rc;

	*got = 0;
	if (in->damage)
		return damage_error(in, err);
	if (in->eof || n == 0)
		return PST_OK;
	rc = in->gzip ? read_gzip(in, buf, n, got, err) : read_plain(in, buf, n, got, err);
	in->offset += *got;
	return rc;
}

int pst_filein_finish(struct pst_filein *in, char hex[PST_SHA256_HEX], struct pst_error *err)
{
	unsigned char buf[16384];
	size_t got;
	int rc;

	do {
		rc = read_raw(in, buf, sizeof(buf), &got, err);
		if (rc)
			return rc;
	} while (got);
	pst_sha256_hex(&in->sha, hex);
	return PST_OK;
}

void pst_filein_close(struct pst_filein *in)
{
	if (in->zs_live)
		inflateEnd(&in->zs);
	in->zs_live = false;
	if (in->fp)
		fclose(in->fp);
	in->fp = NULL;
	free(in->raw);
	in->raw = NULL;
	pst_sha256_release(&in->sha);
}

int pst_file_sha256(const char *path, char hex[PST_SHA256_HEX], uint64_t *size, struct pst_error *err)
{
	struct pst_filein in;
	int rc = pst_filein_open(&in, path, err);

	if (rc)
		return rc;
	in.gzip = false; /* hash only: bytes as stored */
	rc = pst_filein_finish(&in, hex, err);
	if (size)
		*size = in.raw_size;
	pst_filein_close(&in);
	return rc;
}
