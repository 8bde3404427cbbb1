/* progress.c: the progress line on standard error (progress.h). */
#include "posture/progress.h"

#include <string.h>
#include <time.h>
#include <unistd.h>

#define INTERVAL_MS (1000 / PST_PROGRESS_HZ)

static int64_t system_now(void *ctx)
{
	struct timespec ts;

	(void)ctx;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void system_sleep(void *ctx, int64_t ms)
{
	struct timespec ts = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000L};

	(void)ctx;
	while (nanosleep(&ts, &ts) != 0)
		;
}

bool pst_progress_wanted(int fd, bool quiet)
{
	return !quiet && isatty(fd);
}

void pst_progress_init(struct pst_progress *p, FILE *fp, const struct pst_progress_clock *clock)
{
	memset(p, 0, sizeof(*p));
	atomic_init(&p->files, 0);
	atomic_init(&p->bytes, 0);
	atomic_flag_clear(&p->drawing);
	p->fp = fp;
	p->clock.now_ms = system_now;
	p->clock.sleep_ms = system_sleep;
	if (clock)
		p->clock = *clock;
	p->phase = "starting";
	p->phase_start = p->clock.now_ms(p->clock.ctx);
	p->last_draw = -1;
}

/* 1,234,567 */
static void put_count(char *buf, size_t size, uint64_t n)
{
	char digits[32];
	size_t len = (size_t)snprintf(digits, sizeof(digits), "%llu", (unsigned long long)n), i, o = 0;

	for (i = 0; i < len && o + 2 < size; i++) {
		if (i && (len - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = digits[i];
	}
	buf[o] = '\0';
}

void pst_progress_text(const struct pst_progress *p, int64_t now, char *buf, size_t size)
{
	uint64_t bytes = atomic_load(&p->bytes), nfiles = atomic_load(&p->files);
	double secs = (double)(now - p->phase_start) / 1000.0;
	char files[32];

	if (p->steps) {
		snprintf(buf, size, "posture: %s: %llu of %llu", p->phase, (unsigned long long)p->step,
		         (unsigned long long)p->steps);
	} else if (nfiles) {
		put_count(files, sizeof(files), nfiles);
		snprintf(buf, size, "posture: %s: %s file%s, %.1f MB, %.1f MB/s", p->phase, files,
		         nfiles == 1 ? "" : "s", (double)bytes / 1e6, secs > 0 ? (double)bytes / 1e6 / secs : 0.0);
	} else {
		snprintf(buf, size, "posture: %s", p->phase);
	}
}

static void draw(struct pst_progress *p, int64_t now)
{
	char line[160];

	pst_progress_text(p, now, line, sizeof(line));
	fprintf(p->fp, "\r%s\033[K", line);
	fflush(p->fp);
	p->last_draw = now;
	p->shown = true;
	p->draws++;
}

/* Draws when the last draw is at least an interval ago (or, forced, after
 * waiting out the rest of it).  Unforced, a caller that finds another one
 * drawing only counts. */
static void update(struct pst_progress *p, bool force)
{
	int64_t now;

	if (!p || !p->fp)
		return;
	while (atomic_flag_test_and_set(&p->drawing))
		if (!force)
			return;
	now = p->clock.now_ms(p->clock.ctx);
	if (p->last_draw >= 0 && now - p->last_draw < INTERVAL_MS) {
		if (!force) {
			atomic_flag_clear(&p->drawing);
			return;
		}
		p->clock.sleep_ms(p->clock.ctx, INTERVAL_MS - (now - p->last_draw));
		now = p->clock.now_ms(p->clock.ctx);
	}
	draw(p, now);
	atomic_flag_clear(&p->drawing);
}

void pst_progress_phase(struct pst_progress *p, const char *phase)
{
	if (!p)
		return;
	p->phase = phase;
	atomic_store(&p->files, 0);
	atomic_store(&p->bytes, 0);
	p->step = p->steps = 0;
	p->phase_start = p->clock.now_ms(p->clock.ctx);
	update(p, true);
}

void pst_progress_file_begin(struct pst_progress *p)
{
	if (!p)
		return;
	atomic_fetch_add(&p->files, 1);
	update(p, false);
}

void pst_progress_bytes(struct pst_progress *p, uint64_t n)
{
	if (!p)
		return;
	atomic_fetch_add(&p->bytes, n);
	update(p, false);
}

void pst_progress_step(struct pst_progress *p, uint64_t step, uint64_t steps)
{
	if (!p)
		return;
	p->step = step;
	p->steps = steps;
	update(p, false);
}

void pst_progress_end(struct pst_progress *p)
{
	if (!p || !p->fp || !p->shown)
		return;
	fputs("\r\033[K", p->fp);
	fflush(p->fp);
	p->shown = false;
}
