/* verify_claims.c: the claims CSV (records split by pst_conf_csv). */
#include "posture/verify.h"

#include <stdlib.h>
#include <string.h>
#include "posture/conf.h"

enum col { COL_RESOURCE, COL_RECOMMENDATION, COL_TEAM, COL_TICKET, COL__COUNT };

static const char *const col_names[COL__COUNT][10] = {
	{"resourceid", "resource", "assessedresourceid", NULL},
	{"recommendation", "recommendationkey", "assessmentkey", "key", "recommendationname", "recommendationid",
	 "recommendationdisplayname", "displayname", "assessment", NULL},
	{"team", "ownerteam", NULL},
	{"ticket", "ticketid", "ticketnumber", NULL}};

void pst_claims_init(struct pst_claims *c)
{
	memset(c, 0, sizeof(*c));
}

void pst_claims_release(struct pst_claims *c)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		free(c->items[i].resource_id);
		free(c->items[i].recommendation);
		free(c->items[i].team);
		free(c->items[i].ticket);
	}
	free(c->items);
	pst_claims_init(c);
}

/* Lower-cases and drops blanks, '_' and '-'. */
static void norm_name(const char *s, char *out, size_t size)
{
	size_t n = 0;

	for (; *s && n + 1 < size; s++) {
		if (*s == ' ' || *s == '_' || *s == '-' || *s == '\t')
			continue;
		out[n++] = (*s >= 'A' && *s <= 'Z') ? (char)(*s + 32) : *s;
	}
	out[n] = '\0';
}

static size_t find_col(const struct pst_conf_csv *hdr, enum col c)
{
	char name[64];
	size_t i, k;

	for (k = 0; col_names[c][k]; k++) {
		for (i = 0; i < hdr->n; i++) {
			norm_name(pst_conf_csv_field(hdr, i), name, sizeof(name));
			if (strcmp(name, col_names[c][k]) == 0)
				return i;
		}
	}
	return SIZE_MAX;
}

static int header_cols(const struct pst_conf_csv *hdr, size_t *cols, struct pst_error *err)
{
	size_t c;

	for (c = 0; c < COL__COUNT; c++)
		cols[c] = find_col(hdr, (enum col)c);
	if (cols[COL_RESOURCE] == SIZE_MAX)
		return pst_conf_fail(err, hdr->path, hdr->rec_line, "no resource id column (resource_id, resource)");
	if (cols[COL_RECOMMENDATION] == SIZE_MAX)
		return pst_conf_fail(err, hdr->path, hdr->rec_line,
		                     "no recommendation column (recommendation, assessment_key, display_name)");
	return PST_OK;
}

static char *opt_cell(const struct pst_conf_csv *r, size_t col)
{
	return col == SIZE_MAX ? NULL : xstrdup(pst_conf_csv_field(r, col));
}

static bool blank_row(const struct pst_conf_csv *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (*pst_conf_csv_field(r, i))
			return false;
	return true;
}

static int add_claim(struct pst_claims *c, const struct pst_conf_csv *r, const size_t *cols, struct pst_error *err)
{
	struct pst_claim *cl;

	if (blank_row(r))
		return PST_OK;
	if (!*pst_conf_csv_field(r, cols[COL_RESOURCE]))
		return pst_conf_fail(err, r->path, r->rec_line, "empty resource id");
	if (!*pst_conf_csv_field(r, cols[COL_RECOMMENDATION]))
		return pst_conf_fail(err, r->path, r->rec_line, "empty recommendation");
	PST_GROW(c->items, c->alloc, c->n + 1);
	cl = &c->items[c->n++];
	cl->line = r->rec_line;
	cl->resource_id = xstrdup(pst_conf_csv_field(r, cols[COL_RESOURCE]));
	cl->recommendation = xstrdup(pst_conf_csv_field(r, cols[COL_RECOMMENDATION]));
	cl->team = opt_cell(r, cols[COL_TEAM]);
	cl->ticket = opt_cell(r, cols[COL_TICKET]);
	return PST_OK;
}

/* The header row: where the columns are. */
static int read_header(struct pst_conf_csv *r, size_t *cols, struct pst_error *err)
{
	bool more;
	int rc = pst_conf_csv_next(r, &more, err);

	if (rc == PST_OK && !more)
		return pst_fail(err, PST_EDATA, "%s: empty file (expected a header row)", r->path);
	return rc == PST_OK ? header_cols(r, cols, err) : rc;
}

int pst_claims_parse(struct pst_claims *c, const char *path, const char *text, size_t len, struct pst_error *err)
{
	struct pst_conf_csv r;
	size_t cols[COL__COUNT];
	bool more = true;
	int rc = pst_conf_csv_init(&r, path, text, len, err);

	if (rc == PST_OK)
		rc = read_header(&r, cols, err);
	while (rc == PST_OK && more) {
		rc = pst_conf_csv_next(&r, &more, err);
		if (rc == PST_OK && more)
			rc = add_claim(c, &r, cols, err);
	}
	pst_conf_csv_release(&r);
	return rc;
}

int pst_claims_load(struct pst_claims *c, const char *path, struct pst_error *err)
{
	struct strbuf sb = STRBUF_INIT;
	int rc = pst_conf_read(path, PST_CLAIMS_MAX_BYTES, &sb, err);

	if (rc == PST_OK)
		rc = pst_claims_parse(c, path, strbuf_cstr(&sb), sb.len, err);
	strbuf_release(&sb);
	return rc;
}
