/* pack_pdf.c: pst_render_pdf, the order of the sections, and the small
 * formatting helpers the sections share. */
#include "pack_pdf_int.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void pst_render_pdf_opts_init(struct pst_render_pdf_opts *opts)
{
	memset(opts, 0, sizeof(*opts));
	opts->paper = PST_PAPER_A4;
}

bool pack_mine(const struct pack *pk, size_t t)
{
	return pk->team == PST_REVIEW_NO_TEAM || pk->team == t;
}

size_t pack_team_rows(const struct pack *pk)
{
	if (pk->team != PST_REVIEW_NO_TEAM)
		return PACK_TEAM_ROWS; /* a team's pack stays a handful of pages: the rest is in its workbook */
	return pk->r->nteams > PACK_MANY_TEAMS ? PACK_MANY_TEAM_ROWS : PACK_TEAM_ROWS;
}

const char *pack_team_name(const struct pack *pk, size_t t)
{
	return t < pk->r->nteams ? pk->r->teams[t].name : "Unassigned";
}

void pack_num(struct strbuf *sb, int64_t n)
{
	char digits[32];
	size_t len, i;

	if (n < 0) {
		strbuf_addch(sb, '-');
		n = n == INT64_MIN ? INT64_MAX : -n;
	}
	len = (size_t)snprintf(digits, sizeof(digits), "%lld", (long long)n);
	for (i = 0; i < len; i++) {
		if (i && (len - i) % 3 == 0)
			strbuf_addch(sb, ',');
		strbuf_addch(sb, digits[i]);
	}
}

void pack_pct(struct strbuf *sb, double v)
{
	if (isnan(v))
		strbuf_addstr(sb, "n/a");
	else
		strbuf_addf(sb, "%.2f%%", v);
}

void pack_points(struct strbuf *sb, double v, bool sign)
{
	if (isnan(v))
		strbuf_addstr(sb, "n/a");
	else if (sign && fabs(v) < 0.05)
		strbuf_addstr(sb, "0.0");
	else
		strbuf_addf(sb, sign ? "%+.1f" : "%.1f", v);
}

void pack_pp(struct strbuf *sb, double v, bool sign)
{
	if (isnan(v))
		strbuf_addstr(sb, "n/a");
	else if (fabs(v) < 0.005)
		strbuf_addstr(sb, "0.00");
	else
		strbuf_addf(sb, sign ? "%+.2f" : "%.2f", v);
}

void pack_rank(struct strbuf *sb, int rank)
{
	if (rank > 0)
		strbuf_addf(sb, "%d", rank);
	else
		strbuf_addstr(sb, "\xE2\x80\x93"); /* an en dash: not ranked */
}

void pack_date(struct strbuf *sb, pst_time t)
{
	char buf[PST_TIME_BUF];

	strbuf_addstr(sb, t == PST_TIME_NONE ? "n/a" : pst_date_format(t, buf, sizeof(buf)));
}

static pst_time inclusive_end(pst_time t)
{
	return t != PST_TIME_NONE && t % PST_MS_PER_DAY == 0 ? t - 1 : t;
}

void pack_end_date(struct strbuf *sb, pst_time t)
{
	pack_date(sb, inclusive_end(t));
}

void pack_month(struct strbuf *sb, pst_time t)
{
	char buf[PST_TIME_BUF];

	if (t == PST_TIME_NONE)
		strbuf_addstr(sb, "n/a");
	else
		strbuf_add(sb, pst_date_format(inclusive_end(t), buf, sizeof(buf)), 7);
}

void pack_resource(struct strbuf *sb, const char *id, const char *name, const char *group)
{
	const char *slash = id ? strrchr(id, '/') : NULL;

	if (name && *name)
		strbuf_addstr(sb, name);
	else if (slash && slash[1])
		strbuf_addstr(sb, slash + 1);
	else
		strbuf_addstr(sb, id ? id : "");
	if (group && *group)
		strbuf_addf(sb, " (%s)", group);
}

