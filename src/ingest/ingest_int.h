/* ingest_int.h: what the ingest driver shares with the format readers.
 * Private to src/ingest/. */
#ifndef POSTURE_INGEST_INT_H
#define POSTURE_INGEST_INT_H

#include "posture/filein.h"
#include "posture/ingest.h"
#include "posture/record.h"

struct pst_avro_reader; /* the Avro reader's state, kept across files (avro_capture.h) */
struct pst_enc;         /* a UTF-16 / UTF-32 to UTF-8 transcoder (ingest_enc.c) */
struct pst_gz_watch;    /* what a gzip file's records did before its damage (ingest_gzip.c) */

enum pst_text_enc { PST_ENC_UTF8, PST_ENC_UTF16LE, PST_ENC_UTF16BE, PST_ENC_UTF32LE, PST_ENC_UTF32BE };
/* The encoding told by a byte-order mark at h (*bom its length), else UTF-8. */
enum pst_text_enc pst_enc_detect(const unsigned char *h, size_t n, size_t *bom);
const char *pst_enc_name(enum pst_text_enc e); /* "UTF-16LE", ... */
/* Whether h looks like UTF-16 text without a byte-order mark. */
bool pst_enc_looks_utf16(const unsigned char *h, size_t n);
/* A transcoder that first reads rest[0..n) (raw bytes after the BOM already
 * read), then in.  Owned by the caller: pst_enc_free. */
struct pst_enc *pst_enc_new(enum pst_text_enc kind, const unsigned char *rest, size_t n);
void pst_enc_free(struct pst_enc *e);
/* Up to n bytes of UTF-8 (*got = 0 at the end). */
int pst_enc_read(struct pst_enc *e, struct pst_filein *in, void *buf, size_t n, size_t *got,
                 struct pst_error *err);

/* One file being read.  Owned by the driver; readers use it. */
struct pst_file_ctx {
	const char *path;
	struct pst_filein *in;          /* the byte stream (NULL for Avro, which opens by path) */
	struct pst_source *rep;
	const struct pst_ingest_opts *opts;
	pst_record_fn fn;
	void *fn_ctx;
	pst_time name_time;             /* from the file or folder name, or PST_TIME_NONE */
	pst_time mtime;                 /* the file's modification time */
	const unsigned char *head;      /* the first bytes of the decompressed stream */
	size_t nhead;                   /* (already consumed from in: pst_fc_read serves them first) */
	size_t head_pos;                /* how much of head pst_fc_read has served */
	char subbuf[256];               /* scratch for pst_emit */
	uint64_t progress_pos;          /* bytes of the file counted as read (progress.h) */
	struct pst_avro_reader **avro;  /* made by pst_read_avro on first use and reused for
	                                   the run's other files; the driver frees it */
	struct pst_enc *enc;            /* UTF-16/32 input: the transcoder in reads through */
	uint64_t skip_lines, skip_bytes;/* blank lines and bytes before head (more than a head
	                                   of whitespace): readers count their lines after them */
	bool damaged;                   /* the gzip stream broke: the rest is not read */
	bool cut;                       /* ... before its end (not a failed check): the last
	                                   record may be cut short */
	struct pst_gz_watch *gz;        /* a gzip file: its rejections and records, for the
	                                   report of a damage (NULL otherwise) */
	bool stream;                    /* a pipe or device named on the command line */
};

#define PST_HEAD_BYTES 4096

/* Completes rec (observed time by precedence, subscription from the
 * resource id, origin path), updates the report and calls the sink.  rec's
 * observed / time_src may be preset by the reader (record or enqueued time);
 * a stream assessment without one falls back to statusChangeDate, then the
 * name, then mtime.  Returns the sink's status. */
int pst_emit(struct pst_file_ctx *fc, struct pst_record *rec, struct pst_error *err);

/* Counts a rejected record (or a warning) and keeps its message. */
void pst_reject(struct pst_file_ctx *fc, const struct pst_origin *at, const char *fmt, ...) PST_PRINTF(3, 4);
void pst_warn(struct pst_file_ctx *fc, const struct pst_origin *at, const char *fmt, ...) PST_PRINTF(3, 4);

