/* outfile.c: write to a temporary name, rename when complete. */
#include "posture/outfile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
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

/* Six unpredictable name characters: from /dev/urandom, else mixed from
 * the time, the pid and a counter (O_EXCL keeps the name unique anyway). */
static void random_suffix(char out[7])
{
	static const char set[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	unsigned char b[6];
	struct timespec ts;
	uint64_t x;
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC), i;
	bool got = fd >= 0 && read(fd, b, sizeof(b)) == (ssize_t)sizeof(b);

	if (fd >= 0)
		close(fd);
	clock_gettime(CLOCK_REALTIME, &ts);
	x = (uint64_t)ts.tv_nsec * 0x9E3779B97F4A7C15u ^ (uint64_t)getpid() << 20 ^ (uint64_t)ts.tv_sec;
	for (i = 0; i < 6; i++) {
		unsigned v = got ? b[i] : (unsigned)(x >> (i * 8));

		out[i] = set[v % (sizeof(set) - 1)];
	}
	out[6] = '\0';
}

/* "DIR/" (or "") and the base name of path. */
static void split_path(const char *path, struct strbuf *dir, const char **base)
{
	const char *slash = strrchr(path, '/');

	strbuf_reset(dir);
	if (slash)
		strbuf_add(dir, path, (size_t)(slash - path + 1));
	*base = slash ? slash + 1 : path;
}

static int prepare(struct pst_outfile *of, const char *path, struct strbuf *dir, struct pst_error *err)
{
	const char *base;
	int rc;

	memset(of, 0, sizeof(*of));
	if (!path || !*path || path[strlen(path) - 1] == '/')
		return pst_fail(err, PST_EUSAGE, "'%s': not a file name", path ? path : "");
	split_path(path, dir, &base);
	if (dir->len > 1) {
		char *d = xstrndup(dir->buf, dir->len - 1);

		rc = pst_mkdirs(d, err);
		free(d);
		if (rc)
			return rc;
	}
	of->final_path = xstrdup(path);
	return PST_OK;
}

/* Creates DIR/.BASE.tmp-PID-XXXXXX exclusively: never through a planted
 * name or symbolic link. */
