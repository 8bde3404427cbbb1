/* diff_out.c: output pieces shared by the diff and verify commands. */
#include "posture/diff.h"

void pst_diff_json_head(struct pst_jsonw *w, const struct pst_diff *d)
{
	size_t i;

	pst_jsonw_kv_time(w, "from", d->t0);
	pst_jsonw_kv_time(w, "to", d->t1);
	pst_jsonw_key(w, "warnings");
	pst_jsonw_array_begin(w);
	for (i = 0; i < d->nwarnings; i++) {
		pst_jsonw_object_begin(w);
		pst_jsonw_kv_string(w, "code", pst_dq_kind_name(d->warnings[i].kind));
		pst_jsonw_kv_string(w, "message", d->warnings[i].msg);
		pst_jsonw_object_end(w);
	}
	pst_jsonw_array_end(w);
}

void pst_diff_text_head(FILE *out, const char *command, const struct pst_diff *d)
{
	char a[PST_TIME_BUF], b[PST_TIME_BUF];
	size_t i;

	fprintf(out, "posture %s: T0 %s -> T1 %s\n", command, pst_time_format(d->t0, a, sizeof(a)),
	        pst_time_format(d->t1, b, sizeof(b)));
	if (!d->nwarnings)
		return;
	fputs("\nWarnings:\n", out);
	for (i = 0; i < d->nwarnings; i++)
		fprintf(out, "  %s: %s\n", pst_dq_kind_name(d->warnings[i].kind), d->warnings[i].msg);
}

void pst_diff_warnings_to(FILE *fp, const struct pst_diff *d)
{
	size_t i;

	for (i = 0; i < d->nwarnings; i++)
		fprintf(fp, "posture: warning: %s: %s\n", pst_dq_kind_name(d->warnings[i].kind), d->warnings[i].msg);
}
