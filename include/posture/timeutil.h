/* timeutil.h: UTC times as milliseconds since the epoch, and every
 * timestamp shape found in Defender for Cloud exports. */
#ifndef POSTURE_TIMEUTIL_H
#define POSTURE_TIMEUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef int64_t pst_time;                /* ms since 1970-01-01T00:00:00Z */
#define PST_TIME_NONE INT64_MIN
#define PST_MS_PER_DAY INT64_C(86400000)

/* Parses (len bytes of) s.  Accepts ISO 8601 with or without fraction (any
 * number of digits), zone Z / +hh:mm / none (taken as UTC), date only;
 * MM/DD/YYYY [h:mm[:ss] [AM|PM]]; MM/YYYY.  Surrounding blanks allowed.
 * Refused: a day the month does not have, years before 1900 or after 9999,
 * a zone beyond +/-14:00 (or minutes over 59), a leap second (:60) other
 * than at hh:59:60. */
bool pst_time_parse(const char *s, size_t len, pst_time *out);
bool pst_time_parse_str(const char *s, pst_time *out);

/* Finds a date or date-time in a file or folder name: 2026-10-31,
 * 2022-12-12T00_41_36Z, 20261031, 2026/10/31 in a path.  The last match in
 * the path wins (the file name over its folders). */
bool pst_time_from_name(const char *path, pst_time *out);

/* Days since the epoch for a civil date, and back. */
int64_t pst_days_from_civil(int64_t y, unsigned m, unsigned d);
void pst_civil_from_days(int64_t days, int64_t *y, unsigned *m, unsigned *d);
pst_time pst_time_make(int y, int mon, int d, int h, int mi, int s);

#define PST_MAX_ZONE_MINUTES (14 * 60)
/* 9999-12-31T23:59:59.999Z, the last time formatted with a 4-digit year. */
#define PST_TIME_MAX INT64_C(253402300799999)

/* "2026-10-31T06:00:12Z" (seconds precision; buf >= 32 bytes).  Always a
 * whole value: years beyond 9999 or before 0 in ISO 8601's expanded form
 * ("+10000-01-01T00:00:00Z"); PST_TIME_NONE gives "" (the buffer zeroed,
 * so buf + 11 is a valid empty string too). */
#define PST_TIME_BUF 32
char *pst_time_format(pst_time t, char *buf, size_t size);
/* Whether t can stand for --generated-at (or SOURCE_DATE_EPOCH):
 * 1970-01-01T00:00:00Z .. 9999-12-31T23:59:59Z. */
bool pst_time_plausible_option(pst_time t);
/* "2026-10-31" */
char *pst_date_format(pst_time t, char *buf, size_t size);
/* Start of the month containing t, and the start of the month after. */
pst_time pst_month_start(pst_time t);
pst_time pst_month_next(pst_time t);
/* Parses "YYYY-MM" into [start, next-start). */
bool pst_period_parse(const char *s, pst_time *start, pst_time *end);

#endif
