/* test_file_util.h: files and folders for the tests that write documents
 * (PDF, XLSX): a temporary folder, counting and removing what is in it, and
 * reading a file back whole.  Strings returned are the caller's to free. */
#ifndef TEST_FILE_UTIL_H
#define TEST_FILE_UTIL_H

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "posture/strbuf.h"

/* A new folder $TMPDIR/NAME.XXXXXX (/tmp without TMPDIR); NULL on failure. */
static inline char *tmp_dir(const char *name)
{
	const char *base = getenv("TMPDIR");
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "%s/%s.XXXXXX", base && *base ? base : "/tmp", name);
	if (!mkdtemp(sb.buf)) {
		strbuf_release(&sb);
		return NULL;
	}
	return strbuf_detach(&sb);
}

/* Entries of dir other than "." and "..". */
static inline size_t count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0;

	while (d && (e = readdir(d)) != NULL)
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	if (d)
		closedir(d);
	return n;
}

/* Removes dir and everything in it. */
static inline void remove_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	struct strbuf sb = STRBUF_INIT;

	while (d && (e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s/%s", dir, e->d_name);
		if (remove(sb.buf) != 0)
			remove_dir(sb.buf);
	}
	if (d)
		closedir(d);
	rmdir(dir);
	strbuf_release(&sb);
}

/* The whole file (NUL-terminated) and its length in *len; NULL (and 0) when
 * it cannot be opened. */
static inline char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct strbuf sb = STRBUF_INIT;
	char buf[65536];
	size_t n;

	*len = 0;
	if (!f)
		return NULL;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(&sb, buf, n);
	fclose(f);
	*len = sb.len;
	return strbuf_detach(&sb);
}

/* True when both files can be read, are not empty and hold the same bytes. */
static inline bool same_file(const char *a, const char *b)
{
	size_t na = 0, nb = 0;
	char *x = read_all(a, &na), *y = read_all(b, &nb);
	bool same = x && y && na == nb && na > 0 && memcmp(x, y, na) == 0;

	free(x);
	free(y);
	return same;
}

#endif