/* Sets the file's format (and an optional detail string, copied). */
void pst_set_format(struct pst_file_ctx *fc, enum pst_format f, const char *detail);

/* Gzip damage (ingest_gzip.c, which states the rule).  The driver starts
 * and ends the watch of a gzip file; pst_reject and pst_emit note each
 * rejection and record; pst_fc_read notes the damage; after the reader,
 * pst_gz_reader_failed checks the stream behind a reader's file-level error
 * (PST_OK: it was the damage) and pst_gz_report writes the one report. */
void pst_gz_watch_start(struct pst_file_ctx *fc);
void pst_gz_watch_end(struct pst_file_ctx *fc);
void pst_gz_note_reject(struct pst_file_ctx *fc, const struct pst_origin *at);
void pst_gz_note_emit(struct pst_file_ctx *fc, const struct pst_record *rec);
void pst_gz_note_damage(struct pst_file_ctx *fc);
int pst_gz_reader_failed(struct pst_file_ctx *fc, int rc, struct pst_error *err);
void pst_gz_report(struct pst_file_ctx *fc);

/* Reads decompressed bytes: first the head the driver peeked, then the rest. */
int pst_fc_read(struct pst_file_ctx *fc, void *buf, size_t n, size_t *got, struct pst_error *err);

/* Format readers.  Each reads the whole file through fc and returns PST_OK
 * (with rejected records counted), or a status for a file-level failure with
 * err naming "path:line:col" or "path: offset N". */
int pst_read_json(struct pst_file_ctx *fc, struct pst_error *err);
int pst_read_csv(struct pst_file_ctx *fc, struct pst_error *err);
int pst_read_avro(struct pst_file_ctx *fc, struct pst_error *err);
void pst_avro_reader_free(struct pst_avro_reader *r); /* NULL is fine */

/* For the Avro reader: one JSON document in memory (an event, an array of
 * events, or any shape pst_read_json accepts) read as records.  at gives the
 * origin of the document; enqueued, if not PST_TIME_NONE, is every record's
 * observed time (PST_TS_ENQUEUED). */
int pst_json_ingest_mem(struct pst_file_ctx *fc, const char *buf, size_t len,
                        const struct pst_origin *at, pst_time enqueued, struct pst_error *err);

/* A row of named text cells: a CSV line under its header, or a Log
 * Analytics JSON row object (non-string cells as their JSON text, e.g. the
 * Properties column).  values[i] NULL = absent.  Borrowed, like records.
 * The CSV reader may add fields (a precomputed column index) after these. */
struct pst_row {
	const char *const *names;
	const char *const *values;
	size_t n;
};

/* Tables recognised from their column names. */
enum pst_table {
	PST_TABLE_UNKNOWN,
	PST_TABLE_PORTAL,                  /* portal "Download CSV report", 20 or 27 columns */
	PST_TABLE_SECURITY_RECOMMENDATION, /* Log Analytics tables: */
	PST_TABLE_SECURE_SCORES,
	PST_TABLE_SECURE_SCORE_CONTROLS,
	PST_TABLE_SECURITY_ALERT,
	PST_TABLE_REGULATORY_COMPLIANCE,
	PST_TABLE_NESTED_RECOMMENDATION,
	PST_TABLE_ATTACK_PATH,             /* SecurityAttackPathData */
	PST_TABLE__COUNT
};
const char *pst_table_name(enum pst_table t);  /* "portal", "SecurityRecommendation", ... */
enum pst_table pst_table_detect(const char *const *names, size_t n);
/* Normalizes one row of table t and emits it (or rejects it, with the
 * reason, when it lacks what the record needs).  Returns the sink's status. */
int pst_row_emit(struct pst_file_ctx *fc, enum pst_table t, const struct pst_row *row,
                 const struct pst_origin *at, struct pst_error *err);

/* Content sniffing on the head bytes (after any gzip layer). */
bool pst_sniff_avro(const unsigned char *head, size_t n);
bool pst_sniff_json(const unsigned char *head, size_t n); /* first non-blank byte after BOM is { or [ */

#endif
