/* gen_avro.c: the Event Hubs Capture form (Avro) of the last month's CE
 * files: the snapshot and stream files of that month, stored the way
 * Capture would have stored the same events (one deflate file per minute
 * of EnqueuedTimeUtc, see src/ingest/avro_convert.h), under
 * OUT/avro/posture-ns/defender-export/0/YYYY/MM/DD/HH/mm/ss.avro. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "gen.h"
#include "avro_convert.h"

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The files of dir, sorted, as "dir/name" (caller frees each and the array). */
static int list_files(const char *dir, char ***names, size_t *n, struct pst_error *err)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t alloc = 0;

	*names = NULL;
	*n = 0;
	if (!d)
		return pst_fail(err, PST_ENOINPUT, "%s: cannot read folder: %s", dir, strerror(errno));
	while ((de = readdir(d)) != NULL) {
		struct strbuf sb = STRBUF_INIT;

		if (de->d_name[0] == '.')
			continue;
		strbuf_addf(&sb, "%s/%s", dir, de->d_name);
		PST_GROW(*names, alloc, *n + 1);
		(*names)[(*n)++] = strbuf_detach(&sb);
	}
	closedir(d);
	pst_sort(*names, *n, sizeof(**names), cmp_str);
	return PST_OK;
}

int gen_avro_month(const struct gen_ctx *c, pst_time month, struct pst_error *err)
{
	struct pst_capture_convert_opts o = {"deflate", 60000, 0, NULL, NULL, NULL};
	struct pst_capture_convert_stats st;
	struct strbuf dir = STRBUF_INIT, out = STRBUF_INIT;
	char day[PST_TIME_BUF];
	char **names;
	size_t n, i;
	int rc;

	strbuf_addf(&dir, "%s/ce/%.7s", c->out, pst_date_format(month, day, sizeof(day)));
	strbuf_addf(&out, "%s/avro", c->out);
	rc = list_files(dir.buf, &names, &n, err);
	if (rc == PST_OK)
		rc = pst_capture_convert((const char *const *)names, n, out.buf, &o, &st, err);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	strbuf_release(&dir);
	strbuf_release(&out);
	return rc;
}
