/* test_conf.c: the configuration-file reader (cap, BOM, UTF-8 and NUL
 * checks, line ends), the default-file lookup, the lexer (tokens and
 * lines), the CSV record splitter, and a bounded, deterministic mutation
 * loop over tests/fuzz/corpus/conf through the four parsers. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "check.h"
#include "test_file_util.h"
#include "../fuzz/fuzz_conf_one.h"
#include "posture/conf.h"
#include "posture/utf8.h"

#define MUTANTS 3000

static void write_file(const char *path, const char *text, size_t len)
{
	FILE *fp = fopen(path, "wb");

	CHECK(fp != NULL);
	if (!fp)
		return;
	CHECK_INT(fwrite(text, 1, len, fp), len);
	CHECK_INT(fclose(fp), 0);
}

static void test_read(void)
{
	char *dir = tmp_dir("test_conf");
	struct strbuf sb = STRBUF_INIT, path = STRBUF_INIT;
	struct pst_error err = {0, ""};

	CHECK(dir != NULL);
	strbuf_addf(&path, "%s/a.conf", dir ? dir : "/tmp");
	write_file(path.buf, "12345\0" "78", 8);
	CHECK_INT(pst_conf_read(path.buf, 8, &sb, &err), PST_OK);
	CHECK_INT(sb.len, 8);
	CHECK(memcmp(sb.buf, "12345\0" "78", 8) == 0);
	CHECK_INT(pst_conf_read(path.buf, 7, &sb, &err), PST_EDATA);
	CHECK(strncmp(err.msg, path.buf, path.len) == 0);
	CHECK_STR(err.msg + path.len, ": larger than 7 bytes");
	strbuf_addstr(&path, ".none");
	CHECK_INT(pst_conf_read(path.buf, 8, &sb, &err), PST_ENOINPUT);
	CHECK_STR(err.msg + path.len, ": No such file or directory");
	CHECK_INT(pst_conf_read(dir ? dir : "/", 8, &sb, &err), PST_EIO);
	CHECK(strstr(err.msg, ": read error") != NULL);
	strbuf_release(&sb);
	strbuf_release(&path);
	if (dir)
		remove_dir(dir);
	free(dir);
}

static int check(const char *text, size_t len, size_t *body, struct pst_error *err)
{
	return pst_conf_check("x.conf", text, len, body, err);
}

static void test_check(void)
{
	struct pst_error err = {0, ""};
	size_t body = 99;

	CHECK_INT(check("\xEF\xBB\xBFteam", 7, &body, &err), PST_OK);
	CHECK_INT(body, 3);
	CHECK_INT(check("\xEF\xBB", 2, &body, &err), PST_EDATA); /* a cut BOM is bad UTF-8 */
	CHECK_INT(check("", 0, &body, &err), PST_OK);
	CHECK_INT(body, 0);
	CHECK_INT(check("a\nb\n\xC3\x28", 6, &body, &err), PST_EDATA);
	CHECK_STR(err.msg, "x.conf:3: invalid UTF-8");
	CHECK_INT(check("a\r\nb\r\n\xFF", 7, &body, &err), PST_EDATA);
	CHECK_STR(err.msg, "x.conf:3: invalid UTF-8");
	CHECK_INT(check("a\rb\r\xFF", 5, &body, &err), PST_EDATA);
	CHECK_STR(err.msg, "x.conf:3: invalid UTF-8");
	CHECK_INT(check("\r\n\n\r\r\xED\xA0\x80", 8, &body, &err), PST_EDATA); /* a surrogate */
	CHECK_STR(err.msg, "x.conf:5: invalid UTF-8");
	CHECK_INT(check("\xFF\na\0b", 5, &body, &err), PST_EDATA); /* NUL first */
	CHECK_STR(err.msg, "x.conf: NUL byte in a text file");
}

static void test_fail(void)
{
	struct pst_error err = {0, ""};
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	CHECK_INT(pst_conf_fail(&err, "p.conf", 12, "bad %s", "thing"), PST_EDATA);
	CHECK_INT(err.status, PST_EDATA);
	CHECK_STR(err.msg, "p.conf:12: bad thing");
	for (i = 0; i < PST_ERRMSG_MAX; i++)
		strbuf_addstr(&sb, "\xC3\xA9"); /* é: two bytes each */
	pst_conf_fail(&err, "p.conf", 1, "%s", sb.buf); /* 10 bytes, then é: byte 1023 is mid-character */
	CHECK_INT(strlen(err.msg), PST_ERRMSG_MAX - 2);
	CHECK(pst_utf8_valid(err.msg, strlen(err.msg), NULL));
	strbuf_release(&sb);
}

