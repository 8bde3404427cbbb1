#!/usr/bin/python3
"""xlsx_sheet_csv.py BOOK SHEET [FIRST_N_COLUMNS] [--header] [--skip=K]

Prints the rows of one sheet of a workbook the way posture's CSV writer
(src/util/csvw.c) writes fields, so a sheet can be compared with
`posture ... --format csv` line by line: an empty cell is an empty field,
booleans are true/false, whole numbers have no decimals, dates are
YYYY-MM-DDTHH:MM:SSZ (seconds truncated, as pst_time_format does), text
that looks like a formula gets a leading quote and text is quoted when it
holds a comma, a quote, a line break or edge blanks.  The header row is
left out unless --header is given; --skip=K leaves out the first K columns
(FIRST_N_COLUMNS then counts from the next one).  Needs Debian's python3-openpyxl.
"""
import datetime
import sys

import openpyxl


def csv_text(s):
    if s and s[0] in "=+-@\t\r":
        s = "'" + s
    if any(c in s for c in ',"\n\r') or (s and (s[0] == " " or s[-1] == " ")):
        s = '"' + s.replace('"', '""') + '"'
    return s


def field(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, datetime.datetime):
        # Excel serials carry milliseconds with float error: round to the
        # millisecond, then truncate to the second as the CSV does.
        ms = round(v.microsecond / 1000.0)
        v = v.replace(microsecond=0) + datetime.timedelta(milliseconds=ms)
        return v.replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, (int, float)):
        return repr(v)
    return csv_text(str(v))


def main(argv):
    skip = 0
    for a in argv[1:]:
        if a.startswith("--skip="):
            skip = int(a[7:])
    args = [a for a in argv[1:] if a != "--header" and not a.startswith("--skip=")]
    if len(args) not in (2, 3):
        sys.exit(__doc__)
    ws = openpyxl.load_workbook(args[0], read_only=True)[args[1]]
    ncols = int(args[2]) + skip if len(args) == 3 else None
    first = 1 if "--header" in argv else 2
    for row in ws.iter_rows(min_row=first, max_col=ncols, values_only=True):
        if all(v is None for v in row):
            continue
        print(",".join(field(v) for v in row[skip:]))


if __name__ == "__main__":
    main(sys.argv)
