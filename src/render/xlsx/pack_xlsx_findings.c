/* pack_xlsx_findings.c: the Changes and Open items sheets. */
#include "pack_xlsx_int.h"

/* The first 19 columns are those of `posture diff --format csv`, in order. */
static const struct pst_xlsx_column changes_cols[] = {
	{"Class", PST_XLSX_TEXT, NULL, 0},
	{"Resource ID", PST_XLSX_TEXT, NULL, 40},
	{"Assessment key", PST_XLSX_TEXT, NULL, 20},
	{"Recommendation", PST_XLSX_TEXT, NULL, 50},
	{"Severity", PST_XLSX_SEVERITY, NULL, 0},
	{"Subscription ID", PST_XLSX_TEXT, NULL, 20},
	{"Subscription", PST_XLSX_TEXT, NULL, 0},
	{"Resource group", PST_XLSX_TEXT, NULL, 0},
	{"Resource type", PST_XLSX_TEXT, NULL, 0},
	{"Status before", PST_XLSX_TEXT, NULL, 0},
	{"Cause before", PST_XLSX_TEXT, NULL, 0},
	{"Status after", PST_XLSX_TEXT, NULL, 0},
	{"Cause after", PST_XLSX_TEXT, NULL, 0},
	{"Age (days)", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
	{"First seen", PST_XLSX_DATE, NULL, 0},
	{"Due date", PST_XLSX_DATE, NULL, 0},
	{"Overdue", PST_XLSX_BOOL, NULL, 0},
	{"Owner", PST_XLSX_TEXT, NULL, 0},
	{"Portal link", PST_XLSX_LINK, NULL, 30},
	{"Team", PST_XLSX_TEXT, NULL, 0},
	{"Resource", PST_XLSX_TEXT, NULL, 0},
	{"Control", PST_XLSX_TEXT, NULL, 0},
	{"Due from", PST_XLSX_TEXT, NULL, 0},
};

static const char *due_source(const struct pst_review_finding *f)
{
	if (f->due_date == PST_TIME_NONE)
		return "";
	return f->due_from_governance ? "governance" : "severity";
}

static int changes_row(const struct xpk *p, struct pst_xlsx_table *t, const struct pst_review_finding *f,
                       struct pst_error *err)
{
	struct xpk_row w;

	xpk_row_begin(&w, t, err);
	xpk_text(&w, f->class_name);
	xpk_text(&w, f->resource_id);
	xpk_text(&w, f->assessment_key);
	xpk_text(&w, f->recommendation);
	xpk_text(&w, pst_severity_name(f->severity));
	xpk_text(&w, f->subscription_id);
	xpk_text(&w, f->subscription_name);
	xpk_text(&w, f->resource_group);
	xpk_text(&w, f->resource_type);
	xpk_text(&w, xpk_status_name(f->status_from));
	xpk_text(&w, f->cause_from);
	xpk_text(&w, xpk_status_name(f->status_to));
	xpk_text(&w, f->cause_to);
	xpk_count(&w, f->age_days, f->age_days >= 0);
	xpk_date(&w, f->first_seen);
	xpk_date(&w, f->due_date);
	xpk_bool(&w, f->overdue);
	xpk_text(&w, f->owner);
	xpk_link(&w, f->portal_link);
	xpk_text(&w, xpk_team_name(p->r, f->team));
	xpk_text(&w, f->resource_name);
	xpk_text(&w, f->control);
	xpk_text(&w, due_source(f));
	return xpk_row_end(&w);
}

int xpk_changes(const struct xpk *p, struct pst_error *err)
{
	struct pst_xlsx_table *t;
	size_t i;
	int rc = pst_xlsx_table_begin(p->book, "Changes", changes_cols, PST_ARRAY_LEN(changes_cols), &t, err);

	for (i = 0; i < p->r->nfindings && rc == PST_OK; i++)
		if (xpk_shows(p, p->r->findings[i].team))
			rc = changes_row(p, t, &p->r->findings[i], err);
	return rc ? rc : pst_xlsx_table_end(t, err);
}

static const struct pst_xlsx_column open_cols[] = {
	{"Team", PST_XLSX_TEXT, NULL, 0},
	{"Severity", PST_XLSX_SEVERITY, NULL, 0},
	{"Recommendation", PST_XLSX_TEXT, NULL, 50},
	{"Resource", PST_XLSX_TEXT, NULL, 0},
	{"Resource group", PST_XLSX_TEXT, NULL, 0},
	{"Subscription", PST_XLSX_TEXT, NULL, 0},
	{"Class", PST_XLSX_TEXT, NULL, 0},
	{"Age (days)", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
	{"Due date", PST_XLSX_DATE, NULL, 0},
	{"Overdue", PST_XLSX_FLAG, NULL, 0},
	{"Owner", PST_XLSX_TEXT, NULL, 0},
	{"Portal link", PST_XLSX_LINK, NULL, 30},
	{"Resource ID", PST_XLSX_TEXT, NULL, 40},
	{"Assessment key", PST_XLSX_TEXT, NULL, 20},
};

static int open_row(const struct xpk *p, struct pst_xlsx_table *t, const struct pst_review_finding *f,
                    struct pst_error *err)
{
	struct xpk_row w;

	xpk_row_begin(&w, t, err);
	xpk_text(&w, xpk_team_name(p->r, f->team));
	xpk_text(&w, pst_severity_name(f->severity));
	xpk_text(&w, f->recommendation);
	xpk_text(&w, f->resource_name);
	xpk_text(&w, f->resource_group);
	xpk_text(&w, f->subscription_name);
	xpk_text(&w, f->class_name);
	xpk_count(&w, f->age_days, f->age_days >= 0);
	xpk_date(&w, f->due_date);
	xpk_bool(&w, f->overdue);
	xpk_text(&w, f->owner);
	xpk_link(&w, f->portal_link);
	xpk_text(&w, f->resource_id);
	xpk_text(&w, f->assessment_key);
	return xpk_row_end(&w);
}

int xpk_open_items(const struct xpk *p, struct pst_error *err)
{
	struct pst_xlsx_table *t;
	size_t i;
	int rc = pst_xlsx_table_begin(p->book, "Open items", open_cols, PST_ARRAY_LEN(open_cols), &t, err);

	for (i = 0; i < p->r->nfindings && rc == PST_OK; i++) {
		const struct pst_review_finding *f = &p->r->findings[i];

		if (xpk_shows(p, f->team) && pst_review_finding_open(f))
			rc = open_row(p, t, f, err);
	}
	return rc ? rc : pst_xlsx_table_end(t, err);
}
