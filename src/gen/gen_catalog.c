/* gen_catalog.c: the static tables of the fictitious estate: built-in secure
 * score controls (FORMATS.md, max points sum 58), resource kinds with their
 * responsible-team categories, and about 45 recommendation types. */
#include <stdlib.h>
#include <string.h>
#include "gen.h"

enum {
	C_MFA, C_PORTS, C_UPDATES, C_VULNS, C_CONFIG, C_ACCESS, C_REST, C_TRANSIT, C_NETWORK,
	C_ADAPTIVE, C_DDOS, C_ENDPOINT, C_AUDIT, C_ENHANCED, C_PRACTICES
};
_Static_assert(C_VULNS == GEN_CTL_VULNS, "GEN_CTL_VULNS names Remediate vulnerabilities");

static const struct gen_control_def controls[GEN_NCONTROLS] = {
	{"Enable MFA", 10, "34a42fb3-e6db-409c-b56b-7b1db6b8aee0",
	 "This control contains recommendations regarding multi-factor authentication"},
	{"Secure management ports", 8, "1c6bd9cd-8e33-4e4b-a0b1-0f83c5bd9e3b",
	 "This control contains recommendations regarding management ports"},
	{"Apply system updates", 6, "61702b76-1fab-41f2-bcbc-50b7870dcf38",
	 "This control contains recommendations regarding system updates"},
	{"Remediate vulnerabilities", 6, "2c79b4af-f830-47b8-8b2c-0ba0d3a34c5d",
	 "This control contains recommendations regarding vulnerability findings"},
	{"Remediate security configurations", 4, "99fc8df2-e0f5-40f8-9415-a7f7ca948b5a",
	 "This control contains recommendations regarding security configurations"},
	{"Manage access and permissions", 4, "2d85f639-0bea-4a4a-b6c6-608952a1414a",
	 "This control contains recommendations regarding access and permissions"},
	{"Enable encryption at rest", 4, "8fd574ec-43cf-426e-a439-a67cbaf2d564",
	 "This control contains recommendations regarding encryption at rest"},
	{"Encrypt data in transit", 4, "0e55495e-034f-4abc-8293-767229250176",
	 "This control contains recommendations regarding encryption in transit"},
	{"Restrict unauthorized network access", 4, "f9d5432b-8f7b-45e9-b90c-e214a30f6a02",
	 "This control contains recommendations regarding network access"},
	{"Apply adaptive application control", 3, "a000c66f-6da2-4f9d-826d-2364347d2588",
	 "This control contains recommendations regarding enabling adaptive application control"},
	{"Protect applications against DDoS attacks", 2, "a9909064-42b4-4d34-8143-275477afe18b",
	 "This control contains recommendations regarding DDoS attack prevention"},
	{"Enable endpoint protection", 2, "12136bd9-dc24-44f2-9587-7be3af6aac14",
	 "This control contains recommendations regarding endpoint protection"},
	{"Enable auditing and logging", 1, "27b24961-75ba-4fe4-8909-97286d5dd5ee",
	 "This control contains recommendations regarding auditing and logging"},
	{"Enable enhanced security features", 0, "4db8d6cf-075b-4149-a813-da09ca2ae120",
	 "This control contains recommendations regarding Microsoft Defender plans"},
	{"Implement security best practices", 0, "76763537-9feb-42d3-b4f4-78c01117be80",
	 "This control contains recommendations regarding security best practices"},
};

