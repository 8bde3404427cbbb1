/* outfile.c: write to a temporary name, rename when complete. */
#include "posture/outfile.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "posture/strbuf.h"

int pst_mkdirs(const char *dir, struct pst_error *err)
{
	char *p, *tmp;
	int rc = PST_OK;

	if (!dir || !*dir)
		return PST_OK;
	tmp = xstrdup(dir);
	for (p = tmp + 1; rc == PST_OK; p++) {
		bool end = *p == '\0';

		if (*p != '/' && !end)
			continue;
		*p = '\0';
		if (mkdir(tmp, 0777) != 0 && errno != EEXIST)
			rc = pst_fail(err, PST_ECANTCREAT, "%s: cannot create folder: %s", tmp, strerror(errno));
		if (end)
			break;
		*p = '/';
	}
	free(tmp);
	return rc;
}

static int prepare(struct pst_outfile *of, const char *path, struct pst_error *err)
{
	struct strbuf sb = STRBUF_INIT;
	const char *slash = strrchr(path, '/');
	int rc;

	memset(of, 0, sizeof(*of));
	if (slash) {
		char *dir = xstrndup(path, (size_t)(slash - path));

		rc = pst_mkdirs(dir, err);
		free(dir);
		if (rc)
			return rc;
		strbuf_add(&sb, path, (size_t)(slash - path + 1));
		strbuf_addf(&sb, ".%s.tmp-%ld", slash + 1, (long)getpid());
	} else {
		strbuf_addf(&sb, ".%s.tmp-%ld", path, (long)getpid());
	}
	of->final_path = xstrdup(path);
	of->tmp_path = strbuf_detach(&sb);
	return PST_OK;
}

int pst_outfile_open_name(struct pst_outfile *of, const char *path, struct pst_error *err)
{
	return prepare(of, path, err);
}

int pst_outfile_open(struct pst_outfile *of, const char *path, struct pst_error *err)
{
	int rc = prepare(of, path, err);

	if (rc)
		return rc;
	of->fp = fopen(of->tmp_path, "wb");
	if (!of->fp) {
		rc = pst_fail(err, PST_ECANTCREAT, "%s: cannot create: %s", of->tmp_path, strerror(errno));
		pst_outfile_abort(of);
	}
	return rc;
}

int pst_close_stream(FILE *fp, const char *name, struct pst_error *err)
{
	bool bad = ferror(fp) != 0;

	if (fflush(fp) != 0)
		bad = true;
	if (fp != stdout && fp != stderr) {
		if (fclose(fp) != 0)
			bad = true;
	}
	if (bad)
		return pst_fail(err, PST_EIO, "%s: write error: %s", name, strerror(errno));
	return PST_OK;
}

int pst_outfile_commit(struct pst_outfile *of, struct pst_error *err)
{
	int rc = PST_OK;

	if (of->fp) {
		if (fflush(of->fp) != 0 || ferror(of->fp) || fsync(fileno(of->fp)) != 0)
			rc = pst_fail(err, PST_EIO, "%s: write error: %s", of->final_path, strerror(errno));
		if (fclose(of->fp) != 0 && rc == PST_OK)
			rc = pst_fail(err, PST_EIO, "%s: write error: %s", of->final_path, strerror(errno));
		of->fp = NULL;
	}
	if (rc == PST_OK && rename(of->tmp_path, of->final_path) != 0)
		rc = pst_fail(err, PST_ECANTCREAT, "%s: cannot rename into place: %s", of->final_path,
		              strerror(errno));
	if (rc)
		unlink(of->tmp_path);
	free(of->final_path);
	free(of->tmp_path);
	memset(of, 0, sizeof(*of));
	return rc;
}

void pst_outfile_abort(struct pst_outfile *of)
{
	if (of->fp)
		fclose(of->fp);
	if (of->tmp_path)
		unlink(of->tmp_path);
	free(of->final_path);
	free(of->tmp_path);
	memset(of, 0, sizeof(*of));
}
