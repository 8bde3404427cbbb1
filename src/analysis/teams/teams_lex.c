/* teams_lex.c: tokenizer of the team rules and goals files (see teams_lex.h). */
#include <errno.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "posture/utf8.h"
#include "teams_lex.h"

static unsigned line_at(const char *text, size_t off)
{
	unsigned line = 1;
	size_t i;

	for (i = 0; i < off; i++)
		line += text[i] == '\n';
	return line;
}

int pst_lex_init(struct pst_lex *lx, const char *path, const char *text, size_t len, struct pst_error *err)
{
	size_t bad;

	memset(lx, 0, sizeof(*lx));
	strbuf_init(&lx->text);
	lx->path = path;
	lx->line = 1;
	if (!pst_utf8_valid(text, len, &bad))
		return pst_fail(err, PST_EDATA, "%s:%u: invalid UTF-8", path, line_at(text, bad));
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	lx->p = text;
	lx->end = text + len;
	return PST_OK;
}

void pst_lex_release(struct pst_lex *lx)
{
	strbuf_release(&lx->text);
}

int pst_lex_fail(const struct pst_lex *lx, struct pst_error *err, const char *fmt, ...)
{
	char msg[PST_ERRMSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return pst_fail(err, PST_EDATA, "%s:%u: %s", lx->path, lx->tok_line, msg);
}

const char *pst_lex_what(const struct pst_lex *lx, char *buf, size_t size)
{
	if (lx->tok == PST_TOK_EOF)
		return "end of file";
	if (lx->tok == PST_TOK_STRING)
		snprintf(buf, size, "\"%s\"", strbuf_cstr(&lx->text));
	else
		snprintf(buf, size, "'%s'", strbuf_cstr(&lx->text));
	return buf;
}

/* Skips blanks, newlines and comments. */
static void skip_space(struct pst_lex *lx)
{
	while (lx->p < lx->end) {
		char c = *lx->p;

		if (c == '#') {
			while (lx->p < lx->end && *lx->p != '\n')
				lx->p++;
		} else if (c == '\n') {
			lx->line++;
			lx->p++;
		} else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
			lx->p++;
		} else {
			return;
		}
	}
}

static int read_string(struct pst_lex *lx, struct pst_error *err)
{
	lx->p++; /* the opening quote */
	while (lx->p < lx->end && *lx->p != '"') {
		char c = *lx->p++;

		if (c == '\n')
			break;
		if (c == '\\' && lx->p < lx->end && (*lx->p == '"' || *lx->p == '\\'))
			c = *lx->p++;
		strbuf_addch(&lx->text, c);
	}
	if (lx->p >= lx->end || *lx->p != '"')
		return pst_lex_fail(lx, err, "unterminated string");
	lx->p++;
	lx->tok = PST_TOK_STRING;
	return PST_OK;
}

static int is_word_byte(char c)
{
	return !strchr(" \t\r\n\f\v=,\"", c);
}

int pst_lex_next(struct pst_lex *lx, struct pst_error *err)
{
	skip_space(lx);
	strbuf_reset(&lx->text);
	if (lx->p >= lx->end) {
		/* Messages about a missing token name the line of the last one. */
		lx->tok = PST_TOK_EOF;
		if (!lx->tok_line)
			lx->tok_line = lx->line;
		return PST_OK;
	}
	lx->tok_line = lx->line;
	if (*lx->p == '"')
		return read_string(lx, err);
	if (*lx->p == '=' || *lx->p == ',') {
		lx->tok = *lx->p == '=' ? PST_TOK_EQ : PST_TOK_COMMA;
		strbuf_addch(&lx->text, *lx->p++);
		return PST_OK;
	}
	while (lx->p < lx->end && is_word_byte(*lx->p))
		strbuf_addch(&lx->text, *lx->p++);
	lx->tok = PST_TOK_WORD;
	return PST_OK;
}

int pst_read_small_file(const char *path, size_t max_bytes, char **text, size_t *len, struct pst_error *err)
{
	struct strbuf sb = STRBUF_INIT;
	char chunk[4096];
	size_t got;
	FILE *fp = fopen(path, "rb");
	int rc = PST_OK;

	*text = NULL;
	*len = 0;
	if (!fp)
		return pst_fail(err, PST_ENOINPUT, "%s: %s", path, strerror(errno));
	while ((got = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		strbuf_add(&sb, chunk, got);
		if (sb.len > max_bytes) {
			rc = pst_fail(err, PST_EDATA, "%s: larger than %zu bytes", path, max_bytes);
			goto out;
		}
	}
	if (ferror(fp))
		rc = pst_fail(err, PST_EIO, "%s: read error", path);
out:
	fclose(fp);
	if (rc != PST_OK) {
		strbuf_release(&sb);
		return rc;
	}
	*len = sb.len;
	*text = strbuf_detach(&sb);
	return PST_OK;
}

static bool readable(const char *path)
{
	FILE *fp = fopen(path, "rb");

	if (!fp)
		return false;
	fclose(fp);
	return true;
}

const char *pst_conf_default(const char *given, const char *name, char *buf, size_t size)
{
	if (given)
		return given;
	snprintf(buf, size, "templates/%s", name);
	if (readable(buf))
		return buf;
	snprintf(buf, size, "%s/%s", POSTURE_DATADIR, name);
	return readable(buf) ? buf : NULL;
}
