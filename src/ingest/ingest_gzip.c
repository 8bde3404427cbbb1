/* ingest_gzip.c: what a damaged gzip stream did to a file's records.
 *
 * The rule (README, "Damaged and unusual input"):
 * - The records decoded before the damage are kept and counted; the damage
 *   is reported once, as a gzip error naming the compressed offset.
 * - zlib stops on bad compressed data (PST_GZ_CORRUPT) or at the end of a
 *   cut file (PST_GZ_TRUNCATED): the rest of the file is not read.  A
 *   flipped byte usually decodes into some garbage before zlib notices, so
 *   the records rejected from the first one in the last MiB decoded before
 *   that point (in the same gzip member) are taken as the damage showing:
 *   they are folded into the gzip report, which names the first of them and
 *   how many.  For a cut file only the record cut short is folded.
 * - A member that decodes to its end but fails its CRC-32 or length check
 *   (PST_GZ_CHECK) may be wrong anywhere: the records rejected from the
 *   first one in that member on are folded the same way, and the records
 *   read after that first one, which the check does not vouch for, are kept
 *   but named as suspect (count and lines).  With no record rejected it is
 *   a warning: every record of the member is kept, and suspect.
 * - A reader that stops on a file-level error (a JSON document that cannot
 *   be parsed) in a gzip file: the rest of the stream is decoded to check
 *   it; when it is damaged, the reader's error is the damage showing and
 *   the file is kept, not failed; when it is sound, the reader's error
 *   stands.
 * Folded records stay counted as rejected (at least one for the damage).
 */
#include "ingest_int.h"

#include <stdlib.h>
#include <string.h>
#include "posture/strbuf.h"
#include "posture/utf8.h"

#define GZ_NOTES 4096           /* rejections remembered per file */
#define GZ_WINDOW (1u << 20)    /* decoded bytes before zlib stops taken as damaged */

struct gz_note {
	uint64_t offset, line;  /* of the rejected record */
	uint64_t emitted;       /* records emitted before it */
	uint64_t next_line;     /* line of the first record emitted after it (0: none yet) */
	size_t item;            /* rep->diags.n before it */
	uint64_t rejected;      /* rep->rejected before it */
};

struct pst_gz_watch {
	struct gz_note *notes;
	size_t n, alloc, filled;      /* notes[0..filled) have their next_line */
	uint64_t emitted, last_line;  /* records emitted, the line of the last one */
	uint64_t member, in_member;   /* the member_start seen last; records emitted from it */
	size_t damage_note;           /* notes[] index at the damage */
	uint64_t damage_offset;       /* decoded bytes at the damage */
	char *reader_error;           /* a reader's file-level error folded into the damage */
};

void pst_gz_watch_start(struct pst_file_ctx *fc)
{
	fc->gz = xcalloc(1, sizeof(*fc->gz));
}

void pst_gz_watch_end(struct pst_file_ctx *fc)
{
	if (!fc->gz)
		return;
	free(fc->gz->notes);
	free(fc->gz->reader_error);
	free(fc->gz);
	fc->gz = NULL;
}

void pst_gz_note_reject(struct pst_file_ctx *fc, const struct pst_origin *at)
{
	struct pst_gz_watch *g = fc->gz;
	struct gz_note *t;

	if (!g || g->n >= GZ_NOTES)
		return;
	PST_GROW(g->notes, g->alloc, g->n + 1);
	t = &g->notes[g->n++];
	t->offset = at && at->offset ? at->offset : fc->in->offset;
	t->line = at ? at->line : 0;
	t->emitted = g->emitted;
	t->next_line = 0;
	t->item = fc->rep->diags.n;
	t->rejected = fc->rep->rejected;
}

void pst_gz_note_emit(struct pst_file_ctx *fc, const struct pst_record *rec)
{
	struct pst_gz_watch *g = fc->gz;

	if (!g)
		return;
	g->emitted++;
	g->last_line = rec->origin.line;
	if (g->member != fc->in->member_start) { /* a member passed its check */
		g->member = fc->in->member_start;
		g->in_member = 0;
	}
	if (fc->enc || rec->origin.offset >= g->member)
		g->in_member++;
	while (g->filled < g->n)
		g->notes[g->filled++].next_line = rec->origin.line;
}

void pst_gz_note_damage(struct pst_file_ctx *fc)
{
	fc->damaged = true;
	fc->cut = fc->in->damage != PST_GZ_CHECK;
	if (fc->gz) {
		fc->gz->damage_note = fc->gz->n;
		fc->gz->damage_offset = fc->in->offset;
	}
}

/* The first rejection taken as the damage showing, or NULL. */
static const struct gz_note *first_sign(const struct pst_file_ctx *fc)
{
	const struct pst_gz_watch *g = fc->gz;
	uint64_t ms = fc->enc ? 0 : fc->in->member_start; /* transcoded: offsets are not the stream's */
	size_t i;

	if (fc->in->damage == PST_GZ_TRUNCATED)
		return g->damage_note < g->n ? &g->notes[g->damage_note] : NULL;
	for (i = 0; i < g->n; i++) {
		const struct gz_note *t = &g->notes[i];

		if (t->offset < ms)
			continue;
		if (fc->in->damage == PST_GZ_CORRUPT && i < g->damage_note && t->offset + GZ_WINDOW < g->damage_offset)
			continue;
		return t;
	}
	return NULL;
}

/* Drops the rejected-record diagnostics from item on (they are still counted). */
static void drop_rejects(struct pst_diags *d, size_t item)
{
	size_t i, k = item;

	for (i = item; i < d->n; i++) {
		if (d->items[i].code == PST_DC_BAD_RECORD) {
			free(d->items[i].file);
			free(d->items[i].msg);
		} else {
			d->items[k++] = d->items[i];
		}
	}
	if (item < d->n)
		d->n = k;
}

