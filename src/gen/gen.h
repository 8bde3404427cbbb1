/* gen.h: internals of estate-gen, the generator of a fictitious Defender for
 * Cloud estate (samples/ and benchmark inputs).
 *
 * Modules: gen_rand (PRNG, fake GUIDs), gen_catalog (static tables: controls,
 * resource kinds, recommendation types), gen_estate (subscriptions, resources,
 * findings and their state), gen_plan (the month's planted changes),
 * gen_truth (the classified diff of a month, DESIGN.md table), gen_score
 * (secure score per subscription and control), gen_sink (plain or gzip
 * output, JSON and CSV text helpers), gen_ce (continuous-export records),
 * gen_alert, gen_subassess, gen_snapshot (the weekly CE snapshot), gen_portal,
 * gen_la, gen_rest (REST lists and the Resource Graph result), gen_readme,
 * gen_run (the timeline, day by day), gen_main (options).
 *
 * Ownership: the estate owns its arrays and the resource id strings; the
 * catalogue owns its key arrays; the writers borrow both.  Records are built
 * in a sink's buffer and flushed in chunks, so memory does not grow with the
 * size of the files.
 *
 * Everything is derived from the seed with gen_rng: no time(), no locale,
 * iteration in index order, so the same options give byte-identical files.
 */
#ifndef POSTURE_GEN_H
#define POSTURE_GEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <zlib.h>
#include "posture/common.h"
#include "posture/outfile.h"
#include "posture/strbuf.h"
#include "posture/timeutil.h"

/* ---- gen_rand.c ---- */
struct gen_rng {
	uint64_t s;
};
#define GEN_GUID_LEN 37 /* 36 characters and NUL */

void gen_rng_init(struct gen_rng *r, uint64_t seed, uint64_t stream);
uint64_t gen_next(struct gen_rng *r);
uint32_t gen_below(struct gen_rng *r, uint32_t n);   /* uniform in [0, n); 0 when n == 0 */
bool gen_chance(struct gen_rng *r, unsigned per_mille);
uint64_t gen_mix(uint64_t x);                         /* splitmix64 finalizer */
uint64_t gen_hash(const char *s);                     /* FNV-1a 64 */
void gen_guid(uint64_t a, uint64_t b, char out[GEN_GUID_LEN]);

/* ---- gen_catalog.c ---- */
enum gen_kind {
	GK_SUBSCRIPTION, GK_APPSERVICE, GK_AKS, GK_REGISTRY, GK_VM, GK_VMSS, GK_SQL, GK_REDIS,
	GK_DATALAKE, GK_STORAGE, GK_KEYVAULT, GK_VNET, GK_NSG, GK_PUBLICIP, GK_APPGW, GK_IOTHUB,
	GK_AWS_EC2, GK_GCP_VM, /* other clouds through a security connector of their subscription */
	GK__COUNT
};

struct gen_kind_def {
	const char *provider;  /* Microsoft.Compute */
	const char *type;      /* virtualMachines */
	const char *prefix;    /* resource name prefix */
	const char *rg;        /* resource group stem */
	unsigned weight;       /* share of the resources */
};

struct gen_control_def {
	const char *name;
	unsigned max;
	const char *guid;
	const char *description;
};

struct gen_rec_def {
	const char *name;         /* display name */
	const char *severity;     /* High, Medium, Low */
	const char *category;     /* Compute, Networking, Data, IdentityAndAccess, AppServices, IoT, Container */
	unsigned control;         /* index into the control table */
	enum gen_kind kind;
	const char *mcsb;         /* Microsoft cloud security benchmark control (NS.1) */
	const char *description;
	const char *remediation;
	const char *threat;
};

#define GEN_NCONTROLS 15
#define GEN_CTL_VULNS 3   /* index of "Remediate vulnerabilities" in gen_controls() */
const struct gen_control_def *gen_controls(void);      /* GEN_NCONTROLS entries */
const struct gen_kind_def *gen_kinds(void);            /* GK__COUNT entries */
const struct gen_rec_def *gen_recs(size_t *n);

