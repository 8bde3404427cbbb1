/* diff_out.c: output pieces shared by the diff and verify commands. */
#include "posture/diff.h"

void pst_diff_json_head(struct pst_jsonw *w, const struct pst_diff *d)
{
	size_t i;

	pst_jsonw_kv_time(w, "from", d->t0);
	pst_jsonw_kv_time(w, "to", d->t1);
	pst_jsonw_key(w, "warnings");
	pst_jsonw_array_begin(w);
	for (i = 0; i < d->warnings.n; i++) {
		struct strbuf text = STRBUF_INIT;

		pst_diag_text(&d->warnings.items[i], &text);
		pst_jsonw_object_begin(w);
		pst_jsonw_kv_string(w, "code", pst_diag_code_name(d->warnings.items[i].code));
		pst_jsonw_kv_string(w, "message", strbuf_cstr(&text));
		pst_jsonw_object_end(w);
		strbuf_release(&text);
	}
	pst_jsonw_array_end(w);
}

void pst_diff_text_head(FILE *out, const char *command, const struct pst_diff *d)
{
	char a[PST_TIME_BUF], b[PST_TIME_BUF];
	size_t i;

	fprintf(out, "posture %s: T0 %s -> T1 %s\n", command, pst_time_format(d->t0, a, sizeof(a)),
	        pst_time_format(d->t1, b, sizeof(b)));
	if (!d->warnings.n)
		return;
	fputs("\nWarnings:\n", out);
	for (i = 0; i < d->warnings.n; i++) {
		struct strbuf text = STRBUF_INIT;

		pst_diag_text(&d->warnings.items[i], &text);
		fprintf(out, "  %s: %s\n", pst_diag_code_name(d->warnings.items[i].code), strbuf_cstr(&text));
		strbuf_release(&text);
	}
}