static void add_quoted(struct strbuf *sb, const char *s)
{
	pst_utf8_sanitize(sb, s, pst_utf8_cut(s, strlen(s), 160));
}

static void plural(struct strbuf *sb, uint64_t n, const char *one, const char *many)
{
	strbuf_addf(sb, "%llu %s", (unsigned long long)n, n == 1 ? one : many);
}

static void base_text(const struct pst_filein *in, struct strbuf *sb)
{
	unsigned long long at = (unsigned long long)in->damage_at, dec = (unsigned long long)in->offset;

	if (in->damage == PST_GZ_TRUNCATED)
		strbuf_addf(sb, "gzip: offset %llu: the file ends inside the compressed data (truncated) after %llu "
		            "decoded bytes: the records before it are kept", at, dec);
	else if (in->damage == PST_GZ_CHECK)
		strbuf_addf(sb, "gzip: offset %llu: the decoded data fails the gzip check (%s), so it may be wrong", at,
		            in->damage_why);
	else
		strbuf_addf(sb, "gzip: offset %llu: corrupt compressed data (%s) after %llu decoded bytes: the records "
		            "before the damage are kept, the rest of the file is not read", at, in->damage_why, dec);
}

void pst_gz_report(struct pst_file_ctx *fc)
{
	struct pst_gz_watch *g = fc->gz;
	struct pst_source *r = fc->rep;
	const struct gz_note *t = first_sign(fc);
	struct gz_note sign;
	struct strbuf sb = STRBUF_INIT;
	uint64_t folded, after;
	const char *first = NULL;
	bool rerr = g->reader_error != NULL;

	if (t) {
		sign = *t;
	} else if (rerr) {
		memset(&sign, 0, sizeof(sign));
		sign.emitted = g->emitted;
		sign.item = r->diags.n;
		sign.rejected = r->rejected;
	}
	base_text(fc->in, &sb);
	if (!t && !rerr) {
		if (fc->in->damage == PST_GZ_CHECK) {
			strbuf_addstr(&sb, ": no record in it was rejected; ");
			plural(&sb, g->member == fc->in->member_start ? g->in_member : 0, "record", "records");
			strbuf_addstr(&sb, " read from it kept, but suspect");
			pst_warn(fc, NULL, "%s", sb.buf);
		} else {
			pst_reject(fc, NULL, "%s", sb.buf);
		}
		strbuf_release(&sb);
		return;
	}
	folded = r->rejected - sign.rejected + rerr;
	after = g->emitted - sign.emitted;
	if (sign.item < r->diags.n && r->diags.items[sign.item].code == PST_DC_BAD_RECORD)
		first = r->diags.items[sign.item].msg;
	else if (rerr)
		first = g->reader_error;
	if (sign.line)
		strbuf_addf(&sb, "; the damage shows first at line %llu", (unsigned long long)sign.line);
	else
		strbuf_addstr(&sb, "; the damage shows first");
	if (first) {
		strbuf_addstr(&sb, " (");
		add_quoted(&sb, first);
		strbuf_addstr(&sb, ")");
	}
	strbuf_addstr(&sb, ": ");
	if (!t) {
		strbuf_addstr(&sb, "the reader stops there");
	} else {
		plural(&sb, folded, "record", "records");
		strbuf_addstr(&sb, " from there on rejected");
		if (rerr)
			strbuf_addstr(&sb, ", where the reader stops");
	}
	if (after && fc->in->damage != PST_GZ_TRUNCATED) {
		strbuf_addstr(&sb, ", ");
		plural(&sb, after, "record", "records");
		strbuf_addf(&sb, " read after it kept, but suspect (line%s %llu", sign.next_line == g->last_line ? "" : "s",
		            (unsigned long long)sign.next_line);
		if (sign.next_line != g->last_line)
			strbuf_addf(&sb, "..%llu", (unsigned long long)g->last_line);
		strbuf_addstr(&sb, ")");
	}
	drop_rejects(&r->diags, sign.item);
	pst_reject(fc, NULL, "%s", sb.buf);
	if (r->diags.n > sign.item && r->diags.items[r->diags.n - 1].code == PST_DC_BAD_RECORD)
		r->diags.items[r->diags.n - 1].records = folded ? folded : 1; /* kept: it stands for them */
	/* The report stands for the folded records: they stay counted as
	 * rejected (at least one), but are no longer diagnostics of their own. */
	r->rejected = sign.rejected + (folded ? folded : 1);
	r->diags.count[PST_DIAG_REJECTED] = sign.rejected + 1;
	strbuf_release(&sb);
}

/* After a reader's file-level error in a gzip file: decodes the rest to
 * check it.  Returns PST_OK when the stream is damaged (the reader's error
 * is then the damage showing), else rc with err as the reader left it. */
int pst_gz_reader_failed(struct pst_file_ctx *fc, int rc, struct pst_error *err)
{
	struct pst_error scratch;
	size_t n = strlen(fc->path), got = 1;
	char *buf;

	if (rc != PST_EDATA || !fc->gz)
		return rc;
	if (!fc->damaged) {
		buf = xmalloc(PST_FILEIN_CHUNK);
		fc->head_pos = fc->nhead;
		while (got && !fc->damaged && pst_fc_read(fc, buf, PST_FILEIN_CHUNK, &got, &scratch) == PST_OK)
			;
		free(buf);
	}
	if (!fc->damaged)
		return rc;
	free(fc->gz->reader_error);
	fc->gz->reader_error = xstrdup(strncmp(err->msg, fc->path, n) == 0 && err->msg[n] == ':' ?
	                               err->msg + n + 1 + (err->msg[n + 1] == ' ') : err->msg);
	return PST_OK;
}
