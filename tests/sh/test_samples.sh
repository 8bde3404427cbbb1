# test_samples.sh: the sample estate (samples/estate) is what estate-gen makes
# with the default options (determinism, and the committed files are current);
# another seed gives another estate; the ground-truth files are sane; and an
# independent fold of the files (DESIGN.md "state as of T", in Python) finds
# exactly the ground truth, with the other export shapes stating the same
# facts as the CE snapshot of the same time, and secure score records that
# follow the Defender formula from each snapshot's assessments.
. tests/sh/lib.sh
: "${ESTATE_GEN:?set by tests/run.sh}"
SAMPLES=samples/estate
PY=/usr/bin/python3

"$ESTATE_GEN" --out "$TMP/estate" 2>"$TMP/err"
check_eq "default run exit" "$?" 0
check_eq "default run stderr" "$(cat "$TMP/err")" ""
# make check-samples: the committed estate is what estate-gen makes now
if sh tests/tools/check_samples.sh >"$TMP/check" 2>&1; then pass; else
	fail "check-samples: samples/estate is not current (make samples)"; sed 's/^/     /' "$TMP/check"; fi
# and it does see a changed, a removed and an added file
cp -r "$TMP/estate" "$TMP/ref"
echo x >>"$TMP/ref/rest/assessments-2026-08-31.json"; rm "$TMP/ref/.expected/period-2026-05.tsv"; echo x >"$TMP/ref/rest/extra.json"
SAMPLES="$TMP/ref" sh tests/tools/check_samples.sh >"$TMP/check" 2>&1
check_eq "check-samples on a changed estate: exit" "$?" 1
check_contains "check-samples: the summary" "$(head -n 1 "$TMP/check")" \
	"1 files differ, 1 only in $TMP/ref, 1 only in the new estate"
check_contains "check-samples: the changed file" "$(cat "$TMP/check")" "Files $TMP/ref/rest/assessments-2026-08-31.json and NEW/rest/assessments-2026-08-31.json differ"
check_contains "check-samples: the removed file" "$(cat "$TMP/check")" "Only in NEW/.expected: period-2026-05.tsv"
check_eq "files in the estate" "$(find "$TMP/estate" -type f | wc -l | tr -d ' ')" \
	"$(find "$SAMPLES" -type f | wc -l | tr -d ' ')"

"$ESTATE_GEN" --out "$TMP/estate2" --seed 2 --months 2 2>/dev/null
if diff -rq "$TMP/estate" "$TMP/estate2" >/dev/null 2>&1; then fail "seed 2 gives the same estate"; else pass; fi
check_eq "seed 2 months" "$(ls "$TMP/estate2/.expected" | grep -c '^period-')" 2

"$ESTATE_GEN" --out "$TMP/x" --months 0 2>/dev/null
check_eq "--months 0 is a usage error" "$?" 64
"$ESTATE_GEN" --months 2 2>/dev/null
check_eq "--out is required" "$?" 64
"$ESTATE_GEN" --out "$TMP/x" --formats ce,bogus 2>/dev/null
check_eq "unknown format" "$?" 64
check_contains "help" "$("$ESTATE_GEN" --help)" "--subscriptions N"

