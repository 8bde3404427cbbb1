/* filein.h: reading an input file as bytes, gunzipped when it is gzip
 * (detected from the magic, not the name), with the raw size and SHA-256
 * computed on the way.  Reads in fixed-size chunks: bounded memory. */
#ifndef POSTURE_FILEIN_H
#define POSTURE_FILEIN_H

#include <stdbool.h>
#include <stdio.h>
#include <zlib.h>
#include "posture/common.h"
#include "posture/sha256.h"

#define PST_FILEIN_CHUNK (256u * 1024u)

/* How a gzip stream broke.  The bytes decoded before the break are handed
 * out first; every read after them fails with PST_EDATA. */
enum pst_gz_damage {
	PST_GZ_INTACT,
	PST_GZ_CORRUPT,   /* zlib stopped on bad compressed data (the rest is not decoded) */
	PST_GZ_CHECK,     /* a member decoded to its end but failed its CRC-32 or length check:
	                     what it decoded may be wrong anywhere */
	PST_GZ_TRUNCATED  /* the file ends inside a member */
};

struct pst_filein {
	const char *path;          /* borrowed */
	FILE *fp;
	bool gzip;
	bool eof;                  /* no more decompressed bytes */
	z_stream zs;
	bool zs_live;
	unsigned char *raw;        /* raw read buffer (gzip only) */
	uint64_t raw_size;         /* raw bytes read so far */
	uint64_t offset;           /* decompressed bytes handed out so far */
	struct pst_sha256 sha;
	uint64_t trailing_at;      /* gzip: raw offset of bytes after the last member that are
	                              not another member (ignored), or 0 */
	enum pst_gz_damage damage;
	uint64_t damage_at;        /* raw offset where zlib stopped (PST_GZ_CHECK: of the trailer) */
	char damage_why[64];       /* zlib's words, "" if none */
	uint64_t member_start;     /* decompressed offset where the member being decoded starts:
	                              the members before it passed their check */
	unsigned char peekbuf[16];
	size_t npeek;
};

/* Opens path; fails with PST_ENOINPUT if it cannot be opened. */
int pst_filein_open(struct pst_filein *in, const char *path, struct pst_error *err);
/* Reads up to n decompressed bytes; *got = 0 at end.  PST_EDATA on a corrupt
 * gzip stream (in->damage says how; the bytes decoded before it come first),
 * PST_EIO on a read error (message names file and offset). */
int pst_filein_read(struct pst_filein *in, void *buf, size_t n, size_t *got, struct pst_error *err);
/* Reads the rest of the raw file (for the hash) and closes; hex gets the
 * SHA-256 of the file as stored on disk. */
int pst_filein_finish(struct pst_filein *in, char hex[PST_SHA256_HEX], struct pst_error *err);
void pst_filein_close(struct pst_filein *in);
/* Hash and size of a whole file without interpreting it. */
int pst_file_sha256(const char *path, char hex[PST_SHA256_HEX], uint64_t *size, struct pst_error *err);

#endif
