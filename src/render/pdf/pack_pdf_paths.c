/* pack_pdf_paths.c: attack paths (Defender CSPM attack path analysis): how
 * many at the start and the end of the period by risk level, what is new
 * and what is gone, each path at the end with the open findings on it, and
 * the paths gone.  Only with attack-path data; a team's pack lists the
 * first paths that run through its findings (the rest in its workbook). */
#include "pack_pdf_int.h"

#define PATHS_TEAM_ROWS 2 /* in a team's pack: the workbook has every one */

static const char *risk_label(enum pst_risk r)
{
	return r == PST_RISK_UNKNOWN ? "Not given" : r == PST_RISK_NONE ? "Not evaluated" : pst_risk_name(r);
}

static bool path_mine(const struct pack *pk, const struct pst_review_path *p)
{
	size_t i;

	if (pk->team == PST_REVIEW_NO_TEAM)
		return true;
	for (i = 0; i < p->nfindings; i++)
		if (pk->r->findings[p->findings[i]].team == pk->team)
			return true;
	return false;
}

/* An entity: a resource id as its name, else as written; in a team's pack
 * a resource of another team is not named. */
static void entity(const struct pack *pk, struct strbuf *sb, const char *s, size_t team)
{
	if (pk->team != PST_REVIEW_NO_TEAM && team != pk->team && pst_strncasecmp(s, "/subscriptions/", 15) == 0) {
		strbuf_addstr(sb, "another team's resource");
		return;
	}
	if (!*s) {
		strbuf_addstr(sb, "not given");
		return;
	}
	if (pst_strncasecmp(s, "/subscriptions/", 15) != 0) {
		strbuf_addstr(sb, s);
		return;
	}
	pack_resource(sb, s, NULL, NULL);
}

static void path_cells(struct pack *pk, const struct pst_review_path *p)
{
	const struct pst_review *r = pk->r;
	struct strbuf *f = pack_cell(pk, 4), *ends = pack_cell(pk, 2);

	strbuf_addstr(pack_cell(pk, 0), risk_label(p->risk));
	strbuf_addstr(pack_cell(pk, 1), p->name);
	entity(pk, ends, p->entry, p->entry_team);
	strbuf_addstr(ends, " \xe2\x86\x92 ");
	entity(pk, ends, p->target, p->target_team);
	strbuf_addstr(pack_cell(pk, 3), pst_path_change_label(p->change));
	if (!p->nfindings) {
		strbuf_addstr(f, "none open at the end of the period");
	} else {
		const struct pst_review_finding *x = &r->findings[p->findings[0]];

		strbuf_addf(f, "%s on ", x->recommendation);
		pack_resource(f, x->resource_id, x->resource_name, NULL);
		if (p->nfindings > 1)
			strbuf_addf(f, " and %zu more", p->nfindings - 1);
	}
}

static int paths_table(struct pack *pk, bool gone)
{
	static const struct pst_pdf_col gone_cols[] = {
		{"Risk", 0, 50, PST_PDF_LEFT, 0}, {"Attack path", 5, 0, PST_PDF_LEFT, 0},
		{"Entry point \xe2\x86\x92 target", 4, 0, PST_PDF_LEFT, 1},
	};
	static const struct pst_pdf_col cols[] = {
		{"Risk", 0, 50, PST_PDF_LEFT, 0},      {"Attack path", 4, 0, PST_PDF_LEFT, 0},
		{"Entry point \xe2\x86\x92 target", 3, 0, PST_PDF_LEFT, 1},
		{"Change", 0, 58, PST_PDF_LEFT, 0}, {"Open findings on it (fix first)", 4, 0, PST_PDF_LEFT, 0},
	};
	const struct pst_review *r = pk->r;
	size_t i, n = 0;
	int rc;

	for (i = 0; i < r->npaths; i++)
		n += path_mine(pk, &r->paths[i]) && (r->paths[i].change == PST_PATH_GONE) == gone;
	rc = pk->team != PST_REVIEW_NO_TEAM ? PST_OK
	     : pack_subtitle(pk, gone ? "Gone since the start of the period" : "Attack paths at the end of the period");
	if (rc == PST_OK && !n)
		return pack_say(pk, gone ? "No attack path of the start is gone." : "No attack path at the end of the period.");
	if (rc == PST_OK)
		rc = pst_pdf_table_begin(pk->pdf, gone ? gone_cols : cols, gone ? PST_ARRAY_LEN(gone_cols) : PST_ARRAY_LEN(cols),
		                         pk->team == PST_REVIEW_NO_TEAM ? PACK_LIST_ROWS : PATHS_TEAM_ROWS, pk->err);
	for (i = 0; i < r->npaths && rc == PST_OK; i++) {
		const struct pst_review_path *p = &r->paths[i];

		if (!path_mine(pk, p) || (p->change == PST_PATH_GONE) != gone)
			continue;
		if (pst_pdf_table_full(pk->pdf)) {
			pst_pdf_table_skip(pk->pdf, 1);
			continue;
		}
		path_cells(pk, p);
		rc = pack_row(pk, gone ? PST_ARRAY_LEN(gone_cols) : PST_ARRAY_LEN(cols));
	}
	return rc ? rc : pst_pdf_table_end(pk->pdf, pk->err);
}

