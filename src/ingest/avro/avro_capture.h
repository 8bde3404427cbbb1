/* avro_capture.h: Event Hubs Capture files (Avro): checks the writer
 * schema, then hands out each record's EnqueuedTimeUtc and Body.
 *
 * The container layer is avro_ocf.c; avro-c parses the schema and decodes
 * each record into a generic value, after pst_avro_skip checked the record's
 * bytes (see avro_datum.h).  A struct pst_avro_reader is meant to be reused
 * for every file of a run: the parsed schema, its value class, the value and
 * the block buffers are kept, and a file whose schema text is the same as
 * the previous file's (all files of one Capture) costs no schema work.
 *
 * Damage: a record that does not decode loses the rest of its block (the
 * next block is read); a damaged block (wrong sync marker, bad block header,
 * corrupt deflate data) is skipped up to the next sync marker; a truncated
 * one ends the file.  Both go to sink->damage; records
 * before the damage have already gone to sink->event.
 * Private to src/ingest/.
 */
#ifndef POSTURE_AVRO_CAPTURE_H
#define POSTURE_AVRO_CAPTURE_H

#include <stddef.h>
#include <stdint.h>
#include "posture/common.h"
#include "avro_ocf.h"

#define PST_AVRO_LOST_REST UINT64_MAX /* damage lost the rest of the file */
#define PST_AVRO_LOST_BLOCK (UINT64_MAX - 1) /* a damaged block skipped to the next sync marker
                                                 (msg says how many records) */

/* One Capture record; the strings are borrowed until the callback returns. */
struct pst_avro_event {
	uint64_t index;           /* record number in the file, from 0 */
	uint64_t offset;          /* file offset of the record's block */
	const char *enqueued;     /* EnqueuedTimeUtc as written; NULL if absent */
	const char *body;         /* Body bytes (not NUL-terminated); NULL if null */
	size_t body_len;
};

struct pst_avro_sink {
	/* Each record.  A non-zero status stops the read and is returned. */
	int (*event)(void *ctx, const struct pst_avro_event *ev, struct pst_error *err);
	/* Damage at record index (in the block at offset): lost records were
	 * skipped (0: nothing lost, a warning; PST_AVRO_LOST_REST: the rest of
	 * the file).  msg has no file prefix. */
	void (*damage)(void *ctx, uint64_t index, uint64_t offset, uint64_t lost, const char *msg);
	void *ctx;
};

struct pst_avro_reader;

struct pst_avro_reader *pst_avro_reader_new(void);
void pst_avro_reader_free(struct pst_avro_reader *r); /* NULL is fine */

/* Reads one file.  PST_OK when its header and schema could be read (damage
 * after that is reported to sink->damage); PST_EDATA ("path: not an Event
 * Hubs Capture file: ...", a bad header, an unsupported codec),
 * PST_ENOINPUT, PST_EIO; or the status sink->event returned. */
int pst_avro_read_file(struct pst_avro_reader *r, const char *path, const struct pst_avro_sink *sink,
                       struct pst_error *err);
/* The SHA-256 (hex) and size of the file read last, computed on the bytes
 * as they were read ("" when it could not be opened or read). */
const char *pst_avro_reader_sha256(const struct pst_avro_reader *r, uint64_t *size);
/* The codec of the file read last. */
enum pst_ocf_codec pst_avro_reader_codec(const struct pst_avro_reader *r);
/* How many schemas r has parsed so far (files with the schema of the file
 * before them cost none). */
unsigned long pst_avro_reader_schemas_parsed(const struct pst_avro_reader *r);

#endif
