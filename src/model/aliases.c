/* aliases.c: the renamed-recommendation files (aliases.h). */
#include "posture/aliases.h"

#include <stdlib.h>
#include <string.h>
#include "posture/conf.h"
#include "posture/strbuf.h"

void pst_aliases_init(struct pst_aliases *a)
{
	memset(a, 0, sizeof(*a));
}

static void free_from(struct pst_aliases *a, size_t from)
{
	size_t i;

	for (i = from; i < a->n; i++) {
		free(a->items[i].old_key);
		free(a->items[i].new_key);
		free(a->items[i].source);
		free(a->items[i].origin);
	}
	a->n = from;
}

void pst_aliases_release(struct pst_aliases *a)
{
	free_from(a, 0);
	free(a->items);
	pst_aliases_init(a);
}

/* A key: a bare word without '/' (an assessment name). */
static int key_parse(struct pst_conf_lex *lx, char **out, const char *what_for, struct pst_error *err)
{
	char what[128];
	int rc;

	if (lx->tok != PST_CONF_WORD || !lx->text.len || strchr(strbuf_cstr(&lx->text), '/'))
		return pst_conf_lex_fail(lx, err, "expected the %s assessment key, got %s", what_for,
		                         pst_conf_lex_what(lx, what, sizeof(what)));
	*out = xstrdup(strbuf_cstr(&lx->text));
	rc = pst_conf_lex_next(lx, err);
	return rc;
}

static int arrow_parse(struct pst_conf_lex *lx, struct pst_error *err)
{
	char what[128];

	if (lx->tok != PST_CONF_WORD || strcmp(strbuf_cstr(&lx->text), "->") != 0)
		return pst_conf_lex_fail(lx, err, "expected '->' between the old and the new key, got %s",
		                         pst_conf_lex_what(lx, what, sizeof(what)));
	return pst_conf_lex_next(lx, err);
}

/* [source "TEXT"] */
static int source_parse(struct pst_conf_lex *lx, char **out, struct pst_error *err)
{
	char what[128];
	int rc;

	if (!pst_conf_lex_is(lx, "source")) {
		*out = xstrdup("");
		return PST_OK;
	}
	if ((rc = pst_conf_lex_next(lx, err)) != PST_OK)
		return rc;
	if (lx->tok != PST_CONF_STRING && lx->tok != PST_CONF_WORD)
		return pst_conf_lex_fail(lx, err, "expected the source after 'source', got %s",
		                         pst_conf_lex_what(lx, what, sizeof(what)));
	*out = xstrdup(strbuf_cstr(&lx->text));
	return pst_conf_lex_next(lx, err);
}

/* 'alias' OLD '->' NEW ['source' TEXT]; the current token is 'alias'. */
static int parse_alias(struct pst_conf_lex *lx, struct pst_aliases *a, struct pst_error *err)
{
	struct pst_alias *al;
	struct strbuf sb = STRBUF_INIT;
	int rc;

	PST_GROW(a->items, a->alloc, a->n + 1);
	al = &a->items[a->n++];
	memset(al, 0, sizeof(*al));
	strbuf_addf(&sb, "%s:%u", lx->path, lx->tok_line);
	al->origin = strbuf_detach(&sb);
	if ((rc = pst_conf_lex_next(lx, err)) != PST_OK || (rc = key_parse(lx, &al->old_key, "old", err)) != PST_OK ||
	    (rc = arrow_parse(lx, err)) != PST_OK || (rc = key_parse(lx, &al->new_key, "new", err)) != PST_OK)
		return rc;
	if (pst_strcasecmp(al->old_key, al->new_key) == 0)
		return pst_conf_fail(err, lx->path, lx->tok_line, "an alias from a key to itself (%s)", al->old_key);
	return source_parse(lx, &al->source, err);
}

int pst_aliases_parse(struct pst_aliases *a, const char *path, const char *text, size_t len,
                      struct pst_error *err)
{
	struct pst_conf_lex lx;
	size_t before = a->n;
	char what[128];
	int rc = pst_conf_lex_init(&lx, path, text, len, err);

	if (rc == PST_OK)
		rc = pst_conf_lex_next(&lx, err);
	while (rc == PST_OK && lx.tok != PST_CONF_EOF) {
		if (!pst_conf_lex_is(&lx, "alias"))
			rc = pst_conf_lex_fail(&lx, err, "expected 'alias', got %s", pst_conf_lex_what(&lx, what, sizeof(what)));
		else
			rc = parse_alias(&lx, a, err);
	}
	pst_conf_lex_release(&lx);
	if (rc != PST_OK)
		free_from(a, before);
	return rc;
}

int pst_aliases_load(struct pst_aliases *a, const char *path, struct pst_error *err)
{
	struct strbuf sb = STRBUF_INIT;
	int rc = pst_conf_read(path, PST_ALIASES_MAX_FILE, &sb, err);

	if (rc == PST_OK)
		rc = pst_aliases_parse(a, path, strbuf_cstr(&sb), sb.len, err);
	strbuf_release(&sb);
	return rc;
}

int pst_aliases_load_default(struct pst_aliases *a, const char *user, struct pst_error *err)
{
	char buf[1024];
	const char *shipped = pst_conf_default(NULL, "aliases.conf", buf, sizeof(buf));
	int rc = shipped ? pst_aliases_load(a, shipped, err) : PST_OK;

	return rc == PST_OK && user ? pst_aliases_load(a, user, err) : rc;
}
