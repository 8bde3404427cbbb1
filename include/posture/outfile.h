/* outfile.h: outputs that are complete or absent.
 *
 * pst_outfile_open creates DIR/.NAME.tmp-PID-XXXXXX (six random characters)
 * with O_CREAT | O_EXCL | O_NOFOLLOW, so a name or symbolic link planted in
 * a shared folder is never written through, and returns a FILE*;
 * pst_outfile_commit checks ferror, fflush, fsync and fclose, renames it to
 * the final name and fsyncs the folder; pst_outfile_abort removes it.
 * Errors name the final path and strerror: PST_ECANTCREAT (73) when it
 * cannot be created or renamed, PST_EIO (74) for a failed write or sync.
 * Also: making folders, private temporary folders, and cleaning what a
 * killed run left. */
#ifndef POSTURE_OUTFILE_H
#define POSTURE_OUTFILE_H

#include <stdio.h>
#include "posture/common.h"

struct pst_outfile {
	char *final_path;  /* owned */
	char *tmp_path;    /* owned */
	FILE *fp;
	char *tmp_dir;     /* owned: the private folder of open_name, or NULL */
	int fd;
};
#define PST_OUTFILE_INIT {NULL, NULL, NULL, NULL, -1}

/* In every temporary name: ".NAME" PST_TMP_MARK "PID-XXXXXX", and folders
 * PST_TMP_DIR_PREFIX "PID-XXXXXX". */
#define PST_TMP_MARK ".tmp-"
#define PST_TMP_DIR_PREFIX ".posture-tmp-"

/* Creates the folder part of path (like mkdir -p) and opens the temp file. */
int pst_outfile_open(struct pst_outfile *of, const char *path, struct pst_error *err);
/* For libraries that write by name: the temp path to hand them (after
 * pst_outfile_open_name, which opens no FILE), inside a private folder
 * (mode 0700, mkdtemp) beside the final name, removed on commit or abort. */
int pst_outfile_open_name(struct pst_outfile *of, const char *path, struct pst_error *err);
/* Makes DIR/.posture-tmp-PID-XXXXXX (mode 0700); *out is owned by the caller. */
int pst_outfile_mkdtemp(const char *dir, char **out, struct pst_error *err);
/* fsync of the folder holding path (0 or -1 with errno). */
int pst_fsync_dir(const char *path);
/* Removes path, and what it holds down to depth levels; never follows a
 * symbolic link.  0 or -1. */
int pst_rmtree(const char *path, int depth);
/* Removes the temporary files and folders in dir that runs no longer
 * alive left (their pid is in the name); returns how many. */
size_t pst_outfile_clean_stale(const char *dir);
int pst_outfile_commit(struct pst_outfile *of, struct pst_error *err);
void pst_outfile_abort(struct pst_outfile *of);
int pst_mkdirs(const char *dir, struct pst_error *err);
/* Checks and closes a stream the caller wrote (stdout included). */
int pst_close_stream(FILE *fp, const char *name, struct pst_error *err);

#endif
