/* check.h: a minimal test harness.  Each test binary ends with the line
 * "N passed, N failed, N skipped"; tests/run.sh adds them up.
 *
 *   static void test_x(void) { CHECK(1 + 1 == 2); CHECK_STR("a", "a"); }
 *   int main(void) { RUN(test_x); return check_summary(); }
 *
 * A test that cannot run because something it needs is truly absent calls
 * check_skip("why") and returns: the skip is counted, never passed, and
 * fails the run under CI=true.
 */
#ifndef POSTURE_CHECK_H
#define POSTURE_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_passed, check_failed, check_skipped;
static const char *check_current = "";

#define CHECK(cond) check_one(!!(cond), #cond, __FILE__, __LINE__)
#define CHECK_INT(a, b) check_int((long long)(a), (long long)(b), #a, __FILE__, __LINE__)
#define CHECK_STR(a, b) check_str((a), (b), #a, __FILE__, __LINE__)
#define CHECK_DBL(a, b, eps) check_dbl((double)(a), (double)(b), (eps), #a, __FILE__, __LINE__)
#define RUN(fn) (check_current = #fn, fn())

static inline void check_one(int ok, const char *what, const char *file, int line)
{
	if (ok) {
		check_passed++;
		return;
	}
	check_failed++;
	printf("FAIL %s:%d: %s: %s\n", file, line, check_current, what);
}

static inline void check_int(long long a, long long b, const char *what, const char *file, int line)
{
	if (a != b)
		printf("     got %lld, expected %lld\n", a, b);
	check_one(a == b, what, file, line);
}

static inline void check_str(const char *a, const char *b, const char *what, const char *file, int line)
{
	int ok = (a && b) ? strcmp(a, b) == 0 : a == b;

	if (!ok)
		printf("     got \"%s\", expected \"%s\"\n", a ? a : "(null)", b ? b : "(null)");
	check_one(ok, what, file, line);
}

static inline void check_dbl(double a, double b, double eps, const char *what, const char *file, int line)
{
	int ok = (a - b) <= eps && (b - a) <= eps;

	if (!ok)
		printf("     got %.9g, expected %.9g\n", a, b);
	check_one(ok, what, file, line);
}

/* Counts one skip of the current test; why says what is absent. */
static inline void check_skip(const char *why)
{
	check_skipped++;
	printf("SKIP %s: %s\n", check_current, why);
}

static inline int check_summary(void)
{
	printf("%d passed, %d failed, %d skipped\n", check_passed, check_failed, check_skipped);
	return check_failed ? 1 : 0;
}

/* The shared sample folder beside the checkout, or NULL (and one skip counted). */
static inline const char *check_realdata(void)
{
	static const char *const dirs[] = {"../shared/realdata", "../../shared/realdata"};
	size_t i;
	FILE *f;

	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		char p[256];

		snprintf(p, sizeof(p), "%s/SOURCES.md", dirs[i]);
		f = fopen(p, "r");
		if (f) {
			fclose(f);
			return dirs[i];
		}
	}
	check_skip("../shared/realdata is absent");
	return NULL;
}

#endif
