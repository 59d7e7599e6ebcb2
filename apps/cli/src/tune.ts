// `inferos tune`: search KV policies for the least KV memory within a quality budget (and a decode speed
// target), measuring every candidate on this machine:
//   quality  perplexity through the candidate's compressed cache on a text, minus baseline's on the same
//            windows (libs/inference evaluate.perplexity: every policy scores the same tokens)
//   speed    decode tokens/s after a context, the candidates and baseline taking steps in turn (benchDecode)
//   memory   the KV bytes the candidate held on the scored windows, against FP16's (kv_reduction)
// The candidates: the shipped profiles, then a seeded sample of a grid over recent window, sink tokens,
// group size (those the model was exported with) and tier thresholds. A candidate is feasible when its
// delta PPL <= --max-delta-ppl and (with --target-tps) its decode tok/s >= the target; the chosen one is
// the feasible candidate with the most KV reduction (ties: the faster). The Pareto front is over (delta
// PPL, tok/s, KV reduction).
import { BASELINE_CACHE, benchDecode, mulberry32, perplexity, type Engine, type PolicyUnderTest } from '@inferos/inference';
import { cachePolicy, loadPolicy, PROFILES, type CachePolicy, type Policy } from '@inferos/kv';
import type { PartialPolicy, PartialPolicyDocument, PolicyDocument, PolicyPatch } from '@inferos/kv/policy-schema';
import { toYaml } from './policy-yaml';

export interface TuneOptions {
  maxDeltaPpl: number;
  targetTps?: number;
  /** Candidates beyond the shipped profiles, sampled from the grid. */
  candidates: number;
  seed: number;
  /** Tokens scored per candidate, in windows of `context`. */
  maxTokens: number;
  context: number;
  /** Decode speed: steps after a context of `decodeContext` tokens. */
  decodeContext: number;
  steps: number;
  onProgress?: (phase: string) => (done: number, total: number) => void;
}

export interface Candidate {
  label: string;
  cache: CachePolicy;
  /** Where it came from: a shipped profile, or the grid. */
  source: 'profile' | 'grid';
}

/** A group size the model was exported with: one the policy allows (32, 64 or 128). */
type GroupSize = Policy['kv']['group_size'];

export interface TuneRow {
  label: string;
  source: Candidate['source'];
  window: number;
  sinks: number;
  group: number;
  thresholds: CachePolicy['thresholds'];
  ppl: number;
  delta_ppl: number;
  decode_tps: number;
  kv_reduction: number;
  feasible: boolean;
  pareto: boolean;
}

export interface TuneReport {
  model: string;
  baseline: { ppl: number; decode_tps: number };
  budget: { max_delta_ppl: number; target_tps: number | null };
  rows: TuneRow[];
  /** The chosen candidate's label, or null when none is feasible. */
  chosen: string | null;
  method: string;
}

export const WINDOWS = [16, 32, 64, 128] as const;
export const SINKS = [4, 16] as const;
/** (L3_evict, L2_int4, L1_int8): shares of old blocks evicted, at INT4 or below, at INT8 or below. */
export const THRESHOLDS: readonly CachePolicy['thresholds'][] = [
  { evict: 0, int4: 0, int8: 1 },
  { evict: 0, int4: 0.5, int8: 1 },
  { evict: 0, int4: 1, int8: 1 },
  { evict: 0.1, int4: 1, int8: 1 },
  { evict: 0.2, int4: 1, int8: 1 },
  { evict: 0.4, int4: 1, int8: 1 },
];

function describe(c: CachePolicy): string {
  const t = c.thresholds;
  return `w${c.window} s${c.sinks} g${c.groupSize} e${t.evict}/i4 ${t.int4}/i8 ${t.int8}`;
}

/**
 * The shipped profiles (other than baseline) the model can run, then `n` distinct grid points sampled with
 * `seed` (none repeating a profile's settings).
 */
export function candidates(groups: readonly number[], n: number, seed: number): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  for (const name of PROFILES) {
    if (name === 'baseline') continue;
    const cache = cachePolicy(loadPolicy(name).policy);
    if (cache.fullPrecision || !groups.includes(cache.groupSize) || seen.has(describe(cache))) continue;
    seen.add(describe(cache));
    out.push({ label: name, cache, source: 'profile' });
  }
  const grid: CachePolicy[] = [];
  for (const window of WINDOWS) for (const sinks of SINKS) for (const groupSize of groups) for (const thresholds of THRESHOLDS) {
    grid.push({ fullPrecision: false, sinks, window, groupSize, thresholds });
  }
  const rand = mulberry32(seed);
  for (let i = grid.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [grid[i], grid[j]] = [grid[j]!, grid[i]!];
  }
  for (const cache of grid) {
    if (out.filter((c) => c.source === 'grid').length >= n) break;
    if (seen.has(describe(cache))) continue;
    seen.add(describe(cache));
    out.push({ label: describe(cache), cache, source: 'grid' });
  }
  return out;
}

