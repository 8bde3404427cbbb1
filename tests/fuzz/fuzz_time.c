/* fuzz_time.c: libFuzzer target for the timestamp code (timeutil.c).
 * Promises, checked on every input:
 *   - pst_time_parse never reads past len, and what it accepts lies in
 *     1900 .. 10000-01-01 (9999-12-31T23:59:60Z rolls over);
 *   - the round trip: format then parse gives the same time, to the second
 *     (the formatter keeps seconds), and the text always holds a whole
 *     value ("YYYY-MM-DDThh:mm:ssZ", or the expanded +YYYYY form);
 *   - pst_date_format is the formatter's date part;
 *   - pst_time_from_name finds only valid dates;
 *   - the first 8 bytes read as a time in ms also round-trip when the year
 *     is in 0000..9999, and months are whole ([start, next) holds t).
 * A broken promise aborts.  `make fuzz` runs it for FUZZ_SECONDS on
 * tests/fuzz/corpus/time/ plus every time string of the samples'
 * first lines (tests/fuzz/fuzz_time.sh). */
#include <stdlib.h>
#include <string.h>
#include "posture/timeutil.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static void check(int ok)
{
	if (!ok)
		abort();
}

static void round_trip(pst_time t)
{
	char buf[PST_TIME_BUF], day[PST_TIME_BUF];
	pst_time back;

	pst_time_format(t, buf, sizeof(buf));
	check(strlen(buf) >= 20 && buf[strlen(buf) - 1] == 'Z');
	pst_date_format(t, day, sizeof(day));
	check(strncmp(buf, day, strlen(day)) == 0 && buf[strlen(day)] == 'T');
	if (t < 0 || t > PST_TIME_MAX || t < INT64_C(-2208988800000)) /* before 1900 or after 9999: not parseable */
		return;
	check(pst_time_parse_str(buf, &back));
	check(back == t - ((t % 1000) + 1000) % 1000);
}

static void months(pst_time t)
{
	pst_time a = pst_month_start(t), b = pst_month_next(t);

	check(a <= t && t < b && b - a >= 28 * PST_MS_PER_DAY && b - a <= 31 * PST_MS_PER_DAY);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	char *s = malloc(size + 1);
	pst_time t;
	int64_t raw = 0;
	size_t i;

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (pst_time_parse((const char *)data, size, &t)) {
		check(t >= INT64_C(-2208988800000) && t <= PST_TIME_MAX + 1000); /* :60 of 9999-12-31: past it by less than 1 s */
		round_trip(t);
	}
	if (pst_time_from_name(s, &t))
		round_trip(t);
	for (i = 0; i < 8 && i < size; i++)
		raw = (int64_t)((uint64_t)raw << 8 | data[i]);
	/* a time within +/- 300,000 years: the calendar code's range */
	raw %= INT64_C(9467280000000000);
	round_trip(raw);
	months(raw);
	free(s);
	return 0;
}
