/* gen_readme.c: .expected/README, what the ground-truth files mean. */
#include "gen.h"

static const char readme[] =
	"Ground truth of the sample estate, written by estate-gen from its simulation\n"
	"=============================================================================\n"
	"\n"
	"period-YYYY-MM.tsv is what `posture diff --period YYYY-MM` over the whole estate\n"
	"folder must find.  Lines starting with # are comments; the others are NAME<TAB>COUNT.\n"
	"\n"
	"Times.  T0 = the first instant of the month (YYYY-MM-01T00:00:00Z), T1 = the first\n"
	"instant of the next month.  The state as of T holds, per finding (resource id\n"
	"lower-cased, assessment key), the last record at or before T; a full snapshot replaces\n"
	"the state of each subscription it covers; streamed events fold in on top in time order;\n"
	"Delete removes the key.  The estate has a full snapshot on the last day of every month\n"
	"(00:00:00Z) and no change between the end of that day's stream and T1 other than the\n"
	"stream itself, so taking T1 as the last millisecond of the month gives the same state.\n"
	"\n"
	"Coverage.  A subscription is covered at T1 when the latest full snapshot at or before\n"
	"T1 (the month-end snapshot) holds it.  Every month one subscription (named in the\n"
	"header) is left out of the month-end snapshot and of every other export at that time,\n"
	"and it does not change during that month.\n"
	"\n"
	"Classes (DESIGN.md table), for every finding Unhealthy at T0 or at T1; a resource is\n"
	"present when any assessment of it is in the state:\n"
	"  Unhealthy at T0:  out_of_scope (subscription not covered at T1), else by T1:\n"
	"    Healthy remediated; NotApplicable/Exempt exempted; other NotApplicable\n"
	"    not_applicable; Unhealthy still_open; key absent: recommendation_removed when\n"
	"    the resource is present at T1, else resource_deleted.\n"
	"  Unhealthy at T1 only, by T0: Healthy regressed; NotApplicable/Exempt\n"
	"    exemption_ended; other NotApplicable became_applicable; key absent:\n"
	"    new_recommendation when the resource is present at T0, else new_resource.\n"
	"\n"
	"Reconciliation.  closed = remediated + exempted + not_applicable + resource_deleted +\n"
	"out_of_scope + recommendation_removed; opened = regressed + new_resource +\n"
	"new_recommendation + exemption_ended + became_applicable; unhealthy_t0 = still_open +\n"
	"closed; unhealthy_t1 = still_open + opened = Unhealthy findings at T1 in covered\n"
	"subscriptions.  So unhealthy_t1 = unhealthy_t0 - closed + opened.\n"
	"\n"
	"Renamed recommendation.  In the last month one recommendation changes its key on the\n"
	"15th (050ac097-3dda-4d24-ab6d-82568e7a50cf to a4899b81-b689-4e0d-aa29-45983ab8b7fc,\n"
	"templates/aliases.conf): each of its findings is one finding across the change and is\n"
	"classified as above (a finding Unhealthy under both keys is still_open).\n"
	"\n"
	"This folder is named .expected because posture skips dot names when it walks a\n"
	"folder: `posture diff samples/estate` reads the exports only.\n"
	"\n"
	"Regenerate with `make samples` (estate-gen --out samples/estate, default options);\n"
	"tests/sh/test_samples.sh checks that the committed files are current.\n";

int gen_write_readme(const char *out, struct pst_error *err)
{
	struct strbuf path = STRBUF_INIT;
	struct gen_sink s;
	int rc;

	strbuf_addf(&path, "%s/.expected/README", out);
	rc = gen_sink_open(&s, path.buf, 0, err);
	if (!rc) {
		strbuf_addstr(&s.buf, readme);
		rc = gen_sink_close(&s, err);
	}
	strbuf_release(&path);
	return rc;
}