/** Rows not dominated by another: lower delta PPL, higher tok/s and higher KV reduction, one strictly. */
export function paretoFront<T extends { delta_ppl: number; decode_tps: number; kv_reduction: number }>(rows: readonly T[]): Set<T> {
  const dominates = (a: T, b: T) =>
    a.delta_ppl <= b.delta_ppl && a.decode_tps >= b.decode_tps && a.kv_reduction >= b.kv_reduction &&
    (a.delta_ppl < b.delta_ppl || a.decode_tps > b.decode_tps || a.kv_reduction > b.kv_reduction);
  return new Set(rows.filter((r) => !rows.some((o) => o !== r && dominates(o, r))));
}

/** The feasible row with the most KV reduction (ties: the faster), or null. */
export function choose<T extends { feasible: boolean; decode_tps: number; kv_reduction: number }>(rows: readonly T[]): T | null {
  let best: T | null = null;
  for (const r of rows) {
    if (!r.feasible) continue;
    if (!best || r.kv_reduction > best.kv_reduction || (r.kv_reduction === best.kv_reduction && r.decode_tps > best.decode_tps)) best = r;
  }
  return best;
}

export async function tune(engine: Engine, text: readonly number[], o: TuneOptions): Promise<TuneReport> {
  if (!(o.maxDeltaPpl >= 0)) throw new RangeError(`--max-delta-ppl must be a number >= 0, got ${o.maxDeltaPpl}`);
  if (o.targetTps !== undefined && !(o.targetTps > 0)) throw new RangeError(`--target-tps must be a positive number, got ${o.targetTps}`);
  const groups = [...engine.info.graphs.keys()].sort((a, b) => a - b);
  const cands = candidates(groups, o.candidates, o.seed);
  const policies: PolicyUnderTest[] = [{ label: 'baseline', cache: BASELINE_CACHE }, ...cands.map((c) => ({ label: c.label, cache: c.cache }))];
  const quality = await perplexity(engine, text, policies, { context: o.context, chunk: 32, maxTokens: o.maxTokens, onProgress: o.onProgress?.('tune: perplexity') });
  const bos = engine.info.bosTokenId ?? 0;
  if (text.length < o.decodeContext) throw new RangeError(`the text has ${text.length} tokens; the decode measurement needs ${o.decodeContext}`);
  const ctx = [bos, ...text.slice(0, o.decodeContext - 1)];
  const speed = await benchDecode(engine, ctx, policies, o.steps, o.onProgress?.('tune: decode speed'));
  const base = { ppl: quality[0]!.ppl, decode_tps: speed[0]!.tokensPerS };
  const rows: TuneRow[] = cands.map((c, i) => {
    const q = quality[i + 1]!;
    const s = speed[i + 1]!;
    const delta = q.ppl - base.ppl;
    return {
      label: c.label, source: c.source, window: c.cache.window, sinks: c.cache.sinks, group: c.cache.groupSize, thresholds: c.cache.thresholds,
      ppl: q.ppl, delta_ppl: delta, decode_tps: s.tokensPerS, kv_reduction: q.kvReduction,
      feasible: delta <= o.maxDeltaPpl && (o.targetTps === undefined || s.tokensPerS >= o.targetTps),
      pareto: false,
    };
  });
  const front = paretoFront(rows);
  for (const r of rows) r.pareto = front.has(r);
  const chosen = choose(rows);
  return {
    model: engine.info.name,
    baseline: base,
    budget: { max_delta_ppl: o.maxDeltaPpl, target_tps: o.targetTps ?? null },
    rows,
    chosen: chosen?.label ?? null,
    method:
      `${cands.length} candidates (the shipped profiles the model can run, then ${o.candidates} sampled with seed ${o.seed} from windows ${WINDOWS.join('/')}, ` +
      `sinks ${SINKS.join('/')}, groups ${groups.join('/')} and ${THRESHOLDS.length} threshold sets) and baseline; ` +
      `quality: perplexity on ${quality[0]!.tokens} tokens in windows of ${o.context}, fed 32 tokens per step (later tokens see the compressed cache), delta against baseline on the same tokens; ` +
      `speed: ${o.steps} decode steps after ${o.decodeContext} tokens, every policy one step in turn (order reversed each step); ` +
      'memory: KV bytes held on the scored windows against an FP16 cache of the same tokens. ' +
      'Feasible: delta PPL within the budget (and tok/s at least the target); chosen: the feasible one with the most KV reduction.',
  };
}

