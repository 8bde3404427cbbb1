/* avro_convert.h: NDJSON export files into Event Hubs Capture files, the
 * way Capture would have stored the same events: each line becomes one
 * Body, whose EnqueuedTimeUtc is the observed time posture gives that line
 * when it reads the NDJSON (so both forms give the same timeline; in
 * Capture's US form, or in ISO 8601 when it has milliseconds).  Lines
 * are sorted by that time and cut into one file per time window, laid out
 * as OUT/NS_HUB/0/YYYY/MM/DD/HH/mm/ss.avro (the window's start).  For the
 * sample generator, tests and tests/tools/ndjson2avro.
 */
#ifndef POSTURE_AVRO_CONVERT_H
#define POSTURE_AVRO_CONVERT_H

#include <stddef.h>
#include <stdint.h>
#include "posture/common.h"

struct pst_capture_convert_opts {
	const char *codec;     /* "deflate" (Capture's) or "null"; files in other codecs avro-c
	                          writes (for tests) keep avro-c's time-seeded sync marker */
	int64_t window_ms;     /* one file per window; 0 = one file */
	size_t block_size;     /* 0 = the writer's default */
	const char *ns_hub;    /* "namespace/hub" folders; NULL = "posture-ns/defender-export" */
	const char *enqueued;  /* NULL, or every line gets this text (for tests: may be a bad time) */
	const char *schema;    /* NULL = the Capture schema (another one: for tests) */
};

struct pst_capture_convert_stats {
	size_t lines;          /* lines written as records */
	size_t skipped;        /* lines that gave no record (left out) */
	size_t files;          /* capture files written */
};

/* Reads the inputs (NDJSON, gzip or not) and writes capture files under
 * out.  PST_EDATA / PST_ENOINPUT when an input cannot be read,
 * PST_ECANTCREAT when a file cannot be written. */
int pst_capture_convert(const char *const *inputs, size_t ninputs, const char *out,
                        const struct pst_capture_convert_opts *o, struct pst_capture_convert_stats *st,
                        struct pst_error *err);

#endif
