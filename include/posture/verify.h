/* verify.h: checking claimed fixes against the classified diff.
 *
 * A claims file is CSV with a header row (the text rules of conf.h: UTF-8,
 * optional BOM, LF, CRLF or CR line ends; records split by pst_conf_csv,
 * RFC 4180 quoting).  Columns are found by name, case-insensitively, ignoring
 * blanks, '_' and '-':
 *   resource id     resource_id, resourceid, resource, assessed_resource_id
 *   recommendation  recommendation, recommendation_key, assessment_key, key,
 *                   recommendation_name, recommendation_id, recommendation_display_name,
 *                   display_name, assessment   (a key, a display name or a full assessment id)
 *   team (optional) team, owner_team
 *   ticket (optional) ticket, ticket_id, ticket_number
 * Each claim gets a verdict: verified (remediated), still_failing
 * (Unhealthy at T1), not_a_fix (closed another way: exempted,
 * resource_deleted, ... named by its class) or unknown (no finding
 * Unhealthy at T0 or T1 matches).
 *
 * Ownership: struct pst_claims owns its strings; a struct pst_verify owns
 * its array; its items borrow the claims and the diff items.
 */
#ifndef POSTURE_VERIFY_H
#define POSTURE_VERIFY_H

#include <stddef.h>
#include "posture/diff.h"

#define PST_CLAIMS_MAX_BYTES (16u * 1024u * 1024u)

struct pst_claim {
	size_t line;           /* line of the row in the file */
	char *resource_id;     /* owned */
	char *recommendation;  /* owned */
	char *team;            /* owned; NULL if no column */
	char *ticket;          /* owned; NULL if no column */
};

struct pst_claims {
	struct pst_claim *items;
	size_t n, alloc;
};

void pst_claims_init(struct pst_claims *c);
void pst_claims_release(struct pst_claims *c);
/* Reads a claims file.  Errors name the line: "claims.csv:4: empty resource id". */
int pst_claims_load(struct pst_claims *c, const char *path, struct pst_error *err);
int pst_claims_parse(struct pst_claims *c, const char *path, const char *text, size_t len, struct pst_error *err);

enum pst_verdict { PST_VERDICT_VERIFIED, PST_VERDICT_STILL_FAILING, PST_VERDICT_NOT_A_FIX, PST_VERDICT_UNKNOWN,
	           PST_VERDICT__COUNT };
const char *pst_verdict_name(enum pst_verdict v); /* "verified", "still_failing", ... */

struct pst_verify_item {
	const struct pst_claim *claim;
	enum pst_verdict verdict;
	const struct pst_diff_item *finding; /* the matching finding, or NULL (unknown) */
	const char *detail;                  /* static text: why */
};

struct pst_verify {
	struct pst_verify_item *items;       /* in the order of the claims file */
	size_t n;
	size_t counts[PST_VERDICT__COUNT];
};

/* Judges every claim against d (a diff of e). */
void pst_verify_run(struct pst_verify *v, const struct pst_claims *c, const struct pst_estate *e,
                    const struct pst_diff *d);
void pst_verify_release(struct pst_verify *v);

#endif
