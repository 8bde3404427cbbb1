/* pack_pdf_exempt.c: the exemption register: every finding exempted in the
 * period and every finding exempt at T1 with High or Critical severity,
 * with the exemption's category, expiry and description; then the
 * exemptions expiring within 30 days, for the meeting.  Only when there is
 * something to list; a team's pack lists its own findings. */
#include "pack_pdf_int.h"

enum reg_col { RC_REC, RC_RES, RC_TEAM, RC_SEV, RC_SINCE, RC_CAT, RC_EXP, RC_EXEMPTION, RC__COUNT };

static const struct pst_pdf_col reg_cols[RC__COUNT] = {
	{"Recommendation", 4, 0, PST_PDF_LEFT, 0},
	{"Resource", 3, 0, PST_PDF_LEFT, 1},
	{"Team", 3, 0, PST_PDF_LEFT, 0}, /* wraps at its spaces: a team is named whole */
	{"Severity", 0, 46, PST_PDF_LEFT, 0},
	{"Since", 0, 56, PST_PDF_LEFT, 0},
	{"Category", 0, 52, PST_PDF_LEFT, 0},
	{"Expires", 0, 56, PST_PDF_LEFT, 0},
	{"Exemption", 3, 0, PST_PDF_LEFT, 1}, /* one line: the whole text is in the workbook */
};

/* Which columns the table shows: a team's pack leaves out Team (every row
 * is its own); Category, Expires and Exemption only when a listed row has
 * an exemption matched (else they would say n/a on every row: one sentence
 * under the table says it instead). */
struct reg_layout {
	bool shown[RC__COUNT];
	struct pst_pdf_col cols[RC__COUNT];
	size_t ncols;
};

static bool reg_mine(const struct pack *pk, const struct pst_review_exemption *x)
{
	return pk->team == PST_REVIEW_NO_TEAM || x->team == pk->team;
}

static void reg_layout(const struct pack *pk, bool in_period, struct reg_layout *l)
{
	size_t i;

	for (i = 0; i < RC__COUNT; i++)
		l->shown[i] = i != RC_CAT && i != RC_EXP && i != RC_EXEMPTION &&
		              (i != RC_TEAM || pk->team == PST_REVIEW_NO_TEAM);
	for (i = 0; i < pk->r->nexemptions; i++) {
		const struct pst_review_exemption *x = &pk->r->exemptions[i];

		if (!reg_mine(pk, x) || x->in_period != in_period)
			continue;
		l->shown[RC_CAT] |= *x->category != '\0';
		l->shown[RC_EXP] |= *x->exemption != '\0';
		l->shown[RC_EXEMPTION] |= *x->exemption != '\0';
	}
	l->ncols = 0;
	for (i = 0; i < RC__COUNT; i++)
		if (l->shown[i])
			l->cols[l->ncols++] = reg_cols[i];
}

static void reg_cell(struct strbuf *sb, enum reg_col c, const struct pack *pk, const struct pst_review_exemption *x)
{
	switch (c) {
	case RC_REC:
		strbuf_addstr(sb, x->recommendation);
		break;
	case RC_RES:
		pack_resource(sb, x->resource_id, NULL, NULL);
		break;
	case RC_TEAM:
		strbuf_addstr(sb, pack_team_name(pk, x->team));
		break;
	case RC_SEV:
		strbuf_addstr(sb, pst_severity_name(x->severity));
		break;
	case RC_SINCE:
		pack_date(sb, x->since);
		break;
	case RC_CAT:
		strbuf_addstr(sb, *x->category ? x->category : "n/a");
		break;
	case RC_EXP:
		if (x->expires == PST_TIME_NONE)
			strbuf_addstr(sb, *x->exemption ? "none" : "n/a");
		else
			pack_date(sb, x->expires);
		break;
	default:
		if (!*x->exemption)
			strbuf_addstr(sb, "no exemption in the data covers it");
		else
			strbuf_addf(sb, "%s (by %s)%s%s", x->exemption, x->matched_by, *x->description ? ": " : "",
			            x->description);
	}
}

static void reg_cells(struct pack *pk, const struct reg_layout *l, const struct pst_review_exemption *x)
{
	size_t i, k = 0;

	for (i = 0; i < RC__COUNT; i++)
		if (l->shown[i])
			reg_cell(pack_cell(pk, k++), (enum reg_col)i, pk, x);
}

