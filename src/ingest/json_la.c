/* json_la.c: Log Analytics JSON (interim: rows need the shared row API). */
#include "json_read.h"

#include <stdlib.h>

void pst_jla_release(struct pst_jla *la)
{
	size_t i;

	for (i = 0; i < la->n; i++)
		free(la->names[i]);
	free(la->names);
	la->names = NULL;
	la->n = la->alloc = 0;
}

int pst_jreader_object(struct pst_jreader *r, const cJSON *obj, const struct pst_json_src *src, struct pst_error *err)
{
	return pst_json_record(r->fc, obj, src, err);
}

int pst_jreader_tables(struct pst_jreader *r, struct pst_error *err)
{
	struct pst_jpos at;
	struct pst_origin o;

	pst_jscan_pos(&r->sc, &at);
	pst_jreader_origin(r, &at, &o);
	pst_warn(r->fc, &o, "Log Analytics query API tables are not read yet");
	return pst_jreader_skip_value(r, false, err);
}
