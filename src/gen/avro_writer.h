/* avro_writer.h: writes Event Hubs Capture files (Avro), for tests, the
 * sample generator and tools: the schema Capture writes, records with
 * SequenceNumber, Offset, EnqueuedTimeUtc, SystemProperties (empty),
 * Properties (empty) and Body, through avro-c's file writer.
 *
 * Ownership: the writer owns its avro-c objects until
 * pst_capture_writer_close, which frees them even when it fails.
 */
#ifndef POSTURE_AVRO_WRITER_H
#define POSTURE_AVRO_WRITER_H

#include <avro.h>
#include <stddef.h>
#include <stdint.h>
#include "posture/common.h"
#include "posture/timeutil.h"

/* The writer schema of Event Hubs Capture. */
#define PST_CAPTURE_SCHEMA                                                                                        \
	"{\"type\":\"record\",\"name\":\"EventData\",\"namespace\":\"Microsoft.ServiceBus.Messaging\",\"fields\":["   \
	"{\"name\":\"SequenceNumber\",\"type\":\"long\"},{\"name\":\"Offset\",\"type\":\"string\"},"                  \
	"{\"name\":\"EnqueuedTimeUtc\",\"type\":\"string\"},"                                                         \
	"{\"name\":\"SystemProperties\",\"type\":{\"type\":\"map\",\"values\":[\"long\",\"double\",\"string\",\"bytes\"]}}," \
	"{\"name\":\"Properties\",\"type\":{\"type\":\"map\",\"values\":[\"long\",\"double\",\"string\",\"bytes\",\"null\"]}}," \
	"{\"name\":\"Body\",\"type\":[\"null\",\"bytes\"]}]}"

struct pst_capture_writer {
	const char *path;          /* borrowed */
	avro_schema_t schema;
	avro_value_iface_t *iface;
	avro_value_t value;
	avro_file_writer_t fw;
	int64_t seq;               /* SequenceNumber of the next record */
	int64_t offset;            /* Offset of the next record */
};

/* Creates path (replacing it) with codec "null" or "deflate" (avro-c may
 * know others) and blocks of about block_size bytes (0: 64 KiB; a record
 * must fit in one block).  schema_json NULL = PST_CAPTURE_SCHEMA; another
 * schema gets whichever of the fields above it has. */
int pst_capture_writer_open(struct pst_capture_writer *w, const char *path, const char *codec, size_t block_size,
                            const char *schema_json, struct pst_error *err);
/* Appends a record; enqueued is written as given (Capture's form is
 * pst_capture_time_format's); body NULL writes a null Body. */
int pst_capture_writer_add(struct pst_capture_writer *w, const char *enqueued, const void *body, size_t len,
                           struct pst_error *err);
/* Flushes and closes the file. */
int pst_capture_writer_close(struct pst_capture_writer *w, struct pst_error *err);

/* avro-c picks each file's sync marker from rand() seeded with time(): for
 * byte-identical output, this rewrites every sync marker of a closed file
 * (header and after each block) with one derived from seed (SHA-256). */
int pst_capture_set_sync(const char *path, const char *seed, struct pst_error *err);

/* "10/31/2026 6:00:12 AM", the form Capture writes EnqueuedTimeUtc in. */
char *pst_capture_time_format(pst_time t, char *buf, size_t size);

#endif
