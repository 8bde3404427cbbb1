/* text.h: the text, CSV and JSON printers of the commands (src/render/text).
 *
 * Like the PDF and XLSX renderers they read models only and compute nothing
 * another output also needs.  Text goes through pst_utf8_fputs (valid UTF-8,
 * no control characters); CSV and JSON through csvw.h and jsonw.h.
 */
#ifndef POSTURE_TEXT_H
#define POSTURE_TEXT_H

#include <stdio.h>
#include "posture/diagnostics.h"

/* The one form of warnings on standard error, one line each:
 *   posture: warning: CODE: PLACE: MESSAGE */
void pst_text_warnings(FILE *fp, const struct pst_diags *d);

#endif
