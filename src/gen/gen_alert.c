/* gen_alert.c: security alerts, flat PascalCase objects as continuous export
 * and the SecurityAlert table write them. */
#include "gen.h"

struct alert_kind {
	const char *type;
	const char *name;
	const char *intent;
	const char *component;
};

static const struct alert_kind alert_kinds[] = {
	{"VM_SuspiciousPowerShell", "Suspicious PowerShell command line detected", "Execution", "Servers"},
	{"VM_RDPBruteForce", "Successful brute force attack on RDP", "PreAttack, CredentialAccess", "Servers"},
	{"K8S_AdmissionController", "Creation of admission webhook configuration detected",
	 "Persistence, CredentialAccess", "Containers"},
	{"Storage.Blob_AnonymousAccessAnomaly", "Unusual unauthenticated access to a storage container",
	 "Collection", "Storage"},
	{"SQL.DB_BruteForce", "Potential SQL Brute Force attempt", "PreAttack", "SQL"},
	{"KV_UnusualAccess", "Unusual user accessed a key vault", "CredentialAccess", "KeyVault"},
	{"AppServices_CurlToDisk", "Suspicious download using curl detected", "Execution, CommandAndControl",
	 "AppServices"},
	{"NETWORK_CommunicationWithMaliciousIp", "Communication with suspicious IP address detected",
	 "CommandAndControl, Exfiltration", "Servers"},
};

static const char *const severities[] = {"High", "Medium", "Low", "Informational"};
static const char *const statuses[] = {"New", "Active", "InProgress", "Resolved", "Dismissed"};

static uint32_t pick_resource(const struct gen_estate *e, struct gen_rng *r)
{
	uint32_t i, ri = gen_below(r, (uint32_t)e->nres);

	for (i = 0; i < e->nres; i++, ri = (ri + 1) % (uint32_t)e->nres)
		if (gen_resource_present(e, ri))
			break;
	return ri;
}

static void alert_entities(struct strbuf *sb, const struct gen_estate *e, uint32_t ri, const char *rid)
{
	strbuf_addstr(sb, "\"Entities\":[{\"$id\":\"2\",\"ResourceId\":");
	gen_json_str(sb, rid);
	strbuf_addstr(sb, ",\"ResourceName\":\"");
	gen_resource_name(e, ri, sb);
	strbuf_addstr(sb, "\",\"Type\":\"azure-resource\"},{\"$id\":\"3\",\"Resource\":{\"$ref\":\"2\"},"
		    "\"Type\":\"host\"}],");
}

void gen_ce_alert(struct strbuf *sb, const struct gen_estate *e, struct gen_rng *r, pst_time t)
{
	const struct alert_kind *k = &alert_kinds[gen_below(r, PST_ARRAY_LEN(alert_kinds))];
	uint32_t ri = pick_resource(e, r);
	struct strbuf rid = STRBUF_INIT;
	char id[GEN_GUID_LEN];

	gen_guid(gen_next(r), gen_next(r), id);
	gen_resource_id(e, ri, GEN_ID_UPPER, &rid);
	strbuf_addstr(sb, "{\"VendorName\":\"Microsoft\",\"ProductName\":\"Microsoft Defender for Cloud\",");
	gen_json_kstr(sb, "AlertType", k->type);
	gen_json_kstr(sb, "AlertDisplayName", k->name);
	gen_json_kstr(sb, "SystemAlertId", id);
	strbuf_addf(sb, "\"Severity\":\"%s\",\"Status\":\"%s\",", severities[gen_below(r, 4)],
		    statuses[gen_below(r, PST_ARRAY_LEN(statuses))]);
	gen_json_kstr(sb, "Intent", k->intent);
	gen_json_kstr(sb, "AzureResourceId", rid.buf);
	strbuf_addstr(sb, "\"CompromisedEntity\":\"");
	gen_resource_name(e, ri, sb);
	strbuf_addstr(sb, "\",\"StartTimeUtc\":");
	gen_json_time(sb, t - 600000);
	strbuf_addstr(sb, ",\"EndTimeUtc\":");
	gen_json_time(sb, t - 300000);
	strbuf_addstr(sb, ",\"TimeGenerated\":");
	gen_json_time(sb, t);
	strbuf_addstr(sb, ",\"RemediationSteps\":[\"Review the activity with the workload owner.\","
		    "\"Escalate to the security operations team if it is not expected.\"],");
	alert_entities(sb, e, ri, rid.buf);
	strbuf_addf(sb, "\"ExtendedProperties\":{\"ProductComponentName\":\"%s\",\"EffectiveSubscriptionId\":"
		    "\"%s\"},\"AlertUri\":\"https://portal.azure.com/#blade/Microsoft_Azure_Security/AlertBlade/"
		    "alertId/%s\"}\n", k->component, e->subs[e->res[ri].sub].id, id);
	strbuf_release(&rid);
}
