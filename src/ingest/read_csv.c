/* read_csv.c: placeholder until the csv reader lands. */
#include "ingest_int.h"

int pst_read_csv(struct pst_file_ctx *fc, struct pst_error *err)
{
	return pst_fail(err, PST_EDATA, "%s: csv input is not supported yet", fc->path);
}
