/* read_avro.c: placeholder until the avro reader lands. */
#include "ingest_int.h"

int pst_read_avro(struct pst_file_ctx *fc, struct pst_error *err)
{
	return pst_fail(err, PST_EDATA, "%s: avro input is not supported yet", fc->path);
}