static void test_default(void)
{
	char buf[256], cwd[1024];
	char *dir = tmp_dir("test_conf");

	CHECK_STR(pst_conf_default("mine.conf", "teams.conf", buf, sizeof(buf)), "mine.conf");
	CHECK_STR(pst_conf_default(NULL, "teams.conf", buf, sizeof(buf)), "templates/teams.conf");
	CHECK(pst_conf_default(NULL, "no-such-file.conf", buf, sizeof(buf)) == NULL);
	CHECK_STR(buf, POSTURE_DATADIR "/no-such-file.conf"); /* the last place tried */
	CHECK(dir != NULL && getcwd(cwd, sizeof(cwd)) != NULL);
	if (!dir || chdir(dir) != 0)
		goto out;
	CHECK(pst_conf_default(NULL, "x.conf", buf, sizeof(buf)) == NULL);
	CHECK_INT(mkdir("templates", 0700), 0);
	write_file("templates/x.conf", "", 0);
	CHECK_STR(pst_conf_default(NULL, "x.conf", buf, sizeof(buf)), "templates/x.conf");
	CHECK_INT(chdir(cwd), 0);
out:
	if (dir)
		remove_dir(dir);
	free(dir);
}

/* The tokens of text as "LINE:KIND:TEXT " (or the error message). */
static const char *tokens(const char *text)
{
	static struct strbuf out = STRBUF_INIT;
	static const char kinds[] = "EWS=,";
	struct pst_conf_lex lx;
	struct pst_error err = {0, ""};
	int rc = pst_conf_lex_init(&lx, "t.conf", text, strlen(text), &err);

	strbuf_reset(&out);
	while (rc == PST_OK && (rc = pst_conf_lex_next(&lx, &err)) == PST_OK && lx.tok != PST_CONF_EOF)
		strbuf_addf(&out, "%u:%c:%s ", lx.tok_line, kinds[lx.tok], strbuf_cstr(&lx.text));
	if (rc == PST_OK)
		strbuf_addf(&out, "%u:E", lx.tok_line);
	else
		strbuf_addstr(&out, err.msg);
	pst_conf_lex_release(&lx);
	return strbuf_cstr(&out);
}

static void test_tokens(void)
{
	CHECK_STR(tokens(""), "1:E");
	CHECK_STR(tokens("\n\n  # only a comment\n"), "4:E");
	CHECK_STR(tokens("team \"Équipe \\\"A\\\" \\\\ \\n\" type=a,b\n"),
	          "1:W:team 1:S:Équipe \"A\" \\ \\n 1:W:type 1:=:= 1:W:a 1:,:, 1:W:b 1:E");
	CHECK_STR(tokens("a#b # comment = , \"\n\"\"=#c\n"), "1:W:a#b 2:S: 2:=:= 2:E");
	CHECK_STR(tokens("\xEF\xBB\xBF" "a\r\nb\rc\n\r\nd\f\ve\t"), "1:W:a 2:W:b 3:W:c 5:W:d 5:W:e 5:E");
	CHECK_STR(tokens("# comment ends at a CR\rteam"), "2:W:team 2:E");
	CHECK_STR(tokens("x\n\"open\n\"y\""), "1:W:x t.conf:2: unterminated string");
	CHECK_STR(tokens("x\r\"open\r\"y\""), "1:W:x t.conf:2: unterminated string");
	CHECK_STR(tokens("\"open"), "t.conf:1: unterminated string");
	CHECK_STR(tokens("a\n\xC3"), "t.conf:2: invalid UTF-8");
}

static void test_what(void)
{
	struct pst_conf_lex lx;
	struct pst_error err = {0, ""};
	const char *text = "Team \"q\" = , ééééé";
	char buf[10];

	CHECK_INT(pst_conf_lex_init(&lx, "t.conf", text, strlen(text), &err), PST_OK);
	pst_conf_lex_next(&lx, &err);
	CHECK(pst_conf_lex_is(&lx, "team"));
	CHECK(pst_conf_lex_is(&lx, "TEAM"));
	CHECK(!pst_conf_lex_is(&lx, "tea"));
	CHECK_STR(pst_conf_lex_what(&lx, buf, sizeof(buf)), "'Team'");
	pst_conf_lex_next(&lx, &err);
	CHECK(!pst_conf_lex_is(&lx, "q")); /* a string is not a word */
	CHECK_STR(pst_conf_lex_what(&lx, buf, sizeof(buf)), "\"q\"");
	pst_conf_lex_next(&lx, &err);
	CHECK_STR(pst_conf_lex_what(&lx, buf, sizeof(buf)), "'='");
	pst_conf_lex_next(&lx, &err);
	CHECK_STR(pst_conf_lex_what(&lx, buf, sizeof(buf)), "','");
	pst_conf_lex_next(&lx, &err);
	CHECK_STR(pst_conf_lex_what(&lx, buf, sizeof(buf)), "'ééé'"); /* 6 of the 7 bytes free */
	CHECK_INT(pst_conf_lex_fail(&lx, &err, "got %s", "it"), PST_EDATA);
	CHECK_STR(err.msg, "t.conf:1: got it");
	pst_conf_lex_next(&lx, &err);
	CHECK_STR(pst_conf_lex_what(&lx, buf, sizeof(buf)), "end of file");
	pst_conf_lex_release(&lx);
}