static const struct gen_kind_def kinds[GK__COUNT] = {
	[GK_SUBSCRIPTION] = {"Microsoft.Resources", "subscriptions", "sub", "", 0},
	[GK_APPSERVICE] = {"Microsoft.Web", "sites", "app", "web", 20},
	[GK_AKS] = {"Microsoft.ContainerService", "managedClusters", "aks", "containers", 6},
	[GK_REGISTRY] = {"Microsoft.ContainerRegistry", "registries", "acr", "containers", 5},
	[GK_VM] = {"Microsoft.Compute", "virtualMachines", "vm", "compute", 28},
	[GK_VMSS] = {"Microsoft.Compute", "virtualMachineScaleSets", "vmss", "compute", 6},
	[GK_SQL] = {"Microsoft.Sql", "servers", "sql", "data", 12},
	[GK_REDIS] = {"Microsoft.Cache", "Redis", "redis", "data", 5},
	[GK_DATALAKE] = {"Microsoft.DataLakeStore", "accounts", "dls", "data", 3},
	[GK_STORAGE] = {"Microsoft.Storage", "storageAccounts", "st", "storage", 22},
	[GK_KEYVAULT] = {"Microsoft.KeyVault", "vaults", "kv", "security", 10},
	[GK_VNET] = {"Microsoft.Network", "virtualNetworks", "vnet", "network", 8},
	[GK_NSG] = {"Microsoft.Network", "networkSecurityGroups", "nsg", "network", 10},
	[GK_PUBLICIP] = {"Microsoft.Network", "publicIPAddresses", "pip", "network", 8},
	[GK_APPGW] = {"Microsoft.Network", "applicationGateways", "agw", "network", 3},
	[GK_IOTHUB] = {"Microsoft.Devices", "IotHubs", "iot", "iot", 3},
	[GK_AWS_EC2] = {"Microsoft.Security", "securityConnectors", "i-0", "multicloud", 4},
	[GK_GCP_VM] = {"Microsoft.Security", "securityConnectors", "gce", "multicloud", 3},
};