/* Catalogue keys (GUIDs) derived from the display names: seed independent. */
struct gen_catalog {
	const struct gen_rec_def *recs;
	size_t nrecs;
	char (*keys)[GEN_GUID_LEN];      /* assessment keys, nrecs */
	char (*policies)[GEN_GUID_LEN];  /* policy definition ids, nrecs */
	size_t *by_kind;                 /* rec indices grouped by kind */
	size_t kind_start[GK__COUNT + 1];
	size_t alias_rec;                /* the recommendation whose key changes (GEN_ALIAS_*) */
};
/* A renamed recommendation (templates/aliases.conf, azure-policy#1595): its
 * key is GEN_ALIAS_OLD until the 15th of the last month, GEN_ALIAS_NEW from then. */
#define GEN_ALIAS_NAME "Blocked accounts with owner permissions on Azure resources should be removed"
#define GEN_ALIAS_OLD "050ac097-3dda-4d24-ab6d-82568e7a50cf"
#define GEN_ALIAS_NEW "a4899b81-b689-4e0d-aa29-45983ab8b7fc"
void gen_catalog_init(struct gen_catalog *c);
void gen_catalog_release(struct gen_catalog *c);

/* ---- gen_estate.c ---- */
enum gen_fstate {          /* state of one finding at a time; the order is stored */
	GF_ABSENT = 0,         /* not assessed, withdrawn, or resource deleted */
	GF_HEALTHY,
	GF_UNHEALTHY,
	GF_NA_EXEMPT,          /* NotApplicable, cause Exempt */
	GF_NA_POLICY,          /* NotApplicable, cause OffByPolicy */
	GF_NA_PLAN             /* NotApplicable, cause UnsupportedPricingPlan */
};

struct gen_finding {
	pst_time first_eval;
	pst_time changed;      /* statusChangeDate */
	uint32_t resource;
	uint16_t rec;          /* index into the catalogue */
	uint8_t state;         /* enum gen_fstate */
	uint8_t touched;       /* planned change this month */
};

struct gen_resource {
	char *id;              /* ARM id, owned (built once: the writers' hot path) */
	uint32_t name_at;      /* offset of the name in id */
	uint32_t rg_at, rg_len; /* the resource group in id (0, 0 for a subscription) */
	uint32_t sub;
	uint32_t first;        /* first finding index */
	uint32_t seq;          /* number within its kind, for the name */
	uint8_t kind;          /* enum gen_kind */
	uint8_t nfind;
	uint8_t busy;          /* deleted / created / withdrawn this month */
};

struct gen_sub {
	char id[GEN_GUID_LEN];
	char name[48];
	uint32_t resource;     /* the subscription's own resource */
};

struct gen_estate {
	const struct gen_catalog *cat;   /* borrowed */
	char tenant[GEN_GUID_LEN];
	char workspace[GEN_GUID_LEN];
	uint64_t seed;
	struct gen_sub *subs;
	size_t nsubs;
	struct gen_resource *res;
	size_t nres, res_alloc;
	struct gen_finding *f;
	size_t nf, f_alloc;
	uint32_t kind_count[GK__COUNT];
	bool renamed;                    /* the alias recommendation has its new key */
};
/* The assessment key of recommendation rec now. */
const char *gen_key(const struct gen_estate *e, size_t rec);

void gen_estate_init(struct gen_estate *e, const struct gen_catalog *cat, uint64_t seed,
		     size_t nsubs, size_t nres, pst_time start);
void gen_estate_release(struct gen_estate *e);
/* Appends a resource of kind k in subscription s, its findings absent. */
uint32_t gen_estate_add(struct gen_estate *e, enum gen_kind k, uint32_t s);
bool gen_resource_present(const struct gen_estate *e, uint32_t r);

