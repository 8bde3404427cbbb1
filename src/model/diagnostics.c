/* diagnostics.c: warnings and rejected records (diagnostics.h). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "posture/diagnostics.h"

static const struct {
	const char *name, *group, *label;
} codes[PST_DC__COUNT] = {
	[PST_DC_BAD_RECORD] = {"bad_record", "rejected", "Rejected record"},
	[PST_DC_READ_WARNING] = {"read_warning", "ingest", "Remark of a reader"},
	[PST_DC_FILE_SKIPPED] = {"file_skipped", "ingest", "File skipped"},
	[PST_DC_NO_DATA] = {"no_data", "completeness", "No data at one end of the period"},
	[PST_DC_SUBSCRIPTION_MISSING] = {"subscription_missing", "completeness",
	                                 "Subscription missing from the last export"},
	[PST_DC_CSV_ROW_CAP] = {"csv_row_cap", "completeness", "Portal CSV at a row cap"},
	[PST_DC_RECORD_DROP] = {"record_drop", "completeness", "Findings fell by more than 20%"},
	[PST_DC_CONFLICT] = {"conflicting_duplicates", "completeness", "Conflicting duplicates"},
	[PST_DC_REJECTED] = {"rejected_records", "rejected", "Records rejected while reading"},
	[PST_DC_RECONCILE] = {"reconciliation", "completeness", "Counts that do not reconcile"},
	[PST_DC_PARTIAL] = {"partial_period", "completeness", "Period not covered by the data"},
	[PST_DC_FIRST_MONTH] = {"first_month", "completeness", "First month of the data"},
	[PST_DC_NO_TEAM_RULES] = {"no_team_rules", "teams", "No team rules"},
	[PST_DC_UNUSED_TEAM_RULE] = {"unused_team_rule", "teams", "Team rule that matched nothing"},
	[PST_DC_SCORE_DIFFERS] = {"score_differs", "score", "Exported and recomputed scores differ"},
	[PST_DC_SCORE_WEIGHTS] = {"score_weights", "score", "Weights taken from counts"},
	[PST_DC_SCORE_UNMAPPED] = {"score_unmapped", "score", "Findings of no known control"},
	[PST_DC_GOAL] = {"goal", "score", "Goal that cannot be measured"},
	[PST_DC_RENAMED] = {"recommendation_renamed", "completeness", "Recommendation renamed"},
	[PST_DC_PDF_SCRIPT] = {"pdf_script", "data quality", "Name the PDF cannot draw"},
};

const char *pst_diag_code_name(enum pst_diag_code c)
{
	return (unsigned)c < PST_DC__COUNT ? codes[c].name : "unknown";
}

const char *pst_diag_code_label(enum pst_diag_code c)
{
	return (unsigned)c < PST_DC__COUNT ? codes[c].label : "Unknown";
}

const char *pst_diag_code_group(enum pst_diag_code c)
{
	return (unsigned)c < PST_DC__COUNT ? codes[c].group : "unknown";
}

enum pst_diag_kind pst_diag_code_kind(enum pst_diag_code c)
{
	return c == PST_DC_BAD_RECORD ? PST_DIAG_REJECTED : PST_DIAG_WARNING;
}

void pst_diags_init(struct pst_diags *d, size_t max)
{
	memset(d, 0, sizeof(*d));
	d->max = max;
}

void pst_diags_release(struct pst_diags *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->items[i].file);
		free(d->items[i].msg);
	}
	free(d->items);
	pst_diags_init(d, d->max);
}

static struct pst_diag *slot(struct pst_diags *d, enum pst_diag_code code)
{
	struct pst_diag *g;
	enum pst_diag_kind kind = pst_diag_code_kind(code);

	d->count[kind]++;
	if (d->max && d->n >= d->max)
		return NULL;
	PST_GROW(d->items, d->alloc, d->n + 1);
	g = &d->items[d->n++];
	memset(g, 0, sizeof(*g));
	g->code = code;
	g->kind = kind;
	g->records = kind == PST_DIAG_REJECTED;
	return g;
}

struct pst_diag *pst_diags_vadd(struct pst_diags *d, enum pst_diag_code code, const struct pst_diag_place *at,
                                const char *fmt, va_list ap)
{
	struct pst_diag *g = slot(d, code);
	struct strbuf sb = STRBUF_INIT;

	if (!g)
		return NULL;
	if (at) {
		g->file = at->file ? xstrdup(at->file) : NULL;
		g->line = at->line;
		g->offset = at->offset;
		g->index = at->index;
	}
	strbuf_vaddf(&sb, fmt, ap);
	g->msg = strbuf_detach(&sb);
	return g;
}

struct pst_diag *pst_diags_add(struct pst_diags *d, enum pst_diag_code code, const struct pst_diag_place *at,
                               const char *fmt, ...)
{
	struct pst_diag *g;
	va_list ap;

	va_start(ap, fmt);
	g = pst_diags_vadd(d, code, at, fmt, ap);
	va_end(ap);
	return g;
}

void pst_diags_append(struct pst_diags *d, const struct pst_diags *from)
{
	size_t i, k;

	for (i = 0; i < from->n; i++) {
		const struct pst_diag *s = &from->items[i];
		struct pst_diag_place at = {s->file, s->line, s->offset, s->index};

		struct pst_diag *g = pst_diags_add(d, s->code, &at, "%s", s->msg);

		if (g)
			g->records = s->records;
	}
	for (k = 0; k < PST_DIAG__KINDS; k++) {
		uint64_t kept = 0;

		for (i = 0; i < from->n; i++)
			kept += from->items[i].kind == (enum pst_diag_kind)k;
		d->count[k] += from->count[k] - kept;
	}
}

uint64_t pst_diags_warnings(const struct pst_diags *d)
{
	return d->count[PST_DIAG_WARNING];
}

void pst_diag_text(const struct pst_diag *d, struct strbuf *sb)
{
	if (d->file && d->line)
		strbuf_addf(sb, "%s:%llu: ", d->file, (unsigned long long)d->line);
	else if (d->file && (d->index || d->offset))
		strbuf_addf(sb, "%s: record %llu (offset %llu): ", d->file, (unsigned long long)d->index,
		            (unsigned long long)d->offset);
	else if (d->file)
		strbuf_addf(sb, "%s: ", d->file);
	strbuf_addstr(sb, d->msg);
}

bool pst_diag_whole_file(const struct pst_diag *d)
{
	return !d->line && !d->index && !d->offset;
}

uint64_t pst_diags_rejected_listed(const struct pst_diags *d)
{
	uint64_t n = 0;
	size_t i;

	for (i = 0; i < d->n; i++)
		if (d->items[i].kind == PST_DIAG_REJECTED)
			n += d->items[i].records;
	return n;
}