# Ground truth: 6 months, 12 classes each > 0, the reconciliation identity.
check_eq "period files" "$(ls "$SAMPLES/.expected" | grep -c '^period-2026-..\.tsv$')" 6
for f in "$SAMPLES"/.expected/period-*.tsv; do
	out=$(awk -F'\t' '!/^#/ { v[$1] = $2; n++ }
		END {
			split("remediated exempted not_applicable resource_deleted out_of_scope recommendation_removed still_open regressed new_resource new_recommendation exemption_ended became_applicable", c, " ")
			for (i = 1; i <= 12; i++) if (!(v[c[i]] > 0)) print "class " c[i] " is " v[c[i]]
			closed = v["remediated"] + v["exempted"] + v["not_applicable"] + v["resource_deleted"] + v["out_of_scope"] + v["recommendation_removed"]
			opened = v["regressed"] + v["new_resource"] + v["new_recommendation"] + v["exemption_ended"] + v["became_applicable"]
			if (closed != v["closed"] || opened != v["opened"]) print "closed/opened do not add up"
			if (v["unhealthy_t1"] != v["unhealthy_t0"] - v["closed"] + v["opened"]) print "unhealthy_t1 != unhealthy_t0 - closed + opened"
			if (n != 16) print n " lines"
		}' "$f")
	check_eq "$(basename "$f")" "$out" ""
done

if [ ! -x "$PY" ]; then
	fail "fold check: $PY is absent (python3 is a test package: make test-deps)"
	summary; exit
fi

# Fold the CE files as a reader must (snapshot = state of the subscriptions it
# holds at the date in its name; stream assessment = change at statusChangeDate;
# Delete removes), classify each month, compare with .expected/; and compare the
# other export shapes with the CE snapshot of the same date.
cat >"$TMP/fold.py" <<'EOF'
import csv, glob, gzip, json, os, re, sys
from datetime import datetime, timezone

root = sys.argv[1]
# renamed recommendations (templates/aliases.conf): the old key folds as the new one
ALIAS = {}
for line in open(os.path.join(os.environ['TESTS_DIR'], '..', 'templates', 'aliases.conf')):
    m = re.match(r'\s*alias\s+(\S+)\s*->\s*(\S+)', line)
    if m:
        ALIAS[m.group(1).lower()] = m.group(2).lower()
def k(name):
    return ALIAS.get(name.lower(), name.lower())
def ts(s):
    s = s.rstrip('Z')
    if '.' in s:
        s = s[:s.index('.')]
    return datetime.strptime(s, '%Y-%m-%dT%H:%M:%S').replace(tzinfo=timezone.utc).timestamp()
def day(path):
    m = re.search(r'(\d{4}-\d{2}-\d{2})', os.path.basename(path))
    return ts(m.group(1) + 'T00:00:00Z')
def sub_of(rid):
    return rid.lower().split('/')[2]
def fact(status):
    code = status.get('code') or status.get('Code')
    return (code, status.get('cause') or '') if code == 'NotApplicable' else (code, '')
def get(d, k):
    for kk in d:
        if kk.lower() == k.lower():
            return d[kk]
    return None

snaps, events = [], []
for path in sorted(glob.glob(root + '/ce/*/*.ndjson.gz')):
    snap = os.path.basename(path).startswith('snapshot')
    state = {}
    for line in gzip.open(path, 'rt', encoding='utf-8'):
        r = json.loads(line)
        env = get(r, 'securityEventDataEnrichment')
        if r.get('type') == 'Microsoft.Security/secureScores' and snap:
            state.setdefault(sub_of(r['id']), {})
        if r.get('type') != 'Microsoft.Security/assessments':
            continue
        p = r['properties']
        key = (p['resourceDetails']['id'].lower(), k(r['name']))
        if snap:
            assert get(env, 'isSnapshot') is True
            state.setdefault(sub_of(key[0]), {})[key] = fact(p['status'])
        else:
            deleted = get(env, 'action') == 'Delete'
            events.append((ts(p['status']['statusChangeDate']), 1, key, None if deleted else fact(p['status'])))
    if snap:
        snaps.append((day(path), state))
        events.append((day(path), 0, None, state))
events.sort(key=lambda e: (e[0], e[1]))

def state_at(T):
    st, covered = {}, set()
    for t, kind, key, val in events:
        if t > T:
            break
        if kind == 0:
            for sub, recs in val.items():
                st = {k: v for k, v in st.items() if sub_of(k[0]) != sub}
                st.update(recs)
            covered = set(val)
        elif val is None:
            st.pop(key, None)
        else:
            st[key] = val
    return st, covered

def classify(s0, s1, cov1):
    res0 = {k[0] for k in s0}
    res1 = {k[0] for k in s1}
    n = {}
    for k in set(s0) | set(s1):
        a, b = s0.get(k), s1.get(k)
        c = None
        if a and a[0] == 'Unhealthy':
            if sub_of(k[0]) not in cov1: c = 'out_of_scope'
            elif b is None: c = 'recommendation_removed' if k[0] in res1 else 'resource_deleted'
            elif b[0] == 'Healthy': c = 'remediated'
            elif b[0] == 'Unhealthy': c = 'still_open'
            else: c = 'exempted' if b[1] == 'Exempt' else 'not_applicable'
        elif b and b[0] == 'Unhealthy':
            if a is None: c = 'new_recommendation' if k[0] in res0 else 'new_resource'
            elif a[0] == 'Healthy': c = 'regressed'
            else: c = 'exemption_ended' if a[1] == 'Exempt' else 'became_applicable'
        if c:
            n[c] = n.get(c, 0) + 1
    return n

bad = 0
for f in sorted(glob.glob(root + '/.expected/period-*.tsv')):
    want = dict(l.rstrip('\n').split('\t') for l in open(f) if not l.startswith('#'))
    y, m = map(int, re.search(r'(\d{4})-(\d{2})', f).groups())
    t0 = datetime(y, m, 1, tzinfo=timezone.utc).timestamp()
    t1 = datetime(y + m // 12, m % 12 + 1, 1, tzinfo=timezone.utc).timestamp()
    s0, _ = state_at(t0)
    s1, cov1 = state_at(t1)
    got = classify(s0, s1, cov1)
    for c, v in want.items():
        if c in ('unhealthy_t0', 'unhealthy_t1', 'closed', 'opened'):
            continue
        if got.get(c, 0) != int(v):
            print('%s: %s folded %d, expected %s' % (os.path.basename(f), c, got.get(c, 0), v)); bad += 1

def compare(path, facts):
    T = day(path)
    want = {}
    for t, st in snaps:
        if t == T:
            for recs in st.values():
                want.update(recs)
    if not want:
        print('%s: no CE snapshot at its date' % path); return 1
    if facts != want:
        print('%s: %d facts differ from the CE snapshot of its date' % (path, len(set(facts.items()) ^ set(want.items()))))
        return 1
    return 0

def na(code, cause):
    return (code, cause or '') if code == 'NotApplicable' else (code, '')
for path in glob.glob(root + '/portal/*.csv'):
    rows = csv.DictReader(open(path, encoding='utf-8-sig'))
    bad += compare(path, {(r['resourceId'].lower(), k(r['recommendationName'])): na(r['state'], r['notApplicableReason']) for r in rows})
for path in glob.glob(root + '/la/SecurityRecommendation_*.csv'):
    rows = csv.DictReader(open(path, encoding='utf-8'))
    bad += compare(path, {(r['AssessedResourceId'].lower(), k(r['RecommendationName'])): na(r['RecommendationState'], r['NotApplicableReason']) for r in rows})
for path in glob.glob(root + '/rest/assessments-*.json') + glob.glob(root + '/arg/securityresources-*.json'):
    d = json.load(open(path))
    items = d.get('value', d.get('data'))
    bad += compare(path, {(a['properties']['resourceDetails']['id'].lower(), k(a['name'])): fact(a['properties']['status']) for a in items})
# Secure score records follow the Defender formula from the snapshot's assessments.
def check_scores(path):
    defs, assess, ctl, score = {}, {}, {}, {}
    recs = [json.loads(line) for line in gzip.open(path, 'rt', encoding='utf-8')]
    grace = {r['id'].lower().split('/governanceassignments/')[0] for r in recs  # assessment ids
             if r.get('type') == 'Microsoft.Security/assessments/governanceAssignments' and
             r['properties'].get('isGracePeriod')}
    for r in recs:
        t, p = r.get('type', ''), r.get('properties', {})
        if t == 'Microsoft.Security/secureScoreControlDefinitions':
            defs[r['name']] = (p['maxScore'], {a['id'].rsplit('/', 1)[1] for a in p['assessmentDefinitions']})
        elif t == 'Microsoft.Security/assessments':
            rid = p['resourceDetails']['id'].lower()
            code = p['status']['code']
            if code == 'Unhealthy' and r['id'].lower() in grace:
                code = 'NotApplicable'  # in a grace period: not counted against the score
            assess.setdefault(sub_of(rid), {}).setdefault(rid, {})[r['name']] = code
        elif t == 'Microsoft.Security/secureScores/secureScoreControls':
            ctl[(sub_of(r['id']), r['name'])] = p
        elif t == 'Microsoft.Security/secureScores':
            score[sub_of(r['id'])] = p
    errors = 0
    for sub, resources in assess.items():
        tmax = tcur = 0
        for cid, (mx, keys) in defs.items():
            h = u = n = 0
            for recs in resources.values():
                st = [c for k, c in recs.items() if k in keys]
                if 'Unhealthy' in st: u += 1
                elif 'Healthy' in st: h += 1
                elif st: n += 1
            cmax = mx if h + u else 0
            cur = round(cmax * h / (h + u), 2) if h + u else 0
            p = ctl[(sub, cid)]
            if (p['healthyResourceCount'], p['unhealthyResourceCount'], p['notApplicableResourceCount']) != (h, u, n) \
                    or abs(p['score']['current'] - cur) > 0.011 or p['score']['max'] != cmax:
                errors += 1
            tmax += cmax; tcur += cur
        sc = score[sub]['score']
        if sc['max'] != tmax or abs(sc['current'] - tcur) > 0.02 or abs(sc['percentage'] - sc['current'] / tmax) > 0.0001:
            errors += 1
    if errors:
        print('%s: %d score records off the formula' % (path, errors))
    return errors
for path in sorted(glob.glob(root + '/ce/*/snapshot-*.ndjson.gz')):
    bad += check_scores(path)
print('mismatches', bad)
EOF
check_eq "independent fold of the sample files" "$($PY "$TMP/fold.py" "$SAMPLES" 2>&1 | tail -5)" "mismatches 0"

# posture itself reads every file of the estate, and `posture diff --period`
# over it finds the ground truth (issue 3).
"$POSTURE" inspect -q "$SAMPLES" >/dev/null 2>"$TMP/inspect.err"
check_eq "posture reads every file of the estate" "$?: $(head -c 400 "$TMP/inspect.err")" "0: "
for f in "$SAMPLES"/.expected/period-*.tsv; do
	m=${f##*period-}; m=${m%.tsv}
	"$POSTURE" diff -q --period "$m" --format json "$SAMPLES" >"$TMP/diff.json" 2>"$TMP/diff.err"
	check_eq "posture diff --period $m exit" $? 0
	got=$($PY -c 'import json, sys
d = json.load(open(sys.argv[1]))
r = d.get("reconciliation", {})
for k, v in d["counts"].items(): print("%s\t%s" % (k, v))
for mine, theirs in (("unhealthy_t0", "unhealthy_from"), ("unhealthy_t1", "unhealthy_to"), ("closed", "closed"), ("opened", "opened")):
    print("%s\t%s" % (mine, r.get(theirs)))' "$TMP/diff.json" 2>&1 | sort)
	check_eq "posture diff --period $m" "$got" "$(grep -v '^#' "$f" | sort)"
done
summary