#define REC(n, sev, cat, ctl, k, mcsb, d, rem, th) {n, sev, cat, ctl, k, mcsb, d, rem, th}
static const struct gen_rec_def recs[] = {
	REC("MFA should be enabled on accounts with owner permissions on Azure resources", "High", "IdentityAndAccess", C_MFA, GK_SUBSCRIPTION, "IM.6",
	    "Multi-Factor Authentication should be enabled for all subscription accounts with owner permissions to prevent a breach of accounts or resources.",
	    "To enable MFA for accounts with owner permissions, use Conditional Access policies in Microsoft Entra ID.", "AccountBreach"),
	REC("MFA should be enabled on accounts with write permissions on Azure resources", "High", "IdentityAndAccess", C_MFA, GK_SUBSCRIPTION, "IM.6",
	    "Multi-Factor Authentication should be enabled for all subscription accounts with write privileges to prevent a breach of accounts or resources.",
	    "To enable MFA for accounts with write permissions, use Conditional Access policies in Microsoft Entra ID.", "AccountBreach"),
	REC("A maximum of 3 owners should be designated for your subscription", "High", "IdentityAndAccess", C_ACCESS, GK_SUBSCRIPTION, "PA.1",
	    "It is recommended to designate up to 3 subscription owners in order to reduce the potential for breach by a compromised owner.",
	    "1. Go to the subscription Access control (IAM) blade. 2. Remove the owner role from unnecessary accounts.", "AccountBreach"),
	REC("Guest accounts with owner permissions on Azure resources should be removed", "High", "IdentityAndAccess", C_ACCESS, GK_SUBSCRIPTION, "PA.1",
	    "Accounts with owner permissions that have been provisioned outside of the tenant should be removed to prevent unmonitored access.",
	    "Remove the owner role assignments of external accounts in Access control (IAM).", "AccountBreach"),
	REC(GEN_ALIAS_NAME, "High", "IdentityAndAccess", C_ACCESS, GK_SUBSCRIPTION, "PA.1",
	    "Accounts with owner permissions that have been blocked from signing in should be removed from your subscriptions.",
	    "Remove the owner role assignments of blocked accounts in Access control (IAM).", "AccountBreach"),
	REC("Subscriptions should have a contact email address for security issues", "Low", "Compute", C_PRACTICES, GK_SUBSCRIPTION, "IR.2",
	    "To ensure the relevant people in your organization are notified when there is a potential security breach, set a security contact.",
	    "In Environment settings, select the subscription and set Email notifications.", "MaliciousInsider"),
	REC("Microsoft Defender for Servers should be enabled", "High", "Compute", C_ENHANCED, GK_SUBSCRIPTION, "LT.1",
	    "Microsoft Defender for Servers provides real-time threat protection for server workloads and generates hardening recommendations.",
	    "Enable Microsoft Defender for Servers in Environment settings, Defender plans.", "DataExfiltration"),
	REC("Microsoft Defender for Key Vault should be enabled", "High", "Data", C_ENHANCED, GK_SUBSCRIPTION, "LT.1",
	    "Microsoft Defender for Key Vault detects unusual and potentially harmful attempts to access key vault accounts.",
	    "Enable Microsoft Defender for Key Vault in Environment settings, Defender plans.", "DataExfiltration"),
	REC("Management ports of virtual machines should be protected with just-in-time network access control", "High", "Networking", C_PORTS, GK_VM, "PA.2",
	    "Defender for Cloud has identified some overly-permissive inbound rules for management ports in your Network Security Group.",
	    "Enable just-in-time VM access on the selected virtual machines.", "AccountBreach"),
	REC("Management ports should be closed on your virtual machines", "Medium", "Networking", C_PORTS, GK_VM, "NS.1",
	    "Open remote management ports are exposing your VM to a high level of risk from Internet-based attacks.",
	    "Restrict access to the management ports in the network security group of the virtual machine.", "AccountBreach"),
	REC("System updates should be installed on your machines (powered by Azure Update Manager)", "Medium", "Compute", C_UPDATES, GK_VM, "PV.6",
	    "Your machines are missing system, security, and critical updates.",
	    "Open Azure Update Manager and install the missing updates.", "DataExfiltration"),
	REC("Machines should have vulnerability findings resolved", "High", "Compute", C_VULNS, GK_VM, "PV.5",
	    "Resolve the findings from the vulnerability assessment solutions on your virtual machines.",
	    "Review the security findings and remediate each vulnerability as described in its remediation steps.", "DataExfiltration"),
	REC("Vulnerabilities in security configuration on your Linux machines should be remediated (powered by Guest Configuration)", "Low", "Compute", C_CONFIG, GK_VM, "PV.4",
	    "Remediate vulnerabilities in security configuration on your Linux machines to protect them from attacks.",
	    "Select any of the findings below and follow the remediation instructions.", "DataSpillage"),
	REC("Endpoint protection should be installed on your machines", "High", "Compute", C_ENDPOINT, GK_VM, "ES.2",
	    "To protect your machines from threats and vulnerabilities, install a supported endpoint protection solution.",
	    "Install Microsoft Defender for Endpoint or another supported endpoint protection solution.", "MaliciousInsider"),
	REC("Adaptive application controls for defining safe applications should be enabled on your machines", "High", "Compute", C_ADAPTIVE, GK_VM, "AM.5",
	    "Enable application controls to define the list of known-safe applications running on your machines.",
	    "Open Adaptive application controls and configure the recommended groups of machines.", "MaliciousInsider"),
	REC("Virtual machines and virtual machine scale sets should have encryption at host enabled", "High", "Compute", C_REST, GK_VM, "DP.4",
	    "Use encryption at host to get end-to-end encryption for your virtual machine and virtual machine scale set data.",
	    "Stop the machine, enable encryption at host in the disk settings, and start it again.", "DataExfiltration"),
	REC("Internet-facing virtual machines should be protected with network security groups", "High", "Networking", C_NETWORK, GK_VM, "NS.1",
	    "Protect your virtual machines from potential threats by restricting access to them with network security groups.",
	    "Associate a network security group with the subnet or the network interface of the machine.", "DataExfiltration"),
	REC("System updates on virtual machine scale sets should be installed", "High", "Compute", C_UPDATES, GK_VMSS, "PV.6",
	    "Install missing system security and critical updates to secure your Windows and Linux virtual machine scale sets.",
	    "Upgrade the scale set instances to the latest model with the missing updates.", "DataExfiltration"),
	REC("Endpoint protection solution should be installed on virtual machine scale sets", "Medium", "Compute", C_ENDPOINT, GK_VMSS, "ES.2",
	    "Install an endpoint protection solution on your virtual machines scale sets, to protect them from threats and vulnerabilities.",
	    "Add the antimalware extension to the scale set model and upgrade the instances.", "MaliciousInsider"),
	REC("Vulnerabilities in security configuration on your virtual machine scale sets should be remediated", "High", "Compute", C_CONFIG, GK_VMSS, "PV.4",
	    "Remediate vulnerabilities in security configuration on your virtual machine scale sets to protect them from attacks.",
	    "Review the failed rules and apply the recommended configuration to the scale set model.", "DataSpillage"),
	REC("App Service apps should only be accessible over HTTPS", "Medium", "AppServices", C_TRANSIT, GK_APPSERVICE, "DP.3",
	    "Use of HTTPS ensures server/service authentication and protects data in transit from network layer eavesdropping attacks.",
	    "Turn on HTTPS Only in the TLS/SSL settings of the app.", "DataSpillage"),
	REC("App Service apps should use the latest TLS version", "Medium", "AppServices", C_TRANSIT, GK_APPSERVICE, "DP.3",
	    "Upgrade to the latest TLS version.", "Set the minimum TLS version to 1.2 in the TLS/SSL settings of the app.", "DataSpillage"),
	REC("Diagnostic logs in App Service should be enabled", "Low", "AppServices", C_AUDIT, GK_APPSERVICE, "LT.3",
	    "Audit enabling of diagnostic logs on the app to recreate activity trails for investigation purposes.",
	    "Turn on App Service logs and send them to a Log Analytics workspace.", "MaliciousInsider"),
	REC("Managed identity should be used in your web apps", "Medium", "AppServices", C_PRACTICES, GK_APPSERVICE, "IM.3",
	    "For enhanced authentication security, use a managed identity instead of credentials in code.",
	    "Turn on the system-assigned identity of the app.", "AccountBreach"),
	REC("Azure Kubernetes Service clusters should have Defender profile enabled", "High", "Container", C_CONFIG, GK_AKS, "LT.1",
	    "The Defender profile collects security events from the cluster and sends them to Microsoft Defender for Containers.",
	    "Enable the Defender profile on the cluster with az aks update --enable-defender.", "DataExfiltration"),
	REC("Role-Based Access Control should be used on Kubernetes Services", "High", "Container", C_ACCESS, GK_AKS, "PA.7",
	    "To provide granular filtering on the actions that users can perform, use RBAC to manage permissions in Kubernetes Service clusters.",
	    "Recreate the cluster with Kubernetes RBAC enabled.", "AccountBreach"),
	REC("Authorized IP ranges should be defined on Kubernetes Services", "High", "Container", C_NETWORK, GK_AKS, "NS.2",
	    "Restrict access to the Kubernetes Service Management API by granting API access only to IP addresses in specific ranges.",
	    "Set the authorized IP ranges of the API server.", "DataExfiltration"),
	REC("Kubernetes clusters should not allow container privilege escalation", "Medium", "Container", C_CONFIG, GK_AKS, "PV.2",
	    "Containers should not run with privilege escalation to root in a Kubernetes cluster.",
	    "Set allowPrivilegeEscalation to false in the pod specifications.", "MaliciousInsider"),
	REC("Azure registry container images should have vulnerabilities resolved", "High", "Container", C_VULNS, GK_REGISTRY, "PV.5",
	    "Container image vulnerability assessment scans your registry for commonly known vulnerabilities.",
	    "Rebuild the images on patched base images and push them again.", "DataExfiltration"),
	REC("SQL databases should have vulnerability findings resolved", "High", "Data", C_VULNS, GK_SQL, "PV.5",
	    "SQL Vulnerability assessment scans your database for security vulnerabilities.",
	    "Review the findings and apply the remediation scripts.", "DataExfiltration"),
	REC("Transparent Data Encryption on SQL databases should be enabled", "Low", "Data", C_REST, GK_SQL, "DP.4",
	    "Enable transparent data encryption to protect data-at-rest and meet compliance requirements.",
	    "Turn on transparent data encryption for every database of the server.", "DataSpillage"),
	REC("Auditing on SQL server should be enabled", "Low", "Data", C_AUDIT, GK_SQL, "LT.3",
	    "Enable auditing on your SQL Server to track database activities across all databases on the server.",
	    "Turn on auditing in the server settings and choose a destination.", "MaliciousInsider"),
	REC("Azure SQL Database should be running TLS version 1.2 or newer", "Medium", "Data", C_TRANSIT, GK_SQL, "DP.3",
	    "Setting TLS version to 1.2 or newer improves security by ensuring your Azure SQL Database can only be accessed from clients using TLS 1.2 or newer.",
	    "Set the minimal TLS version of the server to 1.2.", "DataSpillage"),
	REC("Azure Cache for Redis should reside within a virtual network", "Medium", "Data", C_NETWORK, GK_REDIS, "NS.2",
	    "Azure Virtual Network deployment provides enhanced security and isolation for your Azure Cache for Redis.",
	    "Redeploy the cache in a virtual network or use a private endpoint.", "DataExfiltration"),
	REC("Only secure connections to your Azure Cache for Redis should be enabled", "High", "Data", C_TRANSIT, GK_REDIS, "DP.3",
	    "Enable only connections via SSL to Redis Cache.", "Turn off the non-SSL port of the cache.", "DataSpillage"),
	REC("Diagnostic logs in Data Lake Store should be enabled", "Low", "Data", C_AUDIT, GK_DATALAKE, "LT.3",
	    "Enable logs and retain them for up to a year.", "Turn on diagnostic settings for the account.", "MaliciousInsider"),
	REC("Storage account public access should be disallowed", "Medium", "Data", C_NETWORK, GK_STORAGE, "NS.2",
	    "Anonymous public read access to containers and blobs in Azure Storage is a convenient way to share data but might present security risks.",
	    "Set Allow Blob anonymous access to Disabled in the account configuration.", "DataExfiltration"),
	REC("Secure transfer to storage accounts should be enabled", "High", "Data", C_TRANSIT, GK_STORAGE, "DP.3",
	    "Secure transfer is an option that forces your storage account to accept requests only from secure connections (HTTPS).",
	    "Turn on Secure transfer required in the account configuration.", "DataSpillage"),
	REC("Storage accounts should restrict network access using virtual network rules", "Medium", "Data", C_NETWORK, GK_STORAGE, "NS.2",
	    "Protect your storage accounts from potential threats using virtual network rules.",
	    "Select Selected networks in the Networking blade and add the allowed virtual networks.", "DataExfiltration"),
	REC("Key Vault keys should have an expiration date", "Medium", "Data", C_PRACTICES, GK_KEYVAULT, "DP.6",
	    "Cryptographic keys should have a defined expiration date and not be permanent.",
	    "Set an expiration date on every key of the vault.", "DataExfiltration"),
	REC("Firewall should be enabled on Key Vault", "Medium", "Data", C_NETWORK, GK_KEYVAULT, "NS.2",
	    "Key vault's firewall prevents unauthorized traffic from reaching your key vault.",
	    "Select Allow public access from specific virtual networks and IP addresses in the Networking blade.", "DataExfiltration"),
	REC("Key vaults should have deletion protection enabled", "Medium", "Data", C_PRACTICES, GK_KEYVAULT, "DP.8",
	    "A malicious insider in your organization can potentially delete and purge key vaults.",
	    "Turn on soft delete and purge protection.", "MaliciousInsider"),
	REC("Virtual networks should be protected by Azure Firewall", "Low", "Networking", C_NETWORK, GK_VNET, "NS.3",
	    "Some of your virtual networks aren't protected with a firewall. Use Azure Firewall to restrict access to your virtual networks.",
	    "Deploy Azure Firewall and route the default traffic of the network through it.", "DataExfiltration"),
	REC("Azure DDoS Protection Standard should be enabled", "Medium", "Networking", C_DDOS, GK_VNET, "NS.5",
	    "Defender for Cloud has discovered virtual networks with Application Gateway resources unprotected by the DDoS protection service.",
	    "Enable DDoS network protection on the virtual network.", "DenialOfService"),
	REC("All network ports should be restricted on network security groups associated to your virtual machine", "High", "Networking", C_NETWORK, GK_NSG, "NS.1",
	    "Defender for Cloud has identified some of your network security groups' inbound rules to be too permissive.",
	    "Tighten the inbound rules of the network security group to the sources that need access.", "DataExfiltration"),
	REC("Public IP addresses should have resource logs enabled for Azure DDoS Protection", "Low", "Networking", C_DDOS, GK_PUBLICIP, "NS.5",
	    "Enable resource logs for public IP addresses in diagnostic settings to stream to a Log Analytics workspace.",
	    "Turn on diagnostic settings of the public IP address.", "DenialOfService"),
	REC("Web Application Firewall (WAF) should be enabled for Application Gateway", "Medium", "Networking", C_DDOS, GK_APPGW, "NS.6",
	    "Deploy Azure Web Application Firewall in front of public facing web applications for additional inspection of incoming traffic.",
	    "Switch the gateway to the WAF_v2 tier and attach a WAF policy.", "DenialOfService"),
	REC("EC2 instances should not have a public IPv4 address", "High", "Networking", C_NETWORK, GK_AWS_EC2, "NS.1",
	    "EC2 instances with a public IP address are reachable from the internet; place them behind a load balancer instead.",
	    "Launch EC2 instances in a private subnet, or remove the public IPv4 address from the network interface.", "DataExfiltration"),
	REC("EC2 instances should be managed by AWS Systems Manager", "Medium", "Compute", C_CONFIG, GK_AWS_EC2, "AM.2",
	    "EC2 instances not managed by Systems Manager miss patching and configuration compliance.",
	    "Install the SSM agent and attach an instance profile with the AmazonSSMManagedInstanceCore policy.", "MaliciousInsider"),
	REC("Compute instances should not use the default service account with full access to all Cloud APIs", "High", "IdentityAndAccess", C_ACCESS, GK_GCP_VM, "PA.7",
	    "The default Compute Engine service account with full API access gives every workload on the instance project-wide rights.",
	    "Stop the instance, assign a dedicated service account with least privilege, and restart it.", "AccountBreach"),
	REC("Diagnostic logs in IoT Hub should be enabled", "Low", "IoT", C_AUDIT, GK_IOTHUB, "LT.3",
	    "Enable logs and retain them for up to a year.", "Turn on diagnostic settings for the IoT hub.", "MaliciousInsider"),
	REC("Default IP Filter Policy should be Deny", "Medium", "IoT", C_NETWORK, GK_IOTHUB, "NS.2",
	    "IP Filter Configuration should have rules defined for allowed traffic and should deny all other traffic by default.",
	    "Add IP filter rules for the allowed sources and set the default action to Deny.", "DataExfiltration"),
};

