/* conf.h: the one reader and lexer of configuration files: the team rules
 * (templates/teams.conf), the goals (templates/goals.conf), the report
 * settings (templates/report.conf) and the claims CSV (verify.h).
 *
 * The same text rules hold for every one of them:
 *   - a file is read whole, up to a byte cap (pst_conf_read);
 *   - it is UTF-8 without NUL bytes; a UTF-8 BOM at the start is skipped
 *     (pst_conf_check: the lexer and the CSV splitter call it);
 *   - lines end at LF, CRLF or a CR alone, and are numbered from 1;
 *   - an error is PST_EDATA with "PATH:LINE: what", or "PATH: what" when it
 *     is about the whole file (cannot be opened, too big, a NUL byte).
 *
 * Three ways to read the text:
 *   - tokens (team rules, goals): pst_conf_lex_next gives bare words (any
 *     run of bytes other than blanks, line ends, '=', ',' and '"'),
 *     double-quoted strings (escapes \" and \\; no line end inside), '='
 *     and ','.  '#' at the start of a token starts a comment that runs to
 *     the end of the line.  Line ends are blanks: the grammar decides
 *     where an entry ends;
 *   - lines (settings): pst_conf_lex_line, pst_conf_lex_upto and
 *     pst_conf_lex_rest take `key = value` lines as raw text;
 *   - CSV records (claims): pst_conf_csv_next splits RFC 4180 records.
 *
 * Ownership: the lexer and the splitter borrow the text and the path for
 * their lifetime; each owns its token or record buffer, which its _release
 * frees; lx->text and the fields are valid until the next call.
 * pst_conf_read fills a strbuf the caller owns.
 */
#ifndef POSTURE_CONF_H
#define POSTURE_CONF_H

#include <stdbool.h>
#include <stddef.h>
#include "posture/common.h"
#include "posture/strbuf.h"

/* Reads the whole file at path into sb (reset first).  PST_ENOINPUT
 * "PATH: why" when it cannot be opened; PST_EDATA "PATH: larger than N
 * bytes" above max_bytes (reading stops there); PST_EIO "PATH: read error". */
int pst_conf_read(const char *path, size_t max_bytes, struct strbuf *sb, struct pst_error *err);

/* Checks text[0..len): "PATH: NUL byte in a text file", then
 * "PATH:LINE: invalid UTF-8" (both PST_EDATA).  *body gets the offset past
 * a UTF-8 BOM: 3, or 0 without one. */
int pst_conf_check(const char *path, const char *text, size_t len, size_t *body, struct pst_error *err);

/* Returns PST_EDATA with "PATH:LINE: " and the formatted text in err; a
 * message cut to fit err is cut at a UTF-8 character boundary. */
int pst_conf_fail(struct pst_error *err, const char *path, size_t line, const char *fmt, ...) PST_PRINTF(4, 5);

/* The file to read: given if not NULL, else templates/NAME if it can be
 * opened, else POSTURE_DATADIR/NAME if it can, else NULL.  The path found
 * is written to buf (size bytes), which the result may point into. */
const char *pst_conf_default(const char *given, const char *name, char *buf, size_t size);

enum pst_conf_tok { PST_CONF_EOF, PST_CONF_WORD, PST_CONF_STRING, PST_CONF_EQ, PST_CONF_COMMA };

struct pst_conf_lex {
	const char *path;      /* borrowed: for messages */
	const char *p, *end;   /* borrowed: the text still to read */
	unsigned line;         /* line of p */
	enum pst_conf_tok tok; /* the current token */
	unsigned tok_line;     /* its line (at the end of the text: the last token's) */
	struct strbuf text;    /* owned: its text (unquoted) */
};

/* Checks the text (pst_conf_check) and sets up lx, which can be released
 * even when this fails. */
int pst_conf_lex_init(struct pst_conf_lex *lx, const char *path, const char *text, size_t len,
                      struct pst_error *err);
void pst_conf_lex_release(struct pst_conf_lex *lx);
/* Reads the next token into lx->tok, lx->text and lx->tok_line. */
int pst_conf_lex_next(struct pst_conf_lex *lx, struct pst_error *err);
/* True when the current token is the bare word w (ASCII case-insensitive). */
bool pst_conf_lex_is(const struct pst_conf_lex *lx, const char *w);
/* Fails with "PATH:LINE: what" at the current token's line. */
int pst_conf_lex_fail(const struct pst_conf_lex *lx, struct pst_error *err, const char *fmt, ...) PST_PRINTF(3, 4);
/* The current token for messages: 'word', "string", '=' or end of file;
 * in buf (size bytes), cut at a character boundary to fit. */
const char *pst_conf_lex_what(const struct pst_conf_lex *lx, char *buf, size_t size);

/* Lines: moves to the first byte of the next line that holds more than
 * blanks and is not a comment ('#' as its first non-blank); sets
 * lx->tok_line to its number.  False at the end of the text. */
bool pst_conf_lex_line(struct pst_conf_lex *lx);
/* Takes the line up to the first byte stop into lx->text (blanks trimmed)
 * and moves past stop; false, taking nothing, when the line has no stop. */
bool pst_conf_lex_upto(struct pst_conf_lex *lx, char stop);
/* Takes the rest of the line into lx->text (blanks trimmed) and its end. */
void pst_conf_lex_rest(struct pst_conf_lex *lx);

/* RFC 4180 records: fields separated by ',' and quoted with '"' ("" for a
 * quote; line ends inside quotes are kept).  A quote opens a quoted field
 * only as its first byte; elsewhere, and after the closing quote, bytes are
 * taken as they are.  Records end at a line end outside quotes; a blank
 * line is a record of one empty field. */
struct pst_conf_csv {
	const char *path;      /* borrowed: for messages */
	const char *p, *end;   /* borrowed: the text still to read */
	size_t line;           /* line of p */
	size_t rec_line;       /* line where the current record starts */
	size_t n;              /* its fields */
	struct strbuf fields;  /* owned: the fields, each NUL-terminated */
	size_t *starts;        /* owned: where each field starts in fields */
	size_t alloc;
	bool quoted, started;  /* inside a quoted field; the field has begun */
};

/* Checks the text (pst_conf_check) and sets up c, which can be released
 * even when this fails. */
int pst_conf_csv_init(struct pst_conf_csv *c, const char *path, const char *text, size_t len,
                      struct pst_error *err);
void pst_conf_csv_release(struct pst_conf_csv *c);
/* Reads the next record; *more is false at the end of the text.  Fails
 * with "PATH:LINE: unterminated quoted field" (the record's line). */
int pst_conf_csv_next(struct pst_conf_csv *c, bool *more, struct pst_error *err);
/* Field i of the current record; "" when it has no field i. */
const char *pst_conf_csv_field(const struct pst_conf_csv *c, size_t i);

#endif