/* The `key = value` lines of text as "LINE:KEY=VALUE;" ("LINE:?LINE;" without '='). */
static const char *lines(const char *text)
{
	static struct strbuf out = STRBUF_INIT;
	struct pst_conf_lex lx;
	struct pst_error err = {0, ""};

	strbuf_reset(&out);
	if (pst_conf_lex_init(&lx, "s.conf", text, strlen(text), &err) != PST_OK)
		strbuf_addstr(&out, err.msg);
	while (lx.p < lx.end && pst_conf_lex_line(&lx)) {
		strbuf_addf(&out, "%u:", lx.tok_line);
		if (!pst_conf_lex_upto(&lx, '=')) {
			pst_conf_lex_rest(&lx);
			strbuf_addf(&out, "?%s;", strbuf_cstr(&lx.text));
			continue;
		}
		strbuf_addf(&out, "%s=", strbuf_cstr(&lx.text));
		pst_conf_lex_rest(&lx);
		strbuf_addf(&out, "%s;", strbuf_cstr(&lx.text));
	}
	pst_conf_lex_release(&lx);
	return strbuf_cstr(&out);
}

static void test_lines(void)
{
	CHECK_STR(lines(""), "");
	CHECK_STR(lines("\xEF\xBB\xBF  # comment = 1\n\n \t \norg =  Contoso # Ltd \"x\"  \n"),
	          "4:org=Contoso # Ltd \"x\";");
	CHECK_STR(lines("a=1\r\nb = 2\rc= =3\r\r\nd e = f\n"), "1:a=1;2:b=2;3:c==3;5:d e=f;");
	CHECK_STR(lines("no equals sign\nk = v"), "1:?no equals sign;2:k=v;");
	CHECK_STR(lines(" = v\n\tk=\n"), "1:=v;2:k=;");
	CHECK_STR(lines("k = \xFF"), "s.conf:1: invalid UTF-8");
}

/* The records of text as "LINE:FIELD|FIELD;" (or the error message). */
static const char *records(const char *text, size_t len)
{
	static struct strbuf out = STRBUF_INIT;
	struct pst_conf_csv c;
	struct pst_error err = {0, ""};
	bool more = true;
	size_t i;
	int rc = pst_conf_csv_init(&c, "c.csv", text, len, &err);

	strbuf_reset(&out);
	while (rc == PST_OK && (rc = pst_conf_csv_next(&c, &more, &err)) == PST_OK && more) {
		strbuf_addf(&out, "%zu:", c.rec_line);
		for (i = 0; i < c.n; i++)
			strbuf_addf(&out, "%s%s", i ? "|" : "", pst_conf_csv_field(&c, i));
		strbuf_addch(&out, ';');
	}
	if (rc != PST_OK)
		strbuf_addstr(&out, err.msg);
	pst_conf_csv_release(&c);
	return strbuf_cstr(&out);
}

#define RECORDS(s) records((s), sizeof(s) - 1)

