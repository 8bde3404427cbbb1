/* aliases.h: renamed recommendations: an old assessment key that became a
 * new one for the same check on the same resources (Defender's grouped
 * recommendations split into individual ones, keys changed as in
 * azure-policy#1595).  The diff (diff.h) treats a finding Unhealthy under
 * the old key at T0 and under the new one at T1 as one finding, still open
 * with its age kept.
 *
 * Files (templates/aliases.conf, shipped; a user's own by `aliases = FILE`
 * in the report settings or --aliases FILE; the text rules of conf.h):
 *   alias OLD-KEY -> NEW-KEY [source "where the renaming is documented"]
 * one entry per line, `#` comments.  An old key may be listed with several
 * new keys (a grouped recommendation split): the first new key found on the
 * resource takes the old finding.  A later entry for the same pair replaces
 * the source of an earlier one.
 *
 * Ownership: struct pst_aliases owns its entries and their strings;
 * pst_aliases_release frees them.
 */
#ifndef POSTURE_ALIASES_H
#define POSTURE_ALIASES_H

#include <stddef.h>
#include "posture/common.h"

#define PST_ALIASES_MAX_FILE (4u * 1024u * 1024u)

struct pst_alias {
	char *old_key, *new_key;  /* as written */
	char *source;             /* the `source` text, or "" */
	char *origin;             /* "FILE:LINE" of the entry */
};

struct pst_aliases {
	struct pst_alias *items;  /* in file order (the shipped file first) */
	size_t n, alloc;
};

void pst_aliases_init(struct pst_aliases *a);
void pst_aliases_release(struct pst_aliases *a);
/* Adds the entries of text (named path in messages) to a.  PST_EDATA with
 * "PATH:LINE: why" for a bad entry (a is left as it was before the call). */
int pst_aliases_parse(struct pst_aliases *a, const char *path, const char *text, size_t len,
                      struct pst_error *err);
/* Reads path and adds its entries. */
int pst_aliases_load(struct pst_aliases *a, const char *path, struct pst_error *err);
/* The shipped templates/aliases.conf (or POSTURE_DATADIR/aliases.conf) when
 * found, then the user's file when given (user may be NULL). */
int pst_aliases_load_default(struct pst_aliases *a, const char *user, struct pst_error *err);

#endif