const char *pack_plural(int64_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

struct strbuf *pack_cell(struct pack *pk, size_t i)
{
	strbuf_reset(&pk->cell[i]);
	return &pk->cell[i];
}

int pack_row(struct pack *pk, size_t n)
{
	const char *cells[PACK_MAX_COLS];
	size_t i;

	for (i = 0; i < n; i++)
		cells[i] = strbuf_cstr(&pk->cell[i]);
	return pst_pdf_table_row(pk->pdf, cells, pk->err);
}

int pack_table(struct pack *pk, const struct pst_pdf_col *cols, size_t ncols, size_t max_rows, size_t nrows,
               void (*cells)(struct pack *pk, size_t i))
{
	size_t i;
	int rc = pst_pdf_table_begin(pk->pdf, cols, ncols, max_rows, pk->err);

	for (i = 0; i < nrows && rc == PST_OK; i++) {
		cells(pk, i);
		rc = pack_row(pk, ncols);
	}
	return rc ? rc : pst_pdf_table_end(pk->pdf, pk->err);
}

int pack_subtitle(struct pack *pk, const char *text)
{
	int rc = pst_pdf_space(pk->pdf, 6.0, pk->err);

	if (rc == PST_OK)
		rc = pst_pdf_keep(pk->pdf, 90.0, pk->err);
	if (rc == PST_OK)
		rc = pst_pdf_text(pk->pdf, PST_PDF_BOLD, text, pk->err);
	return rc;
}

int pack_say(struct pack *pk, const char *text)
{
	return pst_pdf_text(pk->pdf, PST_PDF_BODY, text, pk->err);
}

static void pack_release(struct pack *pk)
{
	size_t i;

	for (i = 0; i < PACK_MAX_COLS; i++)
		strbuf_release(&pk->cell[i]);
	strbuf_release(&pk->line);
	pst_pdf_free(pk->pdf);
}

/* Document title, footer note and subject, kept in sb[0..2]. */
static void doc_texts(const struct pack *pk, struct strbuf *sb)
{
	const struct pst_review *r = pk->r;
	char buf[PST_TIME_BUF];

	strbuf_addstr(&sb[0], r->title);
	if (pk->team != PST_REVIEW_NO_TEAM)
		strbuf_addf(&sb[0], " \xE2\x80\x94 %s", pack_team_name(pk, pk->team));
	strbuf_addf(&sb[1], "posture %s", r->version && *r->version ? r->version : "");
	if (r->generated_at != PST_TIME_NONE)
		strbuf_addf(&sb[1], " \xC2\xB7 generated %.10s %.5s UTC", pst_time_format(r->generated_at, buf, sizeof(buf)),
		            buf + 11);
	strbuf_addf(&sb[2], "%s, period %s", r->org && *r->org ? r->org : "Security posture review",
	            r->period ? r->period : "");
}

static int pack_open(struct pack *pk, const struct pst_render_pdf_opts *opts)
{
	struct strbuf sb[3] = {STRBUF_INIT, STRBUF_INIT, STRBUF_INIT};
	struct pst_pdf_options o;
	int rc;

	doc_texts(pk, sb);
	memset(&o, 0, sizeof(o));
	o.paper = opts ? opts->paper : PST_PAPER_A4;
	o.font_dir = opts ? opts->font_dir : NULL;
	o.title = sb[0].buf;
	o.footer_note = sb[1].buf;
	o.subject = sb[2].buf;
	o.created = pk->r->generated_at;
	rc = pst_pdf_new(&pk->pdf, &o, pk->err);
	strbuf_release(&sb[0]);
	strbuf_release(&sb[1]);
	strbuf_release(&sb[2]);
	return rc;
}

int pst_render_pdf(const struct pst_review *r, size_t team, const struct pst_render_pdf_opts *opts,
                   const char *path, struct pst_error *err)
{
	static int (*const sections[])(struct pack *) = {
		pack_glance, pack_summary, pack_movers, pack_gains, pack_clouds, pack_governance, pack_paths, pack_teams,
		pack_exemptions, pack_compliance, pack_alerts, pack_quality, pack_evidence,
	};
	struct pack pk;
	size_t i;
	int rc;

	memset(&pk, 0, sizeof(pk));
	pk.r = r;
	pk.team = team;
	pk.err = err;
	if (team != PST_REVIEW_NO_TEAM && team >= r->nteams)
		return pst_fail(err, PST_EUSAGE, "%s: team %zu out of range (%zu teams)", path, team, r->nteams);
	rc = pack_open(&pk, opts);
	if (rc == PST_OK && team != PST_REVIEW_NO_TEAM)
		pst_pdf_flow(pk.pdf, PACK_FLOW_KEEP); /* a team's pack: sections follow on the same page */
	for (i = 0; i < PST_ARRAY_LEN(sections) && rc == PST_OK; i++)
		rc = sections[i](&pk);
	if (rc == PST_OK)
		rc = pst_pdf_save(pk.pdf, path, err);
	pack_release(&pk);
	return rc;
}

