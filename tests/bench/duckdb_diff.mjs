// duckdb_diff.mjs: the classified diff of two continuous-export snapshots
// in SQL with DuckDB (npm @duckdb/node-api, installed by tests/bench/peers.sh
// under build/), the peer of `posture diff` on the same files.
//   node duckdb_diff.mjs T0.ndjson T1.ndjson OUT.csv [THREADS]
// Writes one line per classified finding, "class,resource id (lower-cased),
// assessment key", sorted, and prints the count per class.
import { DuckDBInstance } from '@duckdb/node-api';

const [f0, f1, out, threads = '2'] = process.argv.slice(2);
const db = await DuckDBInstance.create(':memory:', { threads });
const c = await db.connect();
const q = (s) => s.replaceAll("'", "''");

await c.run(`
CREATE TEMP TABLE s AS
SELECT filename = '${q(f1)}' AS late,
       lower(json_extract_string(properties, '$.resourceDetails.id')) AS res,
       name AS key,
       json_extract_string(properties, '$.status.code') AS st,
       json_extract_string(properties, '$.status.cause') AS cause
FROM read_json(['${q(f0)}', '${q(f1)}'], format = 'newline_delimited', filename = true,
               columns = {type: 'VARCHAR', name: 'VARCHAR', properties: 'JSON'})
WHERE type = 'Microsoft.Security/assessments'`);
await c.run(`
CREATE TEMP TABLE a AS SELECT res, key, st, cause, split_part(res, '/', 3) AS sub FROM s WHERE NOT late;
CREATE TEMP TABLE b0 AS SELECT res, key, st, cause, split_part(res, '/', 3) AS sub FROM s WHERE late;
CREATE TEMP TABLE subs1 AS SELECT DISTINCT sub FROM b0;
-- the state at T1: the later snapshot, and what the earlier one said of the
-- subscriptions the later one no longer holds (they are out of scope)
CREATE TEMP TABLE b AS SELECT * FROM b0 UNION ALL SELECT * FROM a WHERE sub NOT IN (SELECT sub FROM subs1);
CREATE TEMP TABLE res0 AS SELECT DISTINCT res FROM a;
CREATE TEMP TABLE res1 AS SELECT DISTINCT res FROM b;
CREATE TEMP TABLE d AS
SELECT CASE
  WHEN a.st = 'Unhealthy' AND a.sub NOT IN (SELECT sub FROM subs1) THEN 'out_of_scope'
  WHEN a.st = 'Unhealthy' AND b.st = 'Healthy' THEN 'remediated'
  WHEN a.st = 'Unhealthy' AND b.st = 'NotApplicable' AND b.cause = 'Exempt' THEN 'exempted'
  WHEN a.st = 'Unhealthy' AND b.st = 'NotApplicable' THEN 'not_applicable'
  WHEN a.st = 'Unhealthy' AND b.st = 'Unhealthy' THEN 'still_open'
  WHEN a.st = 'Unhealthy' AND b.st IS NULL AND a.res IN (SELECT res FROM res1) THEN 'recommendation_removed'
  WHEN a.st = 'Unhealthy' AND b.st IS NULL THEN 'resource_deleted'
  WHEN b.st = 'Unhealthy' AND a.st = 'Healthy' THEN 'regressed'
  WHEN b.st = 'Unhealthy' AND a.st = 'NotApplicable' AND a.cause = 'Exempt' THEN 'exemption_ended'
  WHEN b.st = 'Unhealthy' AND a.st = 'NotApplicable' THEN 'became_applicable'
  WHEN b.st = 'Unhealthy' AND a.st IS NULL AND b.res IN (SELECT res FROM res0) THEN 'new_recommendation'
  WHEN b.st = 'Unhealthy' AND a.st IS NULL THEN 'new_resource'
  END AS class,
  coalesce(a.res, b.res) AS res, coalesce(a.key, b.key) AS key
FROM a FULL OUTER JOIN b ON a.res = b.res AND a.key = b.key`);
await c.run(`COPY (SELECT class, res, key FROM d WHERE class IS NOT NULL ORDER BY ALL)
             TO '${q(out)}' (HEADER false, DELIMITER ',', QUOTE '')`);
const r = await c.runAndReadAll('SELECT class, count(*) FROM d WHERE class IS NOT NULL GROUP BY ALL ORDER BY ALL');
console.log(r.getRows().map(([k, n]) => `${k} ${n}`).join(', '));