static int create_tmp(struct pst_outfile *of, const char *dir, const char *base, struct pst_error *err)
{
	struct strbuf sb = STRBUF_INIT;
	char suf[7];
	int tries, fd = -1;

	for (tries = 0; tries < 100 && fd < 0; tries++) {
		random_suffix(suf);
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s.%.*s" PST_TMP_MARK "%ld-%s", dir, 80, base, (long)getpid(), suf);
		fd = open(sb.buf, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	if (fd < 0) {
		int e = errno;

		strbuf_release(&sb);
		return pst_fail(err, PST_ECANTCREAT, "%s: cannot create: %s", of->final_path, strerror(e));
	}
	of->tmp_path = strbuf_detach(&sb);
	of->fd = fd;
	return PST_OK;
}

int pst_outfile_open(struct pst_outfile *of, const char *path, struct pst_error *err)
{
	struct strbuf dir = STRBUF_INIT;
	const char *base;
	int rc = prepare(of, path, &dir, err);

	split_path(path ? path : "", &dir, &base);
	if (rc == PST_OK)
		rc = create_tmp(of, dir.buf, base, err);
	if (rc == PST_OK) {
		of->fp = fdopen(of->fd, "wb");
		if (!of->fp)
			rc = pst_fail(err, PST_ECANTCREAT, "%s: cannot create: %s", of->final_path, strerror(errno));
	}
	if (rc)
		pst_outfile_abort(of);
	strbuf_release(&dir);
	return rc;
}

int pst_outfile_mkdtemp(const char *dir, char **out, struct pst_error *err)
{
	struct strbuf sb = STRBUF_INIT;
	int rc = pst_mkdirs(dir, err);

	*out = NULL;
	if (rc)
		return rc;
	strbuf_addf(&sb, "%s%s" PST_TMP_DIR_PREFIX "%ld-XXXXXX", dir, dir[strlen(dir) - 1] == '/' ? "" : "/",
	            (long)getpid());
	if (!mkdtemp(sb.buf)) {
		rc = pst_fail(err, PST_ECANTCREAT, "%s: cannot create a temporary folder: %s", dir, strerror(errno));
		strbuf_release(&sb);
		return rc;
	}
	*out = strbuf_detach(&sb);
	return PST_OK;
}

/* For a library that opens the file by name: a private folder (mode 0700,
 * made by mkdtemp beside the final name) holds the file, so that nobody
 * else can plant a link where the library writes. */
int pst_outfile_open_name(struct pst_outfile *of, const char *path, struct pst_error *err)
{
	struct strbuf dir = STRBUF_INIT, sb = STRBUF_INIT;
	const char *base;
	int rc = prepare(of, path, &dir, err);

	split_path(path ? path : "", &dir, &base);
	if (rc == PST_OK)
		rc = pst_outfile_mkdtemp(dir.len ? dir.buf : ".", &of->tmp_dir, err);
	if (rc == PST_OK) {
		strbuf_addf(&sb, "%s/", of->tmp_dir);
		rc = create_tmp(of, sb.buf, base, err);
	}
	if (rc == PST_OK) {
		close(of->fd);
		of->fd = -1;
	}
	if (rc)
		pst_outfile_abort(of);
	strbuf_release(&dir);
	strbuf_release(&sb);
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
		return pst_fail(err, PST_EIO, "%s: write error: %s", name, strerror(errno ? errno : EIO));
	return PST_OK;
}

int pst_fsync_dir(const char *path)
{
	struct strbuf dir = STRBUF_INIT;
	const char *base;
	int fd, rc;

	split_path(path, &dir, &base);
	fd = open(dir.len ? dir.buf : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	strbuf_release(&dir);
	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

/* The stream written by us, or the file a library wrote by name: flushed
 * and on disk before the rename. */
static int sync_tmp(struct pst_outfile *of, struct pst_error *err)
{
	int rc = PST_OK, fd;

	if (of->fp) {
		if (fflush(of->fp) != 0 || ferror(of->fp) || fsync(fileno(of->fp)) != 0)
			rc = pst_fail(err, PST_EIO, "%s: write error: %s", of->final_path, strerror(errno ? errno : EIO));
		if (fclose(of->fp) != 0 && rc == PST_OK)
			rc = pst_fail(err, PST_EIO, "%s: write error: %s", of->final_path, strerror(errno));
		of->fp = NULL;
		return rc;
	}
	fd = open(of->tmp_path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0 || fsync(fd) != 0)
		rc = pst_fail(err, PST_EIO, "%s: write error: %s", of->final_path, strerror(errno));
	if (fd >= 0)
		close(fd);
	return rc;
}

static void outfile_free(struct pst_outfile *of)
{
	if (of->tmp_dir)
		rmdir(of->tmp_dir);
	free(of->final_path);
	free(of->tmp_path);
	free(of->tmp_dir);
	memset(of, 0, sizeof(*of));
}

int pst_outfile_commit(struct pst_outfile *of, struct pst_error *err)
{
	int rc = sync_tmp(of, err);

	if (rc == PST_OK && rename(of->tmp_path, of->final_path) != 0)
		rc = pst_fail(err, PST_ECANTCREAT, "%s: cannot rename into place: %s", of->final_path,
		              strerror(errno));
	if (rc == PST_OK && pst_fsync_dir(of->final_path) != 0)
		rc = pst_fail(err, PST_EIO, "%s: cannot sync its folder: %s", of->final_path, strerror(errno));
	if (rc && of->tmp_path)
		unlink(of->tmp_path);
	outfile_free(of);
	return rc;
}

void pst_outfile_abort(struct pst_outfile *of)
{
	if (of->fp)
		fclose(of->fp);
	else if (of->fd > 0)
		close(of->fd);
	if (of->tmp_path)
		unlink(of->tmp_path);
	outfile_free(of);
}

/* ---- removing folders, and the leftovers of killed runs ---- */

int pst_rmtree(const char *path, int depth)
{
	struct stat st;
	DIR *d;
	struct dirent *de;
	int rc = 0;

	if (lstat(path, &st) != 0)
		return errno == ENOENT ? 0 : -1;
	if (!S_ISDIR(st.st_mode))
		return unlink(path);
	d = depth > 0 ? opendir(path) : NULL;
	while (d && (de = readdir(d)) != NULL) {
		struct strbuf sb = STRBUF_INIT;

		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		strbuf_addf(&sb, "%s/%s", path, de->d_name);
		if (pst_rmtree(sb.buf, depth - 1) != 0)
			rc = -1;
		strbuf_release(&sb);
	}
	if (d)
		closedir(d);
	return rmdir(path) != 0 ? -1 : rc;
}

/* The pid in a temporary name (".x.tmp-PID-..." or ".posture-tmp-PID-..."),
 * or 0. */
static long tmp_owner(const char *name)
{
	const char *p = strstr(name, PST_TMP_MARK);
	long pid = 0;

	if (strncmp(name, PST_TMP_DIR_PREFIX, strlen(PST_TMP_DIR_PREFIX)) == 0)
		p = name + strlen(PST_TMP_DIR_PREFIX);
	else if (name[0] != '.' || !p)
		return 0;
	else
		p += strlen(PST_TMP_MARK);
	while (*p >= '0' && *p <= '9' && pid < 100000000)
		pid = pid * 10 + (*p++ - '0');
	return (*p == '-' || *p == '\0') ? pid : 0;
}

size_t pst_outfile_clean_stale(const char *dir)
{
	DIR *d = opendir(dir && *dir ? dir : ".");
	struct dirent *de;
	size_t n = 0;

	while (d && (de = readdir(d)) != NULL) {
		long pid = tmp_owner(de->d_name);
		struct strbuf sb = STRBUF_INIT;

		if (pid <= 0 || pid == (long)getpid() || !(kill((pid_t)pid, 0) != 0 && errno == ESRCH))
			continue;
		strbuf_addf(&sb, "%s/%s", dir, de->d_name);
		if (pst_rmtree(sb.buf, 3) == 0)
			n++;
		strbuf_release(&sb);
	}
	if (d)
		closedir(d);
	return n;
}
