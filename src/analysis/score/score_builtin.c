/* score_builtin.c: the built-in security controls, the fallback definition
 * when no control definitions were exported (FORMATS.md "Secure score").
 *
 * Names and max points: FORMATS.md (sum 58).  Control ids: the REST example
 * ListSecureScoreControls_example.json and
 * ListSecureScoreControlDefinitions_example.json of Azure/azure-rest-api-specs
 * (2020-01-01); "Enable enhanced security features" is the later name of the
 * control that example calls "Enable Advanced Threat Protection".  No id is
 * known here for "Secure management ports" and "Remediate vulnerabilities":
 * they are matched by name.
 *
 * Assessment keys: only those a public source places in a control:
 *   - ListSecureScoreControlDefinitions_example.json (DDoS, adaptive
 *     application control);
 *   - the portal CSV sample of DefectDojo (many_vulns.csv, `controls` column);
 *   - the Defender for Cloud docs: the MFA recommendations of "Enable MFA"
 *     (multi-factor-authentication-enforcement), "Machines should have
 *     vulnerability findings resolved" under "Remediate vulnerabilities",
 *     "System updates should be installed on your machines" under "Apply
 *     system updates".
 * Every other recommendation needs exported definitions or the CSV column.
 */
#include <stddef.h>
#include "posture/score.h"

struct builtin {
	const char *id, *name;
	double max;
	const char *const *keys;
};

static const char *const mfa_keys[] = {"94290b00-4d0c-d7b4-7cea-064a9554e681",
                                       "57e98606-6b1e-6193-0e3d-fe621387c16b",
                                       "151e82c5-5341-a74b-1eb0-bc38d2c84bb5", NULL};
static const char *const updates_keys[] = {"4ab6e3c5-74dd-8b35-9ab9-f61b30875b27", NULL};
static const char *const vuln_keys[] = {"1195afff-c881-495e-9bc5-1486211ae03f", NULL};
static const char *const network_keys[] = {"f67fb4ed-d481-44d7-91e5-efadf504f74a",
                                           "cdc78c07-02b0-4af0-1cb2-cb7c672a8b0a", NULL};
static const char *const aac_keys[] = {"35f45c95-27cf-4e52-891f-8390d1de5828",
                                       "d1db3318-01ff-16de-29eb-28b344515626",
                                       "e7ee30c4-bac9-2966-54bd-2023a4282872",
                                       "8e2b96ff-3de2-289b-b5c1-3b9921a3441e", NULL};
static const char *const ddos_keys[] = {"e3de1cc0-f4dd-3b34-e496-8b5381ba2d70", NULL};
static const char *const enhanced_keys[] = {"f0fb2a7e-16d5-849f-be57-86db712e9bd0", NULL};
static const char *const practices_keys[] = {"f1f2f7dc-7bd5-18bf-c403-cbbdb7ec3d68", NULL};
static const char *const none[] = {NULL};

static const struct builtin builtins[] = {
	{"34a42fb3-e6db-409c-b56b-7b1db6b8aee0", "Enable MFA", 10, mfa_keys},
	{NULL, "Secure management ports", 8, none},
	{"61702b76-1fab-41f2-bcbc-50b7870dcf38", "Apply system updates", 6, updates_keys},
	{NULL, "Remediate vulnerabilities", 6, vuln_keys},
	{"99fc8df2-e0f5-40f8-9415-a7f7ca948b5a", "Remediate security configurations", 4, none},
	{"2d85f639-0bea-4a4a-b6c6-608952a1414a", "Manage access and permissions", 4, none},
	{"8fd574ec-43cf-426e-a439-a67cbaf2d564", "Enable encryption at rest", 4, none},
	{"0e55495e-034f-4abc-8293-767229250176", "Encrypt data in transit", 4, none},
	{"f9d5432b-8f7b-45e9-b90c-e214a30f6a02", "Restrict unauthorized network access", 4, network_keys},
	{"a000c66f-6da2-4f9d-826d-2364347d2588", "Apply adaptive application control", 3, aac_keys},
	{"a9909064-42b4-4d34-8143-275477afe18b", "Protect applications against DDoS attacks", 2, ddos_keys},
	{"12136bd9-dc24-44f2-9587-7be3af6aac14", "Enable endpoint protection", 2, none},
	{"27b24961-75ba-4fe4-8909-97286d5dd5ee", "Enable auditing and logging", 1, none},
	{"4db8d6cf-075b-4149-a813-da09ca2ae120", "Enable enhanced security features", 0, enhanced_keys},
	{"76763537-9feb-42d3-b4f4-78c01117be80", "Implement security best practices", 0, practices_keys},
};

void pst_control_set_builtin(struct pst_control_set *cs)
{
	size_t i, k;

	for (i = 0; i < PST_ARRAY_LEN(builtins); i++) {
		const struct builtin *b = &builtins[i];
		size_t at = pst_control_set_define(cs, b->id, b->name, b->max, PST_CSRC_BUILTIN);

		for (k = 0; b->keys[k]; k++)
			pst_control_add_key(&cs->items[at], b->keys[k]);
	}
}
