/* text_changes.c: what the diff and verify printers share (text.h). */
#include "posture/jsonw.h"
#include "posture/text.h"
#include "posture/utf8.h"

void pst_text_json_opt(struct pst_jsonw *w, const char *key, const char *s)
{
	pst_jsonw_kv_string(w, key, s && *s ? s : NULL);
}

void pst_text_json_head(struct pst_jsonw *w, const struct pst_review *r)
{
	struct strbuf text = STRBUF_INIT;
	size_t i;

	pst_jsonw_kv_time(w, "from", r->t0);
	pst_jsonw_kv_time(w, "to", r->t1);
	pst_jsonw_key(w, "warnings");
	pst_jsonw_array_begin(w);
	for (i = 0; i < r->warnings.n; i++) {
		strbuf_reset(&text);
		pst_diag_text(&r->warnings.items[i], &text);
		pst_jsonw_object_begin(w);
		pst_jsonw_kv_string(w, "code", pst_diag_code_name(r->warnings.items[i].code));
		pst_jsonw_kv_string(w, "message", strbuf_cstr(&text));
		pst_jsonw_object_end(w);
	}
	pst_jsonw_array_end(w);
	strbuf_release(&text);
}

void pst_text_changes_head(FILE *out, const char *command, const struct pst_review *r)
{
	char a[PST_TIME_BUF], b[PST_TIME_BUF];
	struct strbuf text = STRBUF_INIT;
	size_t i;

	fprintf(out, "posture %s: T0 %s -> T1 %s\n", command, pst_time_format(r->t0, a, sizeof(a)),
	        pst_time_format(r->t1, b, sizeof(b)));
	if (!r->warnings.n)
		return;
	fputs("\nWarnings:\n", out);
	for (i = 0; i < r->warnings.n; i++) {
		strbuf_reset(&text);
		strbuf_addf(&text, "  %s: ", pst_diag_code_name(r->warnings.items[i].code));
		pst_diag_text(&r->warnings.items[i], &text);
		strbuf_addch(&text, '\n');
		pst_utf8_fputs(strbuf_cstr(&text), out);
	}
	strbuf_release(&text);
}