enum gen_idstyle { GEN_ID_ARM, GEN_ID_LOWERRG, GEN_ID_LOWER, GEN_ID_UPPER };
void gen_resource_id(const struct gen_estate *e, uint32_t r, enum gen_idstyle st, struct strbuf *sb);
void gen_resource_name(const struct gen_estate *e, uint32_t r, struct strbuf *sb);
void gen_resource_group(const struct gen_estate *e, uint32_t r, struct strbuf *sb);
const char *gen_state_code(uint8_t st);     /* Healthy, Unhealthy, NotApplicable */
const char *gen_state_cause(uint8_t st);    /* Exempt, OffByPolicy, ...; NULL if none */
const char *gen_state_description(uint8_t st);
/* Governance assignment of a finding (deterministic), when it has one. */
struct gen_gov {
	char name[GEN_GUID_LEN];
	const char *owner;
	pst_time due;
	pst_time eta;
	int ticket;
	bool grace;      /* isGracePeriod */
};
bool gen_governance(const struct gen_estate *e, uint32_t fi, struct gen_gov *g);

/* ---- gen_plan.c ---- */
enum gen_ev_kind {
	GE_NEW_RESOURCE, GE_FIX, GE_EXEMPT, GE_OFF_POLICY, GE_DELETE_RESOURCE, GE_WITHDRAW,
	GE_REGRESS, GE_NEW_REC, GE_EXEMPTION_END, GE_BECOME_APPLICABLE
};

struct gen_event {
	pst_time t;
	uint32_t target;    /* finding, or resource for *_RESOURCE */
	uint8_t kind;
};

struct gen_plan {
	struct gen_event *ev;
	size_t n, alloc;
	size_t next;         /* first event not applied yet */
	uint32_t frozen_sub; /* no change this month; left out of the month-end export */
};
/* Plans the changes of the month [t0, t1) from the state at t0. */
void gen_plan_month(struct gen_plan *p, struct gen_estate *e, struct gen_rng *r,
		    pst_time t0, pst_time t1, uint32_t frozen_sub);
void gen_plan_release(struct gen_plan *p);
/* The state a planned event gives a finding; a new resource's findings by index. */
uint8_t gen_event_state(enum gen_ev_kind k);
uint8_t gen_new_resource_state(const struct gen_estate *e, uint32_t fi);

/* ---- gen_truth.c ---- */
enum gen_class {
	GC_REMEDIATED, GC_EXEMPTED, GC_NOT_APPLICABLE, GC_RESOURCE_DELETED, GC_OUT_OF_SCOPE,
	GC_RECOMMENDATION_REMOVED, GC_STILL_OPEN, GC_REGRESSED, GC_NEW_RESOURCE,
	GC_NEW_RECOMMENDATION, GC_EXEMPTION_ENDED, GC_BECAME_APPLICABLE, GC__COUNT, GC_NONE
};
const char *gen_class_name(enum gen_class c);

struct gen_truth {
	uint8_t *t0;          /* finding states at T0 (absent past the end) */
	size_t n0;
	uint64_t count[GC__COUNT];
	uint64_t unhealthy_t0, unhealthy_t1, closed, opened;
};
void gen_truth_capture(struct gen_truth *tr, const struct gen_estate *e);
/* Classifies every finding: state at T0 (captured) against now (T1);
 * uncovered is the subscription missing from the export at T1. */
void gen_truth_classify(struct gen_truth *tr, const struct gen_estate *e, uint32_t uncovered);
void gen_truth_release(struct gen_truth *tr);

/* ---- gen_score.c ---- */

struct gen_ctl_score {
	uint32_t healthy, unhealthy, na;
	double max, current, percentage;
};
struct gen_sub_score {
	struct gen_ctl_score ctl[GEN_NCONTROLS];
	double max, current, percentage;
	uint32_t weight;       /* healthy + unhealthy resources */
};
/* Scores of every subscription (caller frees the array). */
struct gen_sub_score *gen_score_compute(const struct gen_estate *e);

