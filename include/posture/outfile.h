/* outfile.h: outputs that are complete or absent.
 *
 * pst_outfile_open creates DIR/.NAME.tmp-PID and returns a FILE*;
 * pst_outfile_commit checks ferror, fflush, fsync and fclose, then renames it
 * to the final name; pst_outfile_abort removes it.  Also: making folders. */
#ifndef POSTURE_OUTFILE_H
#define POSTURE_OUTFILE_H

#include <stdio.h>
#include "posture/common.h"

struct pst_outfile {
	char *final_path;  /* owned */
	char *tmp_path;    /* owned */
	FILE *fp;
};

/* Creates the folder part of path (like mkdir -p) and opens the temp file. */
int pst_outfile_open(struct pst_outfile *of, const char *path, struct pst_error *err);
/* For libraries that write by name: the temp path to hand them (after
 * pst_outfile_open_name, which opens no FILE). */
int pst_outfile_open_name(struct pst_outfile *of, const char *path, struct pst_error *err);
int pst_outfile_commit(struct pst_outfile *of, struct pst_error *err);
void pst_outfile_abort(struct pst_outfile *of);
int pst_mkdirs(const char *dir, struct pst_error *err);
/* Checks and closes a stream the caller wrote (stdout included). */
int pst_close_stream(FILE *fp, const char *name, struct pst_error *err);

#endif
