/* avro_ocf.h: the Avro object container file layer.
 *
 * Reads the header (magic, metadata map, sync marker), then one block at a
 * time: the block header (record count, byte size), its bytes, and the sync
 * marker after it, which is checked before the block is handed out; then
 * decodes the block (codecs null and deflate).  Our own code, not avro-c's
 * file reader: avro-c trusts the sizes it reads (a negative or huge block
 * size becomes a huge allocation), so every size here is checked first.
 *
 * Memory: one block as stored and one decoded, each at most
 * PST_OCF_MAX_BLOCK bytes; the buffers are kept across files.
 * Private to src/ingest/.
 */
#ifndef POSTURE_AVRO_OCF_H
#define POSTURE_AVRO_OCF_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <zlib.h>
#include "posture/common.h"
#include "posture/sha256.h"
#include "posture/strbuf.h"

#define PST_OCF_MAX_BLOCK (64u * 1024u * 1024u)
#define PST_OCF_MAX_META (1024u * 1024u)
#define PST_OCF_SYNC 16

enum pst_ocf_codec { PST_OCF_NULL, PST_OCF_DEFLATE };

struct pst_ocf {
	FILE *fp;                 /* owned while a file is open */
	const char *path;         /* borrowed from pst_ocf_open's caller */
	uint64_t pos;             /* file offset of the next byte */
	unsigned char sync[PST_OCF_SYNC];
	enum pst_ocf_codec codec;
	struct strbuf schema;     /* avro.schema of the open file (JSON text) */
	struct strbuf raw;        /* the current block as stored */
	struct strbuf data;       /* the current block inflated (deflate only) */
	z_stream zs;
	bool zs_live;
	uint64_t bad_at;          /* after PST_EDATA from pst_ocf_next: where, */
	const char *bad_what;     /* and what (a static string), */
	int64_t bad_count;        /* and the records the block claimed (-1: unknown); */
	bool bad_framed;          /* the block was read whole (its sizes held): the next
	                             block starts at pos, no marker search needed */
	struct pst_sha256 sha;    /* of the bytes read so far, while a file is open */
	bool rehash;              /* a resync moved the reader: pst_ocf_finish hashes the file anew */
};

/* One block of records; data is borrowed until the next pst_ocf_next. */
struct pst_ocf_block {
	uint64_t offset;          /* file offset where the block starts */
	uint64_t count;           /* records it holds */
	const unsigned char *data;
	size_t len;
};

void pst_ocf_init(struct pst_ocf *o);
/* Closes any open file and frees the buffers. */
void pst_ocf_release(struct pst_ocf *o);
/* Opens path and reads its header.  PST_ENOINPUT if it cannot be opened,
 * PST_EDATA (err "path: offset N: ...") if it is not a readable container,
 * naming an unsupported codec (the file then stays open for pst_ocf_finish). */
int pst_ocf_open(struct pst_ocf *o, const char *path, struct pst_error *err);
/* Reads the next block; *end = true at a clean end of file.  PST_EDATA when
 * the block is damaged (truncated, bad sizes, wrong sync marker, corrupt
 * deflate data): the file cannot be read further.  PST_EIO on read errors. */
int pst_ocf_next(struct pst_ocf *o, struct pst_ocf_block *b, bool *end, struct pst_error *err);
/* Reads the rest of the open file for its hash and closes it: hex gets the
 * SHA-256 of the file as stored, *size its length (hex "" if no file is
 * open).  After pst_ocf_open failed with PST_EDATA the file is still open
 * for this; PST_EIO on a read error. */
int pst_ocf_finish(struct pst_ocf *o, char hex[PST_SHA256_HEX], uint64_t *size, struct pst_error *err);
/* After damage: reads on from file offset `from` to the end of the next
 * sync marker (pos is then where the next block starts).  False when the
 * file has no further marker. */
bool pst_ocf_resync(struct pst_ocf *o, uint64_t from);
/* Closes the file; keeps the buffers for the next one. */
void pst_ocf_close(struct pst_ocf *o);
/* "null", "deflate" */
const char *pst_ocf_codec_name(enum pst_ocf_codec c);

/* Zig-zag varint of the Avro binary encoding in [*p, end): advances *p;
 * false if it runs past end or over 10 bytes. */
bool pst_avro_get_long(const unsigned char **p, const unsigned char *end, int64_t *out);

#endif
