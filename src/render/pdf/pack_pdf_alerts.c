/* pack_pdf_alerts.c: the alerts of the period: counts by severity, status
 * and MITRE tactic, and the high-severity alerts listed. */
#include "pack_pdf_int.h"

#include <string.h>

/* True when the comma-separated list holds label (blanks ignored). */
static bool list_holds(const char *list, const char *label)
{
	size_t len = strlen(label);
	const char *p = list;

	while (*p) {
		const char *end = strchr(p, ',');
		size_t n;

		while (*p == ' ')
			p++;
		n = end ? (size_t)(end - p) : strlen(p);
		while (n && p[n - 1] == ' ')
			n--;
		if (n == len && strncmp(p, label, n) == 0)
			return true;
		if (!end)
			break;
		p = end + 1;
	}
	return false;
}

/* The count of label c in this pack: the review's for the whole pack, the
 * team's alerts counted for a team pack (tactic: within the tactics list). */
static int64_t label_count(const struct pack *pk, const struct pst_review_count *c, bool tactic)
{
	int64_t n = 0;
	size_t i;

	if (pk->team == PST_REVIEW_NO_TEAM)
		return c->count;
	for (i = 0; i < pk->r->nalerts; i++) {
		const struct pst_review_alert *a = &pk->r->alerts[i];

		if (a->team == pk->team && (tactic ? list_holds(a->tactics, c->label) : strcmp(a->status, c->label) == 0))
			n++;
	}
	return n;
}

static void severity_counts(const struct pack *pk, double *v)
{
	size_t i;
	int s;

	for (s = 0; s <= PST_SEV_CRITICAL; s++)
		v[s] = pk->team == PST_REVIEW_NO_TEAM ? (double)pk->r->alerts_by_severity[s] : 0.0;
	for (i = 0; i < pk->r->nalerts && pk->team != PST_REVIEW_NO_TEAM; i++)
		if (pk->r->alerts[i].team == pk->team)
			v[pk->r->alerts[i].severity] += 1.0;
}

static int severity_chart(struct pack *pk, const double *counts)
{
	const char *labels[PST_SEV_CRITICAL + 1];
	double values[PST_SEV_CRITICAL + 1];
	struct pst_bar_chart c = {"Alerts by severity", "Alerts", labels, values, 0, 0};
	int s;

	for (s = PST_SEV_CRITICAL; s >= PST_SEV_UNKNOWN; s--) {
		if (s == PST_SEV_UNKNOWN && counts[s] == 0.0)
			continue;
		labels[c.n] = pst_severity_name((enum pst_severity)s);
		values[c.n++] = counts[s];
	}
	return pst_pdf_bar_chart(pk->pdf, &c, pk->err);
}

/* A two-column table of labels and counts (zero counts left out). */
static int count_table(struct pack *pk, const char *title, const char *head, const struct pst_review_count *c,
                       size_t n, bool tactic)
{
	struct pst_pdf_col cols[] = {{head, 1, 0, PST_PDF_LEFT, 1}, {"Alerts", 0, 70, PST_PDF_RIGHT, 0}};
	size_t i;
	int rc = pack_subtitle(pk, title);

	if (rc == PST_OK)
		rc = pst_pdf_table_begin(pk->pdf, cols, 2, PACK_LIST_ROWS, pk->err);
	for (i = 0; i < n && rc == PST_OK; i++) {
		int64_t k = label_count(pk, &c[i], tactic);

		if (!k)
			continue;
		strbuf_addstr(pack_cell(pk, 0), *c[i].label ? c[i].label : "(none given)");
		pack_num(pack_cell(pk, 1), k);
		rc = pack_row(pk, 2);
	}
	return rc ? rc : pst_pdf_table_end(pk->pdf, pk->err);
}

static bool high_alert(const struct pack *pk, const struct pst_review_alert *a)
{
	return a->severity >= PST_SEV_HIGH && pack_mine(pk, a->team);
}

/* The resource's name (the last part of its id; the workbook has the id), or the entity. */
static void resource_name(struct strbuf *sb, const struct pst_review_alert *a)
{
	const char *slash = strrchr(a->resource_id, '/');

	if (!*a->resource_id)
		strbuf_addstr(sb, a->entity);
	else
		strbuf_addstr(sb, slash && slash[1] ? slash + 1 : a->resource_id);
}

