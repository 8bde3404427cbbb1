/* teams_lex.h (private to src/analysis): the tokenizer shared by the team
 * rules file (teams.c) and the goals file (goals.c).
 *
 * Both files are UTF-8 text made of tokens: bare words (any run of bytes
 * other than blanks, '=', ',' and '"'), double-quoted strings (escapes \" and
 * \\; no newline inside), '=' and ','.  '#' at the start of a token starts a
 * comment that runs to the end of the line.  A UTF-8 BOM and CR are ignored.
 * Newlines are blanks: the grammar of each file decides where an entry ends.
 */
#ifndef POSTURE_TEAMS_LEX_H
#define POSTURE_TEAMS_LEX_H

#include <stddef.h>
#include "posture/common.h"
#include "posture/strbuf.h"

enum pst_tok { PST_TOK_EOF, PST_TOK_WORD, PST_TOK_STRING, PST_TOK_EQ, PST_TOK_COMMA };

struct pst_lex {
	const char *path;   /* borrowed: for messages */
	const char *p, *end; /* borrowed: the text */
	unsigned line;      /* line of the next byte */
	enum pst_tok tok;   /* the current token */
	unsigned tok_line;  /* its line */
	struct strbuf text; /* owned: its text (unquoted) */
};

/* Checks that text is UTF-8 (error names the line) and sets up lx. */
int pst_lex_init(struct pst_lex *lx, const char *path, const char *text, size_t len, struct pst_error *err);
void pst_lex_release(struct pst_lex *lx);
/* Reads the next token into lx->tok / lx->text / lx->tok_line. */
int pst_lex_next(struct pst_lex *lx, struct pst_error *err);
/* Fails with "PATH:LINE: MSG" at the current token. */
int pst_lex_fail(const struct pst_lex *lx, struct pst_error *err, const char *fmt, ...) PST_PRINTF(3, 4);
/* Describes the current token for messages: "'word'", "'='", "end of file". */
const char *pst_lex_what(const struct pst_lex *lx, char *buf, size_t size);

/* Reads a whole (small) file into *text (owned by the caller, NUL-terminated).
 * Files above max_bytes are refused. */
int pst_read_small_file(const char *path, size_t max_bytes, char **text, size_t *len, struct pst_error *err);

/* The file to read: given if not NULL, else templates/NAME if it exists,
 * else POSTURE_DATADIR/NAME if it exists, else NULL (buf holds the path). */
const char *pst_conf_default(const char *given, const char *name, char *buf, size_t size);

#endif
