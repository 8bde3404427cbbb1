/* test_progress.c: the progress line (progress.h) on a fake clock: at most
 * PST_PROGRESS_HZ draws a second however often it is updated, a new phase
 * always drawn (after waiting out the interval), the line erased at the
 * end, nothing at all when off. */
#include <stdlib.h>
#include "check.h"
#include "posture/progress.h"

struct fake {
	int64_t now;
	int64_t slept;
};

static int64_t fake_now(void *ctx)
{
	return ((struct fake *)ctx)->now;
}

static void fake_sleep(void *ctx, int64_t ms)
{
	((struct fake *)ctx)->now += ms;
	((struct fake *)ctx)->slept += ms;
}

/* The whole output of fp (a tmpfile), NUL-terminated; caller frees. */
static char *contents(FILE *fp, long *len)
{
	char *buf;

	fflush(fp);
	*len = ftell(fp);
	buf = calloc((size_t)*len + 1, 1);
	rewind(fp);
	if (fread(buf, 1, (size_t)*len, fp) != (size_t)*len)
		buf[0] = '\0';
	return buf;
}

static unsigned count(const char *s, const char *what)
{
	unsigned n = 0;
	size_t k = strlen(what);

	for (; (s = strstr(s, what)) != NULL; s += k)
		n++;
	return n;
}

static void test_rate_cap(void)
{
	struct fake f = {1000, 0};
	struct pst_progress_clock clk = {fake_now, fake_sleep, &f};
	struct pst_progress p;
	FILE *fp = tmpfile();
	char *out;
	long len;
	int i;

	pst_progress_init(&p, fp, &clk);
	pst_progress_phase(&p, "reading");
	for (i = 0; i < 2000; i++) { /* 2,000 updates over 2 s: one a millisecond */
		pst_progress_file_begin(&p);
		pst_progress_bytes(&p, 500);
		pst_progress_bytes(&p, 500);
		f.now += 1;
	}
	CHECK(p.draws <= 2 * PST_PROGRESS_HZ + 1);
	CHECK(p.draws >= 2 * PST_PROGRESS_HZ - 1);
	out = contents(fp, &len);
	CHECK_INT(count(out, "\r"), p.draws);
	CHECK(strstr(out, "\rposture: reading: 2,000 files") == NULL); /* the last updates came too soon */
	CHECK(strstr(out, "\rposture: reading: 1,901 files, 1.9 MB, 1.0 MB/s\033[K") != NULL);
	CHECK_INT(atomic_load(&p.bytes), 2000000);
	free(out);
	fclose(fp);
}

static void test_phase_and_end(void)
{
	struct fake f = {0, 0};
	struct pst_progress_clock clk = {fake_now, fake_sleep, &f};
	struct pst_progress p;
	FILE *fp = tmpfile();
	char *out, line[160];
	long len;

	pst_progress_init(&p, fp, &clk);
	pst_progress_phase(&p, "reading");
	f.now += 10;
	pst_progress_phase(&p, "analysing"); /* 10 ms later: waits 90 ms, then drawn */
	CHECK_INT(f.slept, 90);
	CHECK_INT(p.draws, 2);
	pst_progress_phase(&p, "writing team packs");
	pst_progress_step(&p, 3, 9);
	pst_progress_text(&p, f.now, line, sizeof(line));
	CHECK_STR(line, "posture: writing team packs: 3 of 9");
	pst_progress_end(&p);
	pst_progress_end(&p); /* twice: erased once */
	out = contents(fp, &len);
	CHECK(len > 4 && strcmp(out + len - 4, "\r\033[K") == 0);
	CHECK_INT(count(out, "\r\033[K"), 1);
	CHECK(strstr(out, "\rposture: analysing\033[K") != NULL);
	free(out);
	fclose(fp);
}

static void test_off(void)
{
	struct pst_progress p;

	pst_progress_init(&p, NULL, NULL);
	pst_progress_phase(&p, "reading");
	pst_progress_file_begin(&p);
	pst_progress_end(&p);
	CHECK_INT(p.draws, 0);
	pst_progress_phase(NULL, "reading"); /* NULL: nothing */
	pst_progress_bytes(NULL, 1);
	pst_progress_end(NULL);
	CHECK(!pst_progress_wanted(0, true));
}

int main(void)
{
	RUN(test_rate_cap);
	RUN(test_phase_and_end);
	RUN(test_off);
	return check_summary();
}