static void alert_cells(struct pack *pk, const struct pst_review_alert *a)
{
	pack_date(pack_cell(pk, 0), a->time);
	strbuf_addstr(pack_cell(pk, 1), a->name);
	strbuf_addstr(pack_cell(pk, 2), pst_severity_name(a->severity));
	strbuf_addstr(pack_cell(pk, 3), a->status);
	strbuf_addstr(pack_cell(pk, 4), a->tactics);
	resource_name(pack_cell(pk, 5), a);
	if (pk->team == PST_REVIEW_NO_TEAM) /* a team's pack: every alert is its own */
		strbuf_addstr(pack_cell(pk, 6), pack_team_name(pk, a->team));
}

static int high_alerts(struct pack *pk)
{
	static const struct pst_pdf_col cols[] = {
		{"Date", 0, 54, PST_PDF_LEFT, 0},
		{"Alert", 3, 0, PST_PDF_LEFT, 0},
		{"Severity", 0, 46, PST_PDF_LEFT, 0},
		{"Status", 0, 52, PST_PDF_LEFT, 1},
		{"Tactics", 0, 84, PST_PDF_LEFT, 0},
		{"Resource", 2, 0, PST_PDF_LEFT, 0},
		{"Team", 2, 0, PST_PDF_LEFT, 0},
	};
	size_t i, n = 0, ncols = pk->team == PST_REVIEW_NO_TEAM ? 7 : 6;
	int rc = pack_subtitle(pk, "High-severity alerts");

	for (i = 0; i < pk->r->nalerts; i++)
		n += high_alert(pk, &pk->r->alerts[i]);
	if (rc == PST_OK && !n)
		return pack_say(pk, "No alert of High or Critical severity in the period.");
	if (rc == PST_OK)
		rc = pst_pdf_table_begin(pk->pdf, cols, ncols, pk->team == PST_REVIEW_NO_TEAM ? PACK_LIST_ROWS
		                         : PACK_TEAM_ROWS, pk->err);
	for (i = 0; i < pk->r->nalerts && rc == PST_OK; i++) {
		if (!high_alert(pk, &pk->r->alerts[i]))
			continue;
		if (pst_pdf_table_full(pk->pdf)) {
			pst_pdf_table_skip(pk->pdf, 1);
			continue;
		}
		alert_cells(pk, &pk->r->alerts[i]);
		rc = pack_row(pk, ncols);
	}
	return rc ? rc : pst_pdf_table_end(pk->pdf, pk->err);
}

int pack_alerts(struct pack *pk)
{
	const struct pst_review *r = pk->r;
	double counts[PST_SEV_CRITICAL + 1];
	double total = 0.0;
	int s, rc = pst_pdf_heading(pk->pdf, 1, "Alerts", pk->err);

	severity_counts(pk, counts);
	for (s = 0; s <= PST_SEV_CRITICAL; s++)
		total += counts[s];
	if (rc == PST_OK && total == 0.0)
		return pack_say(pk, pk->team == PST_REVIEW_NO_TEAM ? "No security alert was raised in the period."
		                : "No security alert was raised on this team's resources in the period.");
	strbuf_reset(&pk->line);
	pack_num(&pk->line, (int64_t)total);
	strbuf_addstr(&pk->line, total == 1.0 ? " security alert was raised in the period"
	              : " security alerts were raised in the period");
	strbuf_addstr(&pk->line, pk->team == PST_REVIEW_NO_TEAM ? "." : " on this team's resources.");
	if (rc == PST_OK)
		rc = pack_say(pk, pk->line.buf);
	if (rc == PST_OK)
		rc = severity_chart(pk, counts);
	if (rc == PST_OK)
		rc = count_table(pk, "By status", "Status", r->alerts_by_status, r->nalerts_by_status, false);
	if (rc == PST_OK)
		rc = count_table(pk, "By MITRE ATT&CK tactic", "Tactic", r->alerts_by_tactic, r->nalerts_by_tactic, true);
	if (rc == PST_OK)
		rc = high_alerts(pk);
	return rc;
}
