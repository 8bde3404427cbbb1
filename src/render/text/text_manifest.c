/* text_manifest.c: sources.sha256, the list the evidence appendix's manifest
 * hash is over (text.h). */
#include "posture/outfile.h"
#include "posture/text.h"

int pst_text_manifest_write(const struct pst_review *r, const char *path, struct pst_error *err)
{
	struct pst_outfile of = PST_OUTFILE_INIT;
	int rc = pst_outfile_open(&of, path, err);

	if (rc != PST_OK)
		return rc;
	if (r->manifest.text_len)
		fwrite(r->manifest.text, 1, r->manifest.text_len, of.fp);
	return pst_outfile_commit(&of, err);
}