static int register_table(struct pack *pk, bool in_period)
{
	const struct pst_review *r = pk->r;
	struct reg_layout l;
	size_t i, n = 0;
	int rc;

	for (i = 0; i < r->nexemptions; i++)
		n += reg_mine(pk, &r->exemptions[i]) && r->exemptions[i].in_period == in_period;
	rc = pack_subtitle(pk, in_period ? "Exempted this period" : "Exempt now, High or Critical");
	if (rc == PST_OK && !n)
		return pack_say(pk, in_period ? "No finding was exempted this period."
		                              : "No High or Critical finding is exempt.");
	reg_layout(pk, in_period, &l);
	if (rc == PST_OK)
		rc = pst_pdf_table_begin(pk->pdf, l.cols, l.ncols, pk->team == PST_REVIEW_NO_TEAM ? PACK_LIST_ROWS
		                         : PACK_TEAM_ROWS, pk->err);
	for (i = 0; i < r->nexemptions && rc == PST_OK; i++) {
		const struct pst_review_exemption *x = &r->exemptions[i];

		if (!reg_mine(pk, x) || x->in_period != in_period)
			continue;
		if (pst_pdf_table_full(pk->pdf)) { /* the rest are counted: "and N more: see the workbook" */
			pst_pdf_table_skip(pk->pdf, 1);
			continue;
		}
		reg_cells(pk, &l, x);
		rc = pack_row(pk, l.ncols);
	}
	if (rc == PST_OK)
		rc = pst_pdf_table_end(pk->pdf, pk->err);
	if (rc == PST_OK && !l.shown[RC_EXEMPTION])
		rc = pst_pdf_text(pk->pdf, PST_PDF_SMALL, "No exemption in the data covers these findings: the "
		                  "exemptions themselves were not exported (Defender's and Azure Policy's).", pk->err);
	return rc;
}

static void expiring_cells(struct pack *pk, size_t i)
{
	const struct pst_review_expiring *x = &pk->r->expiring[i];

	pack_date(pack_cell(pk, 0), x->expires);
	strbuf_addstr(pack_cell(pk, 1), x->name);
	strbuf_addstr(pack_cell(pk, 2), x->scope);
	strbuf_addstr(pack_cell(pk, 3), *x->category ? x->category : "n/a");
	strbuf_addstr(pack_cell(pk, 4), x->description);
}

static int expiring_table(struct pack *pk)
{
	static const struct pst_pdf_col cols[] = {
		{"Expires", 0, 56, PST_PDF_LEFT, 0},  {"Exemption", 2, 0, PST_PDF_LEFT, 0},
		{"Scope", 4, 0, PST_PDF_LEFT, 0},     {"Category", 0, 52, PST_PDF_LEFT, 0},
		{"Description", 3, 0, PST_PDF_LEFT, 0},
	};
	int rc = pack_subtitle(pk, "Exemptions expiring within 30 days");

	if (rc == PST_OK && !pk->r->nexpiring)
		return pack_say(pk, "No exemption expires within 30 days of the end of the period.");
	return rc ? rc : pack_table(pk, cols, PST_ARRAY_LEN(cols), PACK_LIST_ROWS, pk->r->nexpiring, expiring_cells);
}

int pack_exemptions(struct pack *pk)
{
	int rc;

	if (!pk->r->nexemptions && !pk->r->nexpiring)
		return PST_OK;
	rc = pst_pdf_heading(pk->pdf, 1, "Exemptions", pk->err);
	if (rc == PST_OK)
		rc = pack_say(pk, "Exemptions accept a risk; they are not fixes. Each finding is shown with the "
		                  "exemption that covers it: Defender's own for its recommendation, else a policy "
		                  "exemption of Defender's assignment holding the resource, else any policy exemption "
		                  "holding it (\"other assignment\": check it), the narrowest scope first.");
	if (rc == PST_OK)
		rc = register_table(pk, true);
	if (rc == PST_OK)
		rc = register_table(pk, false);
	if (rc == PST_OK && pk->team == PST_REVIEW_NO_TEAM)
		rc = expiring_table(pk);
	return rc;
}
