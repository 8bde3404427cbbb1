/* text_diags.c: warnings on standard error (text.h). */
#include "posture/text.h"
#include "posture/utf8.h"

void pst_text_warnings(FILE *fp, const struct pst_diags *d)
{
	pst_text_warnings_if(fp, d, NULL);
}

void pst_text_warnings_if(FILE *fp, const struct pst_diags *d, bool (*keep)(const struct pst_diag *))
{
	struct strbuf line = STRBUF_INIT;
	size_t i;

	for (i = 0; i < d->n; i++) {
		if (d->items[i].kind != PST_DIAG_WARNING || (keep && !keep(&d->items[i])))
			continue;
		strbuf_reset(&line);
		strbuf_addf(&line, "posture: warning: %s: ", pst_diag_code_name(d->items[i].code));
		pst_diag_text(&d->items[i], &line);
		pst_utf8_fputs(strbuf_cstr(&line), fp);
		fputc('\n', fp);
	}
	strbuf_release(&line);
}
