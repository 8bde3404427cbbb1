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

static int changes_row(const struct pack *p, struct pst_xlsx_table *t, const struct pst_review_finding *f,
                       struct pst_error *err)
{
	struct pack_row w;

	pack_row_begin(&w, t, err);
	pack_text(&w, f->class_name);
	pack_text(&w, f->resource_id);
	pack_text(&w, f->assessment_key);
	pack_text(&w, f->recommendation);
	pack_text(&w, pst_severity_name(f->severity));
	pack_text(&w, f->subscription_id);
	pack_text(&w, f->subscription_name);
	pack_text(&w, f->resource_group);
	pack_text(&w, f->resource_type);
	pack_text(&w, pack_status_name(f->status_from));
	pack_text(&w, f->cause_from);
	pack_text(&w, pack_status_name(f->status_to));
	pack_text(&w, f->cause_to);
	pack_count(&w, f->age_days, f->age_days >= 0);
	pack_date(&w, f->first_seen);
	pack_date(&w, f->due_date);
	pack_bool(&w, f->overdue);
	pack_text(&w, f->owner);
	pack_link(&w, f->portal_link);
	pack_text(&w, pack_team_name(p->r, f->team));
	pack_text(&w, f->resource_name);
	pack_text(&w, f->control);
	pack_text(&w, due_source(f));
	return pack_row_end(&w);
}

int pack_changes(const struct pack *p, struct pst_error *err)
{
	struct pst_xlsx_table *t;
	size_t i;
	int rc = pst_xlsx_table_begin(p->book, "Changes", changes_cols, PST_ARRAY_LEN(changes_cols), &t, err);

	for (i = 0; i < p->r->nfindings && rc == PST_OK; i++)
		if (pack_shows(p, p->r->findings[i].team))
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

static int open_row(const struct pack *p, struct pst_xlsx_table *t, const struct pst_review_finding *f,
                    struct pst_error *err)
{
	struct pack_row w;

	pack_row_begin(&w, t, err);
	pack_text(&w, pack_team_name(p->r, f->team));
	pack_text(&w, pst_severity_name(f->severity));
	pack_text(&w, f->recommendation);
	pack_text(&w, f->resource_name);
	pack_text(&w, f->resource_group);
	pack_text(&w, f->subscription_name);
	pack_text(&w, f->class_name);
	pack_count(&w, f->age_days, f->age_days >= 0);
	pack_date(&w, f->due_date);
	pack_bool(&w, f->overdue);
	pack_text(&w, f->owner);
	pack_link(&w, f->portal_link);
	pack_text(&w, f->resource_id);
	pack_text(&w, f->assessment_key);
	return pack_row_end(&w);
}

int pack_open_items(const struct pack *p, struct pst_error *err)
{
	struct pst_xlsx_table *t;
	size_t i;
	int rc = pst_xlsx_table_begin(p->book, "Open items", open_cols, PST_ARRAY_LEN(open_cols), &t, err);

	for (i = 0; i < p->r->nfindings && rc == PST_OK; i++) {
		const struct pst_review_finding *f = &p->r->findings[i];

		if (pack_shows(p, f->team) && pst_review_finding_open(f))
			rc = open_row(p, t, f, err);
	}
	return rc ? rc : pst_xlsx_table_end(t, err);
}
