import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NAME } from '@inferos/metrics';
import { buildDashboard, dashboardJson, promqlExpressions, DASHBOARD_PATH, DATASOURCE_UID } from './dashboards';

const HISTOGRAMS = [NAME.timeToFirstToken, NAME.interTokenLatency, NAME.e2eRequestLatency];
const KNOWN = new Set<string>([...Object.values(NAME), ...HISTOGRAMS.flatMap((h) => ['_bucket', '_sum', '_count'].map((s) => h + s))]);
const FUNCTIONS = new Set(['sum', 'max', 'min', 'avg', 'count', 'rate', 'irate', 'increase', 'changes', 'histogram_quantile', 'label_values']);
const KEYWORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'offset', 'bool', 'and', 'or', 'unless']);

/** The metric names an expression reads (identifiers that are neither functions, keywords nor labels). */
function metricNames(expr: string): string[] {
  const s = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""') // label values
    .replace(/\{[^}]*\}/g, '') // label matchers
    .replace(/\[[^\]]*\]/g, '') // ranges
    .replace(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, '') // grouping clauses
    .replace(/label_values\(\s*([\w:]+)\s*,\s*\w+\s*\)/g, 'label_values($1)');
  const names: string[] = [];
  for (const m of s.matchAll(/[A-Za-z_:][\w:]*/g)) {
    const next = s.slice(m.index! + m[0].length).trimStart()[0];
    if (KEYWORDS.has(m[0])) continue;
    if (next === '(') assert.ok(FUNCTIONS.has(m[0]), `${expr}: unexpected function ${m[0]}`);
    else names.push(m[0]);
  }
  return names;
}

test('the committed dashboard is what dashboards.ts generates', () => {
  let committed = '';
  try {
    committed = readFileSync(DASHBOARD_PATH, 'utf8');
  } catch {
    assert.fail(`${DASHBOARD_PATH} is missing: run node --import tsx apps/telemetry/src/dashboards.ts`);
  }
  assert.ok(committed === dashboardJson(), `${DASHBOARD_PATH} is stale: run node --import tsx apps/telemetry/src/dashboards.ts`);
});

test('every PromQL expression reads only metrics named in NAME, and every metric is on the dashboard', () => {
  const exprs = promqlExpressions(buildDashboard());
  assert.ok(exprs.length > 20);
  const used = new Set<string>();
  for (const e of exprs) {
    const names = metricNames(e);
    assert.ok(names.length > 0, `${e}: reads no metric`);
    for (const n of names) {
      assert.ok(KNOWN.has(n), `${e}: ${n} is not an Infer-OS metric (NAME in @inferos/metrics)`);
      used.add(n.replace(/_(bucket|sum|count)$/, ''));
    }
  }
  for (const n of Object.values(NAME)) assert.ok(used.has(n), `${n} has no panel`);
});

test('the name check catches a metric that does not exist', () => {
  assert.deepEqual(metricNames('sum by (tier) (rate(inferos_kv_cache_bytes{tier="int8"}[5m]))'), ['inferos_kv_cache_bytes']);
  assert.ok(!KNOWN.has(metricNames('max(vllm:num_requests_running{model_name=~"$model"})')[0]!));
});

test('every panel queries the provisioned Prometheus datasource', () => {
  const d = buildDashboard();
  for (const p of d.panels ?? []) {
    if (p.type === 'row') continue;
    const panel = p as { title?: string; datasource?: { uid?: string }; targets?: { datasource?: { uid?: string } }[] };
    assert.equal(panel.datasource?.uid, DATASOURCE_UID, panel.title);
    for (const t of panel.targets ?? []) assert.equal(t.datasource?.uid, DATASOURCE_UID, panel.title);
  }
});

test('every PromQL expression parses (promtool check rules)', () => {
  const exprs = promqlExpressions(buildDashboard()).filter((e) => !e.startsWith('label_values('));
  // Grafana's variables, replaced the way Grafana would before sending the query
  const rules = exprs.map((e, i) => `      - record: dashboard:expr_${i}\n        expr: ${JSON.stringify(e.replaceAll('$__rate_interval', '1m').replaceAll('$model', '.*'))}`);
  const dir = mkdtempSync(join(tmpdir(), 'inferos-rules-'));
  try {
    const file = join(dir, 'rules.yml');
    writeFileSync(file, `groups:\n  - name: dashboard\n    rules:\n${rules.join('\n')}\n`);
    const r = spawnSync('promtool', ['check', 'rules', file], { encoding: 'utf8' });
    if (r.error) assert.fail(`promtool is not installed (Debian: apt-get install prometheus): ${r.error.message}`);
    assert.equal(r.status, 0, `promtool check rules:\n${r.stdout}${r.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
