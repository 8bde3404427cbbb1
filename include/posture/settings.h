/* settings.h: report settings (templates/report.conf).
 *
 * The file is `key = value` lines with `#` comments; see the template for
 * the keys.  A key is the text before the first '=', the value the rest of
 * the line, both with blanks trimmed ('#' and quotes inside are kept).  The
 * text rules (UTF-8, BOM, LF, CRLF or CR line ends) are those of conf.h.
 * Errors name the line: "report.conf:7: unknown setting 'fo'".
 * Ownership: struct pst_settings owns org; pst_settings_release frees it.
 */
#ifndef POSTURE_SETTINGS_H
#define POSTURE_SETTINGS_H

#include "posture/common.h"
#include "posture/record.h"

struct pst_settings {
	char *org;                         /* owned; NULL if not set */
	char *goals;                       /* owned: the goals file named (`goals = FILE`); NULL if none */
	char *aliases;                     /* owned: the user's aliases file (`aliases = FILE`); NULL if none */
	int overdue_days[PST_SEV_CRITICAL + 1]; /* allowance by severity */
};

/* Built-in defaults: Critical 30, High 30, Medium 60, Low / Info / unknown 90. */
void pst_settings_init(struct pst_settings *s);
void pst_settings_release(struct pst_settings *s);
/* Reads path over the current values.  PST_ENOINPUT if it cannot be opened,
 * PST_EDATA (with "path:line: why") for a bad line. */
int pst_settings_load(struct pst_settings *s, const char *path, struct pst_error *err);
/* Parses text (named path in messages) over the current values. */
int pst_settings_parse(struct pst_settings *s, const char *path, const char *text, struct pst_error *err);
/* Loads `path` if given; else the first of templates/report.conf and
 * POSTURE_DATADIR/report.conf that exists; else keeps the defaults. */
int pst_settings_load_default(struct pst_settings *s, const char *path, struct pst_error *err);
/* Days allowed for a finding of severity sev. */
int pst_settings_allowance(const struct pst_settings *s, enum pst_severity sev);

#endif