/** The chosen candidate as a profile in the shape of policies/*.yaml, with how it was measured. */
export function profileYaml(r: TuneReport, row: TuneRow, command: string): string {
  const t = row.thresholds;
  const policy: PartialPolicy = {
    quality: { max_delta_ppl: r.budget.max_delta_ppl },
    kv: {
      mode: 'dynamic',
      recent_window: row.window,
      sink_tokens: row.sinks,
      group_size: row.group as GroupSize,
      level_thresholds: { L1_int8: t.int8, L2_int4: t.int4, L3_evict: t.evict },
    },
  };
  return [
    `# ${row.label}: chosen by \`${command}\` on ${r.model}.`,
    `# Measured: delta PPL ${row.delta_ppl.toFixed(3)} (baseline ${r.baseline.ppl.toFixed(3)}), decode ${row.decode_tps.toFixed(1)} tok/s`,
    `# (baseline ${r.baseline.decode_tps.toFixed(1)}), KV ${(row.kv_reduction * 100).toFixed(1)}% smaller than FP16.`,
    toYaml({ infer_os: policy }),
  ].join('\n');
}

/** The report as a table: every candidate, the front and the choice marked. */
export function tuneTable(r: TuneReport): string {
  const lines = [
    `${r.model}: baseline perplexity ${r.baseline.ppl.toFixed(3)}, decode ${r.baseline.decode_tps.toFixed(1)} tok/s; budget delta PPL <= ${r.budget.max_delta_ppl}` +
      (r.budget.target_tps === null ? '' : `, decode >= ${r.budget.target_tps} tok/s`),
    '',
    '| candidate | window | sinks | group | evict / int4 / int8 | delta PPL | decode tok/s | KV reduction | |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  const sorted = [...r.rows].sort((a, b) => b.kv_reduction - a.kv_reduction);
  for (const row of sorted) {
    const t = row.thresholds;
    const mark = [row.label === r.chosen ? 'chosen' : '', row.pareto ? 'front' : '', row.feasible ? '' : 'over budget'].filter(Boolean).join(', ');
    lines.push(`| ${row.label} | ${row.window} | ${row.sinks} | ${row.group} | ${t.evict} / ${t.int4} / ${t.int8} | ${row.delta_ppl.toFixed(3)} | ${row.decode_tps.toFixed(1)} | ${(row.kv_reduction * 100).toFixed(1)}% | ${mark} |`);
  }
  lines.push('', r.chosen === null ? 'No candidate is within the budget.' : `Chosen: ${r.chosen}.`);
  return lines.join('\n');
}

/** A self-contained HTML scatter plot: KV reduction against delta PPL, the front and the budget marked. */
export function tunePlot(r: TuneReport): string {
  const W = 640, H = 380, L = 60, B = 44, T = 30, R = 20;
  const xs = r.rows.map((row) => row.delta_ppl);
  const minX = Math.min(0, ...xs), maxX = Math.max(r.budget.max_delta_ppl, ...xs) * 1.05 || 1;
  const x = (v: number) => L + ((W - L - R) * (v - minX)) / (maxX - minX || 1);
  const y = (v: number) => H - B - (H - B - T) * v; // reduction in [0, 1]
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const dots = r.rows.map((row) => {
    const color = row.label === r.chosen ? '#d62728' : row.pareto ? '#1f77b4' : '#aaa';
    return `<circle cx="${x(row.delta_ppl).toFixed(1)}" cy="${y(row.kv_reduction).toFixed(1)}" r="${row.label === r.chosen ? 6 : 4}" fill="${color}"><title>${esc(row.label)}: delta PPL ${row.delta_ppl.toFixed(3)}, ${row.decode_tps.toFixed(1)} tok/s, KV -${(row.kv_reduction * 100).toFixed(1)}%</title></circle>`;
  }).join('\n');
  const budget = x(r.budget.max_delta_ppl);
  return `<!doctype html><meta charset="utf-8"><title>inferos tune: ${esc(r.model)}</title>
<h3 style="font-family:sans-serif">inferos tune on ${esc(r.model)}: KV reduction against delta PPL (blue: Pareto front, red: chosen; hover for tok/s)</h3>
<svg width="${W}" height="${H}" xmlns="http://www.w3.org/2000/svg" font-family="sans-serif">
<line x1="${L}" x2="${W - R}" y1="${H - B}" y2="${H - B}" stroke="#000"/><line x1="${L}" x2="${L}" y1="${T}" y2="${H - B}" stroke="#000"/>
<line x1="${budget}" x2="${budget}" y1="${T}" y2="${H - B}" stroke="#d62728" stroke-dasharray="4 3"/>
<text x="${budget + 4}" y="${T + 12}" font-size="11" fill="#d62728">budget ${r.budget.max_delta_ppl}</text>
${[0, 0.25, 0.5, 0.75, 1].map((f) => `<text x="${L - 6}" y="${y(f) + 4}" text-anchor="end" font-size="11">${(f * 100).toFixed(0)}%</text>`).join('')}
${[minX, (minX + maxX) / 2, maxX].map((v) => `<text x="${x(v)}" y="${H - B + 16}" text-anchor="middle" font-size="11">${v.toFixed(2)}</text>`).join('')}
<text x="${(L + W - R) / 2}" y="${H - 6}" text-anchor="middle" font-size="12">delta perplexity against baseline</text>
<text x="14" y="${(T + H - B) / 2}" transform="rotate(-90 14 ${(T + H - B) / 2})" text-anchor="middle" font-size="12">KV reduction vs FP16</text>
${dots}
</svg>
<pre style="font-size:11px">${esc(tuneTable(r))}</pre>
`;
}

// ---- --live: the chosen candidates tried on the running system, rolled back when they break the budget ----

/** What --live needs of a running system (the control API and served requests; a fake in tests). */
export interface LiveSystem {
  /** The policy in force now (the control API's `policy`), to restore. */
  current(): Promise<PolicyDocument>;
  /** Apply a policy document ({infer_os: {...}} or a patch of it) through the control API. */
  apply(doc: PolicyPatch): Promise<void>;
  /** Served under the policy in force: delta PPL against baseline on the same text, decode tok/s. */
  measure(): Promise<{ deltaPpl: number; tps: number | null }>;
}

export interface LiveAttempt {
  label: string;
  delta_ppl: number | null;
  decode_tps: number | null;
  kept: boolean;
  /** Why it was rolled back (absent when kept). */
  reason?: string;
}

/** The kv keys of a row as a policy patch. */
export function kvPatch(row: Pick<TuneRow, 'window' | 'sinks' | 'group' | 'thresholds'>): PartialPolicyDocument {
  return {
    infer_os: {
      kv: {
        mode: 'dynamic', recent_window: row.window, sink_tokens: row.sinks, group_size: row.group as GroupSize,
        level_thresholds: { L1_int8: row.thresholds.int8, L2_int4: row.thresholds.int4, L3_evict: row.thresholds.evict },
      },
    },
  };
}

/**
 * Try the feasible rows, most KV reduction first, on the running system: apply one, measure it as served;
 * when it breaks the budget (delta PPL above it, or decode below the target), restore the policy that was
 * in force before and try the next. The first that holds stays applied. None: the original policy is back.
 */
export async function tuneLive(sys: LiveSystem, rows: readonly TuneRow[], budget: { maxDeltaPpl: number; targetTps?: number },
  onProgress?: (done: number, total: number) => void): Promise<{ attempts: LiveAttempt[]; kept: string | null }> {
  const order = rows.filter((r) => r.feasible).sort((a, b) => b.kv_reduction - a.kv_reduction || b.decode_tps - a.decode_tps);
  const original = await sys.current();
  const attempts: LiveAttempt[] = [];
  for (const [i, row] of order.entries()) {
    try {
      await sys.apply(kvPatch(row));
      const m = await sys.measure();
      const over = m.deltaPpl > budget.maxDeltaPpl ? `delta PPL ${m.deltaPpl.toFixed(3)} > ${budget.maxDeltaPpl}` : undefined;
      const slow = budget.targetTps !== undefined && (m.tps === null || m.tps < budget.targetTps) ? `decode ${m.tps?.toFixed(1) ?? 'n/a'} tok/s < ${budget.targetTps}` : undefined;
      const reason = over ?? slow;
      attempts.push({ label: row.label, delta_ppl: m.deltaPpl, decode_tps: m.tps, kept: !reason, ...(reason ? { reason } : {}) });
      onProgress?.(i + 1, order.length);
      if (!reason) return { attempts, kept: row.label };
    } catch (err) {
      attempts.push({ label: row.label, delta_ppl: null, decode_tps: null, kept: false, reason: (err as Error).message });
    }
    await sys.apply(original); // roll back before the next one
  }
  return { attempts, kept: null };
}