static void test_csv(void)
{
	struct pst_conf_csv c;
	struct pst_error err = {0, ""};
	bool more = true;

	CHECK_STR(RECORDS(""), "");
	CHECK_STR(RECORDS("\xEF\xBB\xBF"), "");
	CHECK_STR(RECORDS("a,b\nc"), "1:a|b;2:c;");
	CHECK_STR(RECORDS("\xEF\xBB\xBF" "a,,\n\n\"\""), "1:a||;2:;3:;");
	CHECK_STR(RECORDS("\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",z\r\nlast\r\n"),
	          "1:x, y|say \"hi\";2:two\r\nlines|z;4:last;");
	CHECK_STR(RECORDS("a\rb\r\rc\r\n"), "1:a;2:b;3:;4:c;");
	CHECK_STR(RECORDS("\"q\nq\rq\"\nnext"), "1:q\nq\rq;4:next;");
	CHECK_STR(RECORDS("a\"b,\"c\"d\"e,\"\"\"\""), "1:a\"b|cd\"e|\";"); /* quotes taken as they are */
	CHECK_STR(RECORDS("h\n\"open,\nstill open"), "1:h;c.csv:2: unterminated quoted field");
	CHECK_STR(RECORDS("h\n\xC3\xA9\r\xC3"), "c.csv:3: invalid UTF-8");
	CHECK_STR(RECORDS("h\n\0"), "c.csv: NUL byte in a text file");
	CHECK_INT(pst_conf_csv_init(&c, "c.csv", "a,b", 3, &err), PST_OK);
	CHECK_STR(pst_conf_csv_field(&c, 0), ""); /* before the first record */
	CHECK_INT(pst_conf_csv_next(&c, &more, &err), PST_OK);
	CHECK(more);
	CHECK_STR(pst_conf_csv_field(&c, 1), "b");
	CHECK_STR(pst_conf_csv_field(&c, 2), "");
	CHECK_INT(pst_conf_csv_next(&c, &more, &err), PST_OK);
	CHECK(!more);
	pst_conf_csv_release(&c);
}

static uint64_t rng_next(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* Replaces, inserts or deletes a few bytes, mostly the ones the grammars care about. */
static void mutate(struct strbuf *sb, uint64_t *rng)
{
	static const char bytes[] = "\r\n\"#=,\\ \t\0\xC3\xA9\xFF\xEF\xBB\xBF" "a%";
	int k, edits = 1 + (int)(rng_next(rng) % 4);

	for (k = 0; k < edits; k++) {
		size_t at = sb->len ? (size_t)(rng_next(rng) % sb->len) : 0;
		char c = bytes[rng_next(rng) % (sizeof(bytes) - 1)];
		unsigned op = (unsigned)(rng_next(rng) % 3);

		if (op == 0 && sb->len)
			sb->buf[at] = c;
		else if (op == 1 || !sb->len) {
			strbuf_addch(sb, 0);
			memmove(sb->buf + at + 1, sb->buf + at, sb->len - at - 1);
			sb->buf[at] = c;
		} else {
			memmove(sb->buf + at, sb->buf + at + 1, sb->len - at - 1);
			sb->len--;
		}
	}
}

static void test_promises(void)
{
	static const char *const names[] = {"teams.conf", "teams-cr.conf", "goals.conf", "report.conf", "claims.csv",
	                                    "claims-quoted.csv"};
	struct fuzz_conf_stats st = {0, 0, 0};
	struct strbuf seeds[PST_ARRAY_LEN(names)], text = STRBUF_INIT, path = STRBUF_INIT;
	struct pst_error err = {0, ""};
	uint64_t rng = 0x9E3779B97F4A7C15u;
	size_t i;

	for (i = 0; i < PST_ARRAY_LEN(names); i++) {
		strbuf_init(&seeds[i]);
		strbuf_reset(&path);
		strbuf_addf(&path, "tests/fuzz/corpus/conf/%s", names[i]);
		CHECK_INT(pst_conf_read(path.buf, 1u << 20, &seeds[i], &err), PST_OK);
		fuzz_conf_one(&st, (const unsigned char *)strbuf_cstr(&seeds[i]), seeds[i].len);
	}
	CHECK_INT(st.accepted, PST_ARRAY_LEN(names)); /* each seed by its own parser */
	for (i = 0; i < MUTANTS; i++) {
		const struct strbuf *seed = &seeds[i % PST_ARRAY_LEN(names)];

		strbuf_reset(&text);
		strbuf_add(&text, strbuf_cstr(seed), seed->len);
		mutate(&text, &rng);
		fuzz_conf_one(&st, (const unsigned char *)strbuf_cstr(&text), text.len);
	}
	printf("fuzz: %lu runs, %lu parses accepted\n", st.runs, st.accepted);
	CHECK_INT(st.runs, MUTANTS + PST_ARRAY_LEN(names));
	CHECK_INT(st.broken, 0);
	CHECK(st.accepted > MUTANTS / 4); /* the mutants still reach the grammars */
	for (i = 0; i < PST_ARRAY_LEN(names); i++)
		strbuf_release(&seeds[i]);
	strbuf_release(&text);
	strbuf_release(&path);
}

int main(void)
{
	RUN(test_read);
	RUN(test_check);
	RUN(test_fail);
	RUN(test_default);
	RUN(test_tokens);
	RUN(test_what);
	RUN(test_lines);
	RUN(test_csv);
	RUN(test_promises);
	return check_summary();
}