/* ---- gen_sink.c ---- */
struct gen_sink {
	struct pst_outfile of;
	bool gzip;
	z_stream z;
	struct strbuf buf;     /* pending bytes */
	unsigned char *zout;
	int status;
};
/* zlevel 0 writes plain bytes, 1-9 gzip at that level. */
int gen_sink_open(struct gen_sink *s, const char *path, int zlevel, struct pst_error *err);
/* Writes the pending bytes of s->buf when it is big enough (or always). */
void gen_sink_flush(struct gen_sink *s, bool always);
int gen_sink_close(struct gen_sink *s, struct pst_error *err);
void gen_sink_abort(struct gen_sink *s);      /* removes the partial file */

void gen_json_str(struct strbuf *sb, const char *s);          /* "escaped" */
void gen_json_kstr(struct strbuf *sb, const char *k, const char *v);  /* "k":"v", */
void gen_json_time(struct strbuf *sb, pst_time t);            /* "2026-05-01T10:00:00.1234567Z" */
void gen_time_text(pst_time t, char *buf, size_t size);       /* same without quotes */
void gen_json_num(struct strbuf *sb, double v);               /* shortest of %.4f trimmed */
void gen_csv_field(struct strbuf *sb, const char *s, bool first, bool always_quote);

/* ---- writers ---- */
enum gen_format { GEN_F_CE = 1, GEN_F_PORTAL = 2, GEN_F_LA = 4, GEN_F_REST = 8, GEN_F_ARG = 16, GEN_F_AVRO = 32,
		  GEN_F_ALL = 63 };

struct gen_ctx {
	const struct gen_estate *e;
	const struct gen_catalog *cat;
	int zlevel;             /* for the CE files: 0 plain, else gzip level */
	const char *out;
	struct pst_error *err;
};
/* DIR/dir/YYYY-MM/stem-YYYY-MM-DDext (or DIR/dir/ when stem is NULL). */
void gen_path(struct strbuf *sb, const struct gen_ctx *c, const char *dir, const char *stem, pst_time t,
	      const char *ext);
uint32_t *gen_order_by_sub(const struct gen_estate *e);   /* resource indices by subscription; caller frees */
/* Calls fn for every present finding outside skip_sub, by subscription. */
typedef void (*gen_finding_fn)(void *arg, uint32_t fi);
void gen_for_each_finding(const struct gen_estate *e, uint32_t skip_sub, gen_finding_fn fn, void *arg);
/* Per subscription and recommendation: healthy, unhealthy, not applicable resources; caller frees. */
uint32_t *gen_compliance_counts(const struct gen_estate *e);

/* gen_ce.c: JSON objects shared by the formats ("...":... members without braces
 * where named _obj; whole NDJSON lines where named gen_ce_). */
void gen_ce_envelope(struct strbuf *sb, bool snapshot, bool deleted, bool assessment, bool pascal);
void gen_assessment_id(struct strbuf *sb, const struct gen_estate *e, uint32_t fi, enum gen_idstyle st);
void gen_assessment_props(struct strbuf *sb, const struct gen_estate *e, uint32_t fi, pst_time changed,
			  bool https);
void gen_metadata_obj(struct strbuf *sb, const struct gen_catalog *cat, size_t i);
void gen_control_def_obj(struct strbuf *sb, const struct gen_catalog *cat, unsigned ci, const char *type);
void gen_score_obj(struct strbuf *sb, const struct gen_estate *e, uint32_t s, const struct gen_sub_score *sc);
void gen_score_control_obj(struct strbuf *sb, const struct gen_estate *e, uint32_t s,
			   const struct gen_sub_score *sc, unsigned ci, bool with_def);
void gen_compliance_obj(struct strbuf *sb, const struct gen_estate *e, uint32_t s, size_t rec,
			const uint32_t cnt[3], const char *type);
void gen_governance_obj(struct strbuf *sb, const struct gen_estate *e, uint32_t fi, const struct gen_gov *g);
void gen_ce_assessment(struct strbuf *sb, const struct gen_estate *e, uint32_t fi, bool snapshot,
		       bool deleted, bool pascal);
