/* text_diags.c: warnings on standard error (text.h). */
#include "posture/text.h"
#include "posture/utf8.h"

void pst_text_warnings(FILE *fp, const struct pst_diags *d, bool verbose)
{
	pst_text_warnings_if(fp, d, NULL, verbose);
}

static void put_line(FILE *fp, struct strbuf *line)
{
	pst_utf8_fputs(strbuf_cstr(line), fp);
	fputc('\n', fp);
	strbuf_reset(line);
}

/* Warnings of each kind keep() is true of (all when keep is NULL). */
static void count_kinds(const struct pst_diags *d, bool (*keep)(const struct pst_diag *), uint64_t *n)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (d->items[i].kind == PST_DIAG_WARNING && (!keep || keep(&d->items[i])))
			n[d->items[i].code]++;
}

/* Every warning in the list's order; unless verbose, only the first
 * PST_TEXT_EXAMPLES of a kind, the last of them followed by how many more
 * there are. */
void pst_text_warnings_if(FILE *fp, const struct pst_diags *d, bool (*keep)(const struct pst_diag *), bool verbose)
{
	struct strbuf line = STRBUF_INIT;
	uint64_t total[PST_DC__COUNT] = {0}, shown[PST_DC__COUNT] = {0};
	size_t i;

	count_kinds(d, keep, total);
	for (i = 0; i < d->n; i++) {
		const struct pst_diag *g = &d->items[i];
		const char *code = pst_diag_code_name(g->code);

		if (g->kind != PST_DIAG_WARNING || (keep && !keep(g)))
			continue;
		if (!verbose && shown[g->code] >= PST_TEXT_EXAMPLES)
			continue;
		strbuf_addf(&line, "posture: warning: %s: ", code);
		pst_diag_text(g, &line);
		put_line(fp, &line);
		if (++shown[g->code] == PST_TEXT_EXAMPLES && !verbose && total[g->code] > PST_TEXT_EXAMPLES) {
			strbuf_addf(&line, "posture: warning: %s: and %llu more of this kind (%llu in all; --verbose lists every one)",
			            code, (unsigned long long)(total[g->code] - PST_TEXT_EXAMPLES),
			            (unsigned long long)total[g->code]);
			put_line(fp, &line);
		}
	}
	strbuf_release(&line);
}
