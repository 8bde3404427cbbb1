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
#include "posture/review.h"
#include "posture/sources.h"

enum pst_outfmt { PST_OUT_TEXT, PST_OUT_CSV, PST_OUT_JSON };

/* The one form of warnings on standard error, one line each:
 *   posture: warning: CODE: PLACE: MESSAGE
 * in the list's order.  Unless verbose, at most PST_TEXT_EXAMPLES of each
 * kind (code), the last followed by
 *   posture: warning: CODE: and N more of this kind (M in all; --verbose lists every one) */
#define PST_TEXT_EXAMPLES 3
void pst_text_warnings(FILE *fp, const struct pst_diags *d, bool verbose);
/* The same for the warnings keep() is true of. */
void pst_text_warnings_if(FILE *fp, const struct pst_diags *d, bool (*keep)(const struct pst_diag *), bool verbose);

/* `posture diff`: the classified findings of r (text_diff.c). */
void pst_text_diff(FILE *out, const struct pst_review *r, enum pst_outfmt fmt);
/* `posture verify`: the claims of r (text_verify.c). */
void pst_text_verify(FILE *out, const struct pst_review *r, enum pst_outfmt fmt);

/* `posture score`: r->score, the goals and the warnings of the score and the
 * team rules (text_score.c, text_score_data.c). */
void pst_text_score(FILE *out, const struct pst_review *r, enum pst_outfmt fmt);
void pst_text_score_csv(FILE *out, const struct pst_review *r);
void pst_text_score_json(FILE *out, const struct pst_review *r);
/* A warning the score shows (groups "score" and "teams", the partial period
 * and the first month), and how many r has. */
bool pst_text_score_warning(const struct pst_diag *d);
size_t pst_text_score_warnings(const struct pst_review *r);

/* `posture report`: the index of a split pack (header, then one row per
 * team pack with the paths of its files relative to the index, the team's
 * governance owners and its headline figures), the short summary beside
 * each team's pack (to paste as the mail body: score share, change,
 * verified fixes, open and overdue, top three actions), and the summary
 * line with the files written (one per line). */
struct pst_csvw;
void pst_text_report_index_head(struct pst_csvw *w);
void pst_text_report_index_row(struct pst_csvw *w, const struct pst_review *r, size_t team, const char *pdf,
                               const char *xlsx, const char *summary);
void pst_text_team_summary(FILE *out, const struct pst_review *r, size_t team, const char *pdf, const char *xlsx);
void pst_text_report_summary(FILE *out, const struct pst_review *r, const char *written);

/* `posture report`: sources.sha256 at path, r->manifest.text as it is
 * (the bytes its manifest hash is over), written atomically. */
int pst_text_manifest_write(const struct pst_review *r, const char *path, struct pst_error *err);

/* `posture inspect`: every file read and the totals (text or JSON). */
void pst_text_inspect(FILE *out, const struct pst_sources *ing, enum pst_outfmt fmt);

/* `posture teams`: r->resources and r->team_resources at r->t1 (text_teams.c). */
void pst_text_teams(FILE *out, const struct pst_review *r, enum pst_outfmt fmt);
/* A warning the teams output shows (the team rules'), and how many r has. */
bool pst_text_teams_warning(const struct pst_diag *d);
size_t pst_text_teams_warnings(const struct pst_review *r);

/* Pieces shared by the two (text_changes.c): the header line and the
 * warnings as text; the "from", "to" and "warnings" keys of the JSON
 * object being written; a string as JSON, null when empty. */
struct pst_jsonw;
void pst_text_changes_head(FILE *out, const char *command, const struct pst_review *r);
void pst_text_json_head(struct pst_jsonw *w, const struct pst_review *r);
void pst_text_json_opt(struct pst_jsonw *w, const char *key, const char *s);

#endif