static void risk_cells(struct pack *pk, size_t i)
{
	const struct pst_review *r = pk->r;
	enum pst_risk k = (enum pst_risk)(PST_RISK_CRITICAL - i);

	strbuf_addstr(pack_cell(pk, 0), risk_label(k));
	if (r->paths_at_start)
		pack_num(pack_cell(pk, 1), r->paths_start[k]);
	else
		strbuf_addstr(pack_cell(pk, 1), "no data");
	pack_num(pack_cell(pk, 2), r->paths_now[k]);
	pack_num(pack_cell(pk, 3), r->paths_new_by[k]);
	pack_num(pack_cell(pk, 4), r->paths_gone_by[k]);
}

static int risk_table(struct pack *pk)
{
	static const struct pst_pdf_col cols[] = {
		{"Risk level", 2, 0, PST_PDF_LEFT, 0}, {"At the start", 1, 0, PST_PDF_RIGHT, 0},
		{"At the end", 1, 0, PST_PDF_RIGHT, 0}, {"New", 1, 0, PST_PDF_RIGHT, 0},
		{"Gone", 1, 0, PST_PDF_RIGHT, 0},
	};
	const struct pst_review *r = pk->r;
	size_t rows = PST_RISK_CRITICAL - PST_RISK_LOW + 1;
	int rc = pack_subtitle(pk, "Attack paths by risk level");

	/* Not evaluated and Not given only when some path has them */
	if (r->paths_now[PST_RISK_NONE] || r->paths_start[PST_RISK_NONE] || r->paths_now[PST_RISK_UNKNOWN] ||
	    r->paths_start[PST_RISK_UNKNOWN])
		rows++;
	if (r->paths_now[PST_RISK_UNKNOWN] || r->paths_start[PST_RISK_UNKNOWN])
		rows++;
	return rc ? rc : pack_table(pk, cols, PST_ARRAY_LEN(cols), 0, rows, risk_cells);
}

static void summary(struct pack *pk)
{
	const struct pst_review *r = pk->r;
	struct strbuf *sb = &pk->line;
	int64_t now = 0;
	size_t k;

	for (k = 0; k <= PST_RISK_CRITICAL; k++)
		now += r->paths_now[k];
	strbuf_reset(sb);
	strbuf_addf(sb, "Defender's attack path analysis shows %lld attack %s at the end of the period",
	            (long long)now, pack_plural(now, "path", "paths"));
	if (r->paths_now[PST_RISK_CRITICAL] || r->paths_now[PST_RISK_HIGH])
		strbuf_addf(sb, " (%lld Critical, %lld High)", (long long)r->paths_now[PST_RISK_CRITICAL],
		            (long long)r->paths_now[PST_RISK_HIGH]);
	if (r->paths_at_start)
		strbuf_addf(sb, ": %lld new, %lld gone and %lld still there since the start.", (long long)r->paths_new,
		            (long long)r->paths_gone, (long long)r->paths_still);
	else
		strbuf_addstr(sb, "; there is no attack-path data at the start to compare with.");
	strbuf_addf(sb, " %lld open %s on a path: each comes first in every what-to-fix-first list among the "
	            "findings of its risk level, because fixing it breaks the path.",
	            (long long)r->findings_on_paths, pack_plural(r->findings_on_paths, "finding sits", "findings sit"));
}

int pack_paths(struct pack *pk)
{
	const struct pst_review *r = pk->r;
	size_t i, n = 0;
	int rc;

	if (!r->has_attack_paths)
		return PST_OK;
	for (i = 0; i < r->npaths; i++)
		n += path_mine(pk, &r->paths[i]);
	if (pk->team != PST_REVIEW_NO_TEAM && !n)
		return PST_OK;
	/* the whole pack gives them a section; a team's pack a part after Governance */
	if (pk->team == PST_REVIEW_NO_TEAM)
		rc = pst_pdf_heading(pk->pdf, 1, "Attack paths", pk->err);
	else
		rc = pack_subtitle(pk, "Attack paths");
	if (rc == PST_OK && pk->team == PST_REVIEW_NO_TEAM) {
		summary(pk);
		rc = pack_say(pk, pk->line.buf);
		if (rc == PST_OK)
			rc = risk_table(pk);
	} else if (rc == PST_OK) {
		strbuf_reset(&pk->line);
		strbuf_addf(&pk->line, "%zu attack %s through this team's open findings: fixing one of them breaks the path%s",
		            n, n == 1 ? "path runs" : "paths run", n > PATHS_TEAM_ROWS ? "; the first by risk here, every "
		            "one in the team's workbook." : ".");
		rc = pack_say(pk, pk->line.buf);
	}
	if (rc == PST_OK)
		rc = paths_table(pk, false);
	if (rc == PST_OK && r->paths_gone && pk->team == PST_REVIEW_NO_TEAM) /* a team's: no finding on a gone path */
		rc = paths_table(pk, true);
	return rc;
}
