/* diagnostics.h: the one type of warnings and rejected records, from every
 * stage (ingest, the completeness checks, the score, the team rules), and the
 * list that every output shows.
 *
 * A diagnostic has a kind (a rejected record or a warning), a code (a stable
 * snake_case name from one table, with the group it is reported under), a
 * place (file, line, byte offset, record index; any may be unknown) and one
 * sentence of message without the place.  pst_diag_text gives the place and
 * message as one line ("teams.conf:12: rule for team ..."), the form every
 * renderer prints.
 *
 * A list may keep only its first `max` diagnostics (0: all) but counts every
 * one it was given, by kind.
 *
 * Ownership: a struct pst_diags owns its array and every file name and
 * message in it; pst_diags_release frees them.  Arguments are copied.
 */
#ifndef POSTURE_DIAGNOSTICS_H
#define POSTURE_DIAGNOSTICS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "posture/common.h"
#include <stdarg.h>
#include "posture/strbuf.h"

enum pst_diag_kind { PST_DIAG_REJECTED, PST_DIAG_WARNING, PST_DIAG__KINDS };

enum pst_diag_code {
	/* reading (the file reports) */
	PST_DC_BAD_RECORD,           /* a record rejected by a reader */
	PST_DC_READ_WARNING,         /* a reader's remark on a file */
	PST_DC_FILE_SKIPPED,         /* a file that could not be read, skipped with --skip-bad */
	/* completeness of the two states compared */
	PST_DC_NO_DATA,              /* T0 or T1 holds no assessment */
	PST_DC_SUBSCRIPTION_MISSING, /* in the data at T0, not covered at T1 */
	PST_DC_CSV_ROW_CAP,          /* a portal CSV at or past a row cap (25,000; ~13,000 older) */
	PST_DC_RECORD_DROP,          /* a subscription's findings fell by more than 20% */
	PST_DC_CONFLICT,             /* same key and time, different status */
	PST_DC_REJECTED,             /* records rejected or files skipped while reading */
	PST_DC_RECONCILE,            /* the counts do not reconcile (a bug) */
	PST_DC_PARTIAL,              /* --allow-partial: the data does not cover the period */
	PST_DC_FIRST_MONTH,          /* no data at or before T0: the state at T1 only */
	/* team rules */
	PST_DC_NO_TEAM_RULES,        /* no rules file: every resource is Unassigned */
	PST_DC_UNUSED_TEAM_RULE,     /* a rule that matched no resource */
	/* score */
	PST_DC_SCORE_DIFFERS,        /* exported and recomputed values apart */
	PST_DC_SCORE_WEIGHTS,        /* weights taken from counts */
	PST_DC_SCORE_UNMAPPED,       /* findings whose control is unknown */
	PST_DC_GOAL,                 /* a goal that cannot be measured */
	/* renamed recommendations (aliases.h) */
	PST_DC_RENAMED,              /* an old key's findings carried over to its new key */
	PST_DC_PDF_SCRIPT,           /* a name in a script the PDF cannot draw or shape */
	PST_DC__COUNT
};

/* "bad_record", "subscription_missing", "unused_team_rule", ... */
const char *pst_diag_code_name(enum pst_diag_code c);
/* What a code means to a reader: "Subscription missing from the last
 * export", ... (a capital first, no full stop). */
const char *pst_diag_code_label(enum pst_diag_code c);
/* The group a code is reported under: "rejected", "ingest", "completeness",
 * "teams", "score". */
const char *pst_diag_code_group(enum pst_diag_code c);
/* Rejected records are PST_DIAG_REJECTED, every other code a warning. */
enum pst_diag_kind pst_diag_code_kind(enum pst_diag_code c);

struct pst_diag_place {
	const char *file;   /* NULL if none */
	uint64_t line;      /* 1-based; 0 unknown */
	uint64_t offset;    /* byte offset in the (decompressed) file */
	uint64_t index;     /* 0-based record index */
};

struct pst_diag {
	enum pst_diag_code code;
	enum pst_diag_kind kind;
	char *file;         /* owned; NULL if none */
	uint64_t line, offset, index;
	uint64_t records;   /* rejected records it stands for: 1, more for a report that
	                       folds several (a damaged gzip stream: ingest_gzip.c); 0 for
	                       a warning */
	char *msg;          /* owned */
};

struct pst_diags {
	struct pst_diag *items;
	size_t n, alloc;
	size_t max;                     /* kept at most (0: all) */
	uint64_t count[PST_DIAG__KINDS]; /* given, kept or not */
};

void pst_diags_init(struct pst_diags *d, size_t max);
void pst_diags_release(struct pst_diags *d);
/* Adds one (at may be NULL).  Returns the diagnostic kept, or NULL when the
 * list is full (it is still counted). */
struct pst_diag *pst_diags_add(struct pst_diags *d, enum pst_diag_code code, const struct pst_diag_place *at,
                               const char *fmt, ...) PST_PRINTF(4, 5);
struct pst_diag *pst_diags_vadd(struct pst_diags *d, enum pst_diag_code code, const struct pst_diag_place *at,
                                const char *fmt, va_list ap);
/* Copies every diagnostic of from into d (counting those from did not keep),
 * each with the records it stands for. */
void pst_diags_append(struct pst_diags *d, const struct pst_diags *from);
/* Warnings (every kind but rejected records) given to d. */
uint64_t pst_diags_warnings(const struct pst_diags *d);

/* Appends "PLACE: MESSAGE" to sb: "FILE:LINE: ", "FILE: record N (offset M): "
 * or "FILE: " as known, nothing without a file. */
void pst_diag_text(const struct pst_diag *d, struct strbuf *sb);
/* Whether it concerns the file as a whole (no line, record or offset). */
bool pst_diag_whole_file(const struct pst_diag *d);
/* The rejected records the kept diagnostics of d stand for (the sum of
 * their records); a list's count beyond it was counted but not kept. */
uint64_t pst_diags_rejected_listed(const struct pst_diags *d);

#endif
