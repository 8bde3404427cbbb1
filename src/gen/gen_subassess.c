/* gen_subassess.c: sub-assessments (vulnerability findings under the
 * "Remediate vulnerabilities" recommendations), written as continuous export
 * does: PascalCase throughout, with .NET "$type" keys. */
#include "gen.h"

struct vuln {
	const char *id;
	const char *name;
	const char *severity;
	const char *category;
	const char *type;  /* AdditionalData.AssessedResourceType */
};

/* Server (VM and scale set) findings first, then SQL, then container images. */
static const struct vuln vulns[] = {
	{"CVE-2025-21298", "Windows OLE remote code execution vulnerability", "High", "Windows", "ServerVulnerability"},
	{"CVE-2025-32433", "Erlang/OTP SSH server allows unauthenticated remote code execution", "High", "Linux",
	 "ServerVulnerability"},
	{"CVE-2024-6387", "OpenSSH regreSSHion race condition in the signal handler", "Medium", "Linux",
	 "ServerVulnerability"},
	{"VA2065", "Server-level firewall rules should be tracked and maintained at a strict minimum", "High",
	 "SurfaceAreaReduction", "SqlServerVulnerability"},
	{"VA1219", "Transparent data encryption should be enabled", "Medium", "DataProtection",
	 "SqlServerVulnerability"},
	{"CVE-2024-45490", "libexpat: negative length for XML_ParseBuffer", "Medium", "Container image",
	 "ContainerRegistryVulnerability"},
};

static void one(struct strbuf *sb, const struct gen_estate *e, uint32_t fi, unsigned n, pst_time t)
{
	const struct gen_finding *f = &e->f[fi];
	uint64_t h = gen_mix(e->seed + UINT64_C(0x5ab5) * (fi + 1) + n);
	enum gen_kind k = (enum gen_kind)e->res[f->resource].kind;
	const struct vuln *v = k == GK_SQL ? &vulns[3 + h % 2] : k == GK_REGISTRY ? &vulns[5] : &vulns[h % 3];
	char name[GEN_GUID_LEN];

	gen_guid(h, fi, name);
	strbuf_addstr(sb, "{\"SubAssessmentEventDataEnrichment\":{\"Action\":\"Insert\",\"ApiVersion\":"
		    "\"2019-01-01-preview\",\"IsSnapshot\":true},\"SecurityEventDataEnrichment\":{\"Action\":"
		    "\"Insert\",\"ApiVersion\":\"2019-01-01-preview\",\"IsSnapshot\":true},");
	strbuf_addf(sb, "\"TenantId\":\"%s\",\"Type\":\"Microsoft.Security/assessments/subAssessments\",\"Id\":\"",
		    e->tenant);
	gen_assessment_id(sb, e, fi, GEN_ID_ARM);
	strbuf_addf(sb, "/subAssessments/%s\",\"Name\":\"%s\",\"Properties\":{\"$type\":\"Microsoft.Security."
		    "SubAssessmentProperties, Microsoft.Security\",\"Id\":\"%s\",", name, name, v->id);
	gen_json_kstr(sb, "DisplayName", v->name);
	strbuf_addf(sb, "\"Status\":{\"$type\":\"Microsoft.Security.SubAssessmentStatus, Microsoft.Security\","
		    "\"Code\":\"Unhealthy\",\"Severity\":\"%s\"},\"Remediation\":\"Apply the vendor update.\","
		    "\"Impact\":\"An attacker could run code on the resource.\",\"Category\":\"%s\","
		    "\"Description\":\"%s\",\"TimeGenerated\":", v->severity, v->category, v->name);
	gen_json_time(sb, t);
	strbuf_addf(sb, ",\"ResourceDetails\":{\"Source\":\"Azure\",\"Id\":\"%s\"},\"AdditionalData\":"
		    "{\"AssessedResourceType\":\"%s\"}}}\n", e->res[f->resource].id, v->type);
}

void gen_ce_sub_assessments(struct strbuf *sb, const struct gen_estate *e, uint32_t fi, pst_time t)
{
	const struct gen_finding *f = &e->f[fi];
	unsigned n;

	if (f->state != GF_UNHEALTHY || e->cat->recs[f->rec].control != GEN_CTL_VULNS)
		return;
	for (n = 0; n < 1 + fi % 2; n++)
		one(sb, e, fi, n, t);
}