const struct gen_control_def *gen_controls(void)
{
	return controls;
}

const struct gen_kind_def *gen_kinds(void)
{
	return kinds;
}

const struct gen_rec_def *gen_recs(size_t *n)
{
	*n = PST_ARRAY_LEN(recs);
	return recs;
}

static void derive_keys(struct gen_catalog *c)
{
	size_t i;

	for (i = 0; i < c->nrecs; i++) {
		uint64_t h = gen_hash(c->recs[i].name);

		gen_guid(h, h ^ UINT64_C(0x5a5a), c->keys[i]);
		gen_guid(h ^ UINT64_C(0x1234), h, c->policies[i]);
		if (strcmp(c->recs[i].name, GEN_ALIAS_NAME) == 0) { /* the real keys: templates/aliases.conf */
			pst_strlcpy(c->keys[i], GEN_ALIAS_OLD, GEN_GUID_LEN);
			c->alias_rec = i;
		}
	}
}

static void group_by_kind(struct gen_catalog *c)
{
	size_t i, n = 0;
	int k;

	for (k = 0; k < GK__COUNT; k++) {
		c->kind_start[k] = n;
		for (i = 0; i < c->nrecs; i++)
			if ((int)c->recs[i].kind == k)
				c->by_kind[n++] = i;
	}
	c->kind_start[GK__COUNT] = n;
}

void gen_catalog_init(struct gen_catalog *c)
{
	c->recs = gen_recs(&c->nrecs);
	c->keys = xcalloc(c->nrecs, sizeof(*c->keys));
	c->policies = xcalloc(c->nrecs, sizeof(*c->policies));
	c->by_kind = xcalloc(c->nrecs, sizeof(*c->by_kind));
	derive_keys(c);
	group_by_kind(c);
}

void gen_catalog_release(struct gen_catalog *c)
{
	free(c->keys);
	free(c->policies);
	free(c->by_kind);
}