void gen_ce_metadata(struct strbuf *sb, const struct gen_catalog *cat, size_t i);
void gen_ce_control_def(struct strbuf *sb, const struct gen_catalog *cat, unsigned ci, const char *type);
void gen_ce_score(struct strbuf *sb, const struct gen_estate *e, uint32_t s, const struct gen_sub_score *sc);
void gen_ce_score_control(struct strbuf *sb, const struct gen_estate *e, uint32_t s,
			  const struct gen_sub_score *sc, unsigned ci, bool with_def);
void gen_ce_compliance(struct strbuf *sb, const struct gen_estate *e, uint32_t s, size_t rec,
		       const uint32_t cnt[3], const char *type);
void gen_ce_governance(struct strbuf *sb, const struct gen_estate *e, uint32_t fi, const struct gen_gov *g);
/* Sub-assessments of an Unhealthy "Remediate vulnerabilities" finding, found at t. */
void gen_ce_sub_assessments(struct strbuf *sb, const struct gen_estate *e, uint32_t fi, pst_time t);
void gen_ce_alert(struct strbuf *sb, const struct gen_estate *e, struct gen_rng *r, pst_time t);

/* Full exports at t of every subscription but skip_sub (NO subscription: UINT32_MAX). */
int gen_ce_snapshot(struct gen_ctx *c, pst_time t, uint32_t skip_sub);
int gen_portal_csv(struct gen_ctx *c, pst_time t, uint32_t skip_sub, bool wide);
int gen_la_csv(struct gen_ctx *c, pst_time t, uint32_t skip_sub);
int gen_rest_lists(struct gen_ctx *c, pst_time t, uint32_t skip_sub);
int gen_arg_result(struct gen_ctx *c, pst_time t, uint32_t skip_sub);

/* ---- gen_paths.c: risk, attack paths, policy exemptions ---- */
struct gen_path {
	uint32_t resource, finding;  /* the entry point and the finding on the path */
	char id[GEN_GUID_LEN];
	const char *name, *risk;
};
/* Whether resource ri has an attack path now, and which. */
bool gen_path_of(const struct gen_estate *e, uint32_t ri, struct gen_path *p);
/* ,"risk":{...} of an Unhealthy finding; nothing for the others. */
void gen_risk_member(struct strbuf *sb, const struct gen_estate *e, uint32_t fi);
/* Per subscription, the target of its paths (caller frees; for gen_ce_path). */
uint32_t *gen_path_targets(const struct gen_estate *e);
/* The continuous-export attack-path event of resource ri at t (snapshot), if it has a path. */
void gen_ce_path(struct strbuf *sb, const struct gen_estate *e, const uint32_t *tg, uint32_t ri, pst_time t);
int gen_arg_paths(struct gen_ctx *c, pst_time t, uint32_t skip_sub);  /* arg/attackpaths-DATE.json */
int gen_la_paths(struct gen_ctx *c, pst_time t, uint32_t skip_sub);   /* la/SecurityAttackPathData_TIME.csv */
int gen_exemptions(struct gen_ctx *c, pst_time t, uint32_t skip_sub); /* rest/policyExemptions-DATE.json */

/* ---- gen_run.c ---- */
struct gen_opts {
	uint64_t seed;
	const char *out;
	pst_time start;         /* first instant of the first month */
	int months;
	size_t subscriptions, resources;
	unsigned formats;       /* enum gen_format bits */
	bool gzip;
};
struct gen_report {
	unsigned empty_classes; /* (month, class) pairs with no finding */
};
int gen_run(const struct gen_opts *o, struct gen_report *rep, struct pst_error *err);
int gen_write_readme(const char *out, struct pst_error *err); /* gen_readme.c */
/* gen_avro.c: the Event Hubs Capture (Avro) form of the CE files of the
 * month starting at month, under OUT/avro/ (the CE files must be written). */
int gen_avro_month(const struct gen_ctx *c, pst_time month, struct pst_error *err);

#endif
