/* read_json.c: placeholder until the json reader lands. */
#include "ingest_int.h"

int pst_read_json(struct pst_file_ctx *fc, struct pst_error *err)
{
	return pst_fail(err, PST_EDATA, "%s: json input is not supported yet", fc->path);
}

int pst_json_ingest_mem(struct pst_file_ctx *fc, const char *buf, size_t len,
                        const struct pst_origin *at, pst_time enqueued, struct pst_error *err)
{
	(void)buf;
	(void)len;
	(void)at;
	(void)enqueued;
	return pst_fail(err, PST_EDATA, "%s: JSON input is not supported yet", fc->path);
}
