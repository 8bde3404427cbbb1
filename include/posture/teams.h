/* teams.h: ordered team rules that map each resource to a responsible team.
 *
 * The rules file format is documented in templates/teams.conf (read with
 * the lexer of conf.h, whose text rules and messages it follows).  In short:
 *
 *   team "Database Team"  type = microsoft.sql/servers*, microsoft.cache/redis
 *   team "Équipe réseau"  type = microsoft.network*  subscription = "Prod*"
 *
 * A rule is a team name and one or more matchers, all of which must match;
 * a matcher with several values matches when any value does.  Values are
 * globs where '*' stands for any run of bytes; matching is ASCII
 * case-insensitive.  Rules are tried in file order; the first match wins;
 * a resource that no rule matches belongs to PST_TEAM_UNASSIGNED.
 *
 * The module works on a plain struct pst_team_input, so it does not depend
 * on how the estate is stored.
 *
 * Ownership: struct pst_teams owns its rules and every string in them;
 * pst_teams_release frees them.  Inputs are borrowed for the call.
 */
#ifndef POSTURE_TEAMS_H
#define POSTURE_TEAMS_H

#include <stddef.h>
#include <stdint.h>
#include "posture/common.h"
#include "posture/diagnostics.h"
#include "posture/strbuf.h"

#define PST_TEAM_UNASSIGNED "Unassigned"
#define PST_TEAMS_MAX_FILE (4u * 1024u * 1024u)

enum pst_team_field {
	PST_TF_TYPE,         /* type: resource type, "microsoft.sql/servers" */
	PST_TF_CATEGORY,     /* category: a recommendation category on the resource */
	PST_TF_SUBSCRIPTION, /* subscription: the subscription id or its name */
	PST_TF_GROUP,        /* group: resource group */
	PST_TF_NAME,         /* name: resource name */
	PST_TF_OWNER,        /* owner: an owner from a governance assignment */
	PST_TF_ID,           /* id: the full resource id */
	PST_TF_CLOUD,        /* cloud: azure, aws, gcp, github, gitlab, azuredevops, ... */
	PST_TF_ACCOUNT,      /* account: AWS account, GCP project (hierarchyId); an Azure subscription id */
	PST_TF_CONNECTOR,    /* connector: the security connector's id */
	PST_TF__COUNT
};
/* The word used in the file: "type", "category", ... */
const char *pst_team_field_name(enum pst_team_field f);

/* What a resource looks like to the rules.  Any field may be NULL; type,
 * name, group and subscription_id are then taken from resource_id. */
struct pst_team_input {
	const char *resource_id;
	const char *type;               /* "Microsoft.Sql/servers/databases", any case */
	const char *name;
	const char *group;
	const char *subscription_id;
	const char *subscription_name;
	const char *const *categories;  /* categories of the resource's recommendations */
	size_t ncategories;
	const char *const *owners;      /* owners of its governance assignments */
	size_t nowners;
	const char *cloud;              /* NULL: "azure" */
	const char *account;            /* NULL: the subscription id */
	const char *connector;
};

struct pst_team_matcher {
	enum pst_team_field field;
	char **values;                  /* owned globs */
	size_t nvalues, values_alloc;
};

struct pst_team_rule {
	char *team;                     /* owned, valid UTF-8 */
	unsigned line;                  /* where the rule starts in the file */
	struct pst_team_matcher *matchers;
	size_t nmatchers, matchers_alloc;
	uint64_t hits;                  /* resources matched so far (pst_teams_match) */
};

struct pst_teams {
	char *path;                     /* owned: the file, for messages */
	struct pst_team_rule *rules;
	size_t nrules, rules_alloc;
};

void pst_teams_init(struct pst_teams *t);
void pst_teams_release(struct pst_teams *t);

/* Parses rules from text (len bytes); path names the file in messages.
 * On error returns PST_EDATA with "PATH:LINE: what" and leaves t empty. */
int pst_teams_parse(struct pst_teams *t, const char *path, const char *text, size_t len, struct pst_error *err);
/* Reads (at most PST_TEAMS_MAX_FILE bytes; PST_ENOINPUT if it cannot be
 * opened) and parses a file. */
int pst_teams_load(struct pst_teams *t, const char *path, struct pst_error *err);

/* Loads path if not NULL; else templates/teams.conf, else
 * POSTURE_DATADIR/teams.conf; when neither exists t is left without rules
 * (every resource Unassigned) and t->path NULL. */
int pst_teams_load_default(struct pst_teams *t, const char *path, struct pst_error *err);

/* True when one glob (case-insensitive, '*' = any run of bytes) matches s. */
bool pst_glob_match(const char *glob, const char *s);

/* The first rule matching in, or NULL (team PST_TEAM_UNASSIGNED).  Counts
 * a hit on the rule returned. */
const struct pst_team_rule *pst_teams_match(struct pst_teams *t, const struct pst_team_input *in);
/* The team of in: the matching rule's team or PST_TEAM_UNASSIGNED. */
const char *pst_teams_team_of(struct pst_teams *t, const struct pst_team_input *in);

/* After matching: adds one PST_DC_UNUSED_TEAM_RULE warning per rule that
 * matched nothing (at PATH:LINE, "rule for team "X" matched no resource");
 * returns how many. */
size_t pst_teams_unused(const struct pst_teams *t, struct pst_diags *out);
/* The same, after a PST_DC_NO_TEAM_RULES warning when no rules file was
 * found (every resource is then Unassigned). */
size_t pst_teams_warnings(const struct pst_teams *t, struct pst_diags *out);

/* Distinct team names in rule order, then PST_TEAM_UNASSIGNED (borrowed
 * from t; the array is owned by the caller: free(*names)). */
size_t pst_teams_names(const struct pst_teams *t, const char ***names);

#endif
