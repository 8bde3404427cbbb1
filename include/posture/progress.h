/* progress.h: the progress line on standard error while a run reads and
 * writes (issue 12).
 *
 * main opens one when standard error is a terminal and -q is not given
 * (pst_progress_wanted); the lower layers get a struct pst_progress * that
 * may be NULL, and every function then does nothing.  The line names the
 * phase, the files and bytes read in it and the rate, or the step of a
 * phase that counts steps:
 *   posture: reading: 1,204 files, 812.3 MB, 97.1 MB/s
 *   posture: writing team packs: 3 of 9
 * It is redrawn in place ("\r", the text, erase to the end of the line) at
 * most PST_PROGRESS_HZ times a second: an update sooner than that after the
 * last draw only counts.  A new phase is always drawn, waiting out the rest
 * of the interval if need be, so the line never shows a phase that is
 * over.  pst_progress_end erases the line (call it before printing anything
 * else on standard error).
 *
 * Threads: pst_progress_file_begin and pst_progress_bytes may be called
 * from any thread (reader threads): the counters are atomic and one caller
 * at a time draws, the others only count.  pst_progress_init, _phase,
 * _step and _end belong to the thread that runs the command, while no
 * reader runs.  Ownership: the struct is the caller's; fp is borrowed; the
 * phase strings must outlive the phase (string literals).
 */
#ifndef POSTURE_PROGRESS_H
#define POSTURE_PROGRESS_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define PST_PROGRESS_HZ 10

/* Milliseconds of a monotonic clock, and a sleep: the system's unless a
 * test gives its own. */
struct pst_progress_clock {
	int64_t (*now_ms)(void *ctx);
	void (*sleep_ms)(void *ctx, int64_t ms);
	void *ctx;
};

struct pst_progress {
	FILE *fp;                       /* NULL: off */
	struct pst_progress_clock clock;
	const char *phase;
	atomic_uint_fast64_t files;     /* files begun in this phase */
	atomic_uint_fast64_t bytes;     /* bytes read in this phase (on disk) */
	uint64_t step, steps;           /* steps > 0: the phase counts steps */
	int64_t phase_start, last_draw; /* ms; last_draw < 0: never drawn (under drawing) */
	atomic_flag drawing;            /* held by the one caller drawing */
	bool shown;                     /* a line is on the screen (under drawing) */
	unsigned draws;                 /* lines drawn so far (tests; under drawing) */
};

/* True when a progress line belongs on fd: a terminal, and not quiet. */
bool pst_progress_wanted(int fd, bool quiet);
/* fp NULL turns it off; clock NULL: the system's. */
void pst_progress_init(struct pst_progress *p, FILE *fp, const struct pst_progress_clock *clock);
/* A new phase: counters reset, the line drawn. */
void pst_progress_phase(struct pst_progress *p, const char *phase);
/* Reading: a file begins; n more bytes of it were read (on disk). */
void pst_progress_file_begin(struct pst_progress *p);
void pst_progress_bytes(struct pst_progress *p, uint64_t n);
/* A phase of steps: step of steps done. */
void pst_progress_step(struct pst_progress *p, uint64_t step, uint64_t steps);
/* Erases the line (nothing when none is shown); the progress stays usable. */
void pst_progress_end(struct pst_progress *p);
/* The line for p's state at now (no "\r"), for tests: "posture: reading: ...". */
void pst_progress_text(const struct pst_progress *p, int64_t now, char *buf, size_t size);

#endif
