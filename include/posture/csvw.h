/* csvw.h: RFC 4180 CSV output.  Fields are quoted when needed; text that a
 * spreadsheet would run as a formula (first character = + - @, or a tab or
 * carriage return) is neutralised with a leading apostrophe.  Strings are
 * sanitized to valid UTF-8.  Lines end with "\n". */
#ifndef POSTURE_CSVW_H
#define POSTURE_CSVW_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "posture/timeutil.h"

struct pst_csvw {
	FILE *fp;       /* borrowed */
	bool line_open; /* a field was written on the current line */
};

void pst_csvw_init(struct pst_csvw *w, FILE *fp);
void pst_csvw_field(struct pst_csvw *w, const char *s);   /* NULL writes an empty field */
void pst_csvw_int(struct pst_csvw *w, int64_t v);
void pst_csvw_double(struct pst_csvw *w, double v);       /* NAN writes an empty field */
void pst_csvw_time(struct pst_csvw *w, pst_time t);
void pst_csvw_bool(struct pst_csvw *w, bool v);           /* "true" / "false" */
void pst_csvw_end(struct pst_csvw *w);                    /* ends the line */
/* Writes a header line from a NULL-terminated list. */
void pst_csvw_header(struct pst_csvw *w, const char *const *names);

#endif
