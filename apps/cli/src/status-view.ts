// `inferos status`: the screen (a pure function of GET /v1/health and /v1/metrics) and the loop that
// redraws it.

import { callControl, stdio, unexpected, type ControlTarget, type Output } from './control';

// ---- the status frame ----

/** GET /v1/health, as far as the frame reads it. */
export interface HealthView {
  status?: string;
  policy_version?: number;
  baseline_mode?: boolean;
  controller?: { instance?: string; status?: string; policy_version?: number };
  services?: { service: string; instance?: string; status?: string; policy_version?: number; policy_error?: string | null; last_report_ms_ago?: number; restarts?: number }[];
}

interface LoopView {
  target_ms?: number;
  period_ms?: number;
  jitter_ms?: number;
  max_jitter_ms?: number;
}

/** GET /v1/metrics, as far as the frame reads it. */
export interface MetricsView {
  window_s?: number;
  tps?: number | null;
  ftl_ms?: number | null;
  p95_ms?: number | null;
  requests?: { finished?: number; failed?: number; running?: number; waiting?: number };
  mem?: {
    pss_bytes?: number | null;
    weights_bytes?: number | null;
    runtime_bytes?: number | null;
    memory_budget_bytes?: number | null;
    kv_budget_bytes?: number | null;
    kv_used_bytes?: number | null;
    kv_reserved_bytes?: number | null;
    kv_bytes_by_tier?: Record<string, number> | null;
    admission_paused?: boolean | null;
  };
  util?: Record<string, number | string | null | undefined>;
  quality?: { delta_ppl_est?: number | null; tokens?: number; samples?: number; measured_at?: string | null; guard_tripped_at?: string | null };
  loops?: Record<string, LoopView>;
  policy_version?: number;
  baseline_mode?: boolean;
}

export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let u = 0;
  while (Math.abs(v) >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${n} B` : `${v.toFixed(1)} ${units[u]}`;
}

const num = (v: number | null | undefined, digits = 1): string => (v === null || v === undefined || !Number.isFinite(v) ? 'n/a' : v.toFixed(digits));

function ago(iso: string, nowMs: number): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return iso;
  const s = Math.max(0, (nowMs - t) / 1000);
  return s < 120 ? `${s.toFixed(0)} s ago` : s < 7200 ? `${(s / 60).toFixed(0)} min ago` : `${(s / 3600).toFixed(1)} h ago`;
}

/** Tier bytes stacked over the budget: `#` f32, `=` f16, `+` int8, `-` int4, `.` free. */
export const TIER_MARKS: Record<string, string> = { f32: '#', f16: '=', int8: '+', int4: '-' };

export function kvBar(byTier: Record<string, number>, budget: number, width = 24): string {
  let cum = 0;
  let cells = 0;
  let bar = '';
  for (const [tier, mark] of Object.entries(TIER_MARKS)) {
    cum += byTier[tier] ?? 0;
    const end = budget > 0 ? Math.min(width, Math.round((cum / budget) * width)) : 0;
    bar += mark.repeat(Math.max(0, end - cells));
    cells = Math.max(cells, end);
  }
  return `[${bar}${'.'.repeat(width - cells)}]`;
}

const pad = (s: string, n: number) => s.padEnd(n);

/** One screen of `inferos status`, plain text (the caller adds the terminal codes). */
export function renderFrame(health: HealthView, metrics: MetricsView, opts: { url: string; nowMs: number }): string {
  const L: string[] = [];
  const label = (name: string) => pad(name, 10);
  const version = health.policy_version ?? metrics.policy_version;
  const baseline = health.baseline_mode ?? metrics.baseline_mode;
  const clock = new Date(opts.nowMs).toTimeString().slice(0, 8);
  L.push(`Infer-OS  ${opts.url}  status ${health.status ?? 'unknown'}  ${clock}`);
  L.push(`${label('policy')}version ${version ?? 'n/a'}, baseline mode ${baseline === undefined ? 'n/a' : baseline ? 'on' : 'off'}`);

  const rows: string[][] = [];
  if (health.controller) rows.push(['controller', health.controller.status ?? '?', `v${health.controller.policy_version ?? '?'}`, '']);
  for (const s of health.services ?? []) {
    const notes: string[] = [];
    if (s.status === 'ok' && version !== undefined && s.policy_version !== version) notes.push('behind');
    if (s.policy_error) notes.push(`policy error: ${s.policy_error}`);
    if (s.status !== 'ok' && s.last_report_ms_ago !== undefined) notes.push(`last report ${(s.last_report_ms_ago / 1000).toFixed(1)} s ago`);
    if (s.status === 'ok' && s.restarts) notes.push(`restarted ${s.restarts}x`);
    rows.push([s.service, s.status ?? '?', `v${s.policy_version ?? '?'}`, notes.join(', ')]);
  }
  if (rows.length === 0) L.push(`${label('services')}none reporting`);
  const w0 = Math.max(0, ...rows.map((r) => r[0]!.length));
  const w1 = Math.max(0, ...rows.map((r) => r[1]!.length));
  const w2 = Math.max(0, ...rows.map((r) => r[2]!.length));
  rows.forEach((r, i) => L.push(`${label(i === 0 ? 'services' : '')}${pad(r[0]!, w0)}  ${pad(r[1]!, w1)}  ${r[3] ? `${pad(r[2]!, w2)}  ${r[3]}` : r[2]}`.trimEnd()));

  L.push(`${label('traffic')}tps ${num(metrics.tps)}  ftl_ms ${num(metrics.ftl_ms)}  p95_ms ${num(metrics.p95_ms)}  (last ${metrics.window_s ?? '?'} s)`);
  const q = metrics.requests ?? {};
  L.push(`${label('requests')}running ${q.running ?? 'n/a'}  waiting ${q.waiting ?? 'n/a'}  finished ${q.finished ?? 'n/a'}  failed ${q.failed ?? 'n/a'}`);

  const mem = metrics.mem ?? {};
  const budget = mem.kv_budget_bytes;
  if (budget === null || budget === undefined) {
    L.push(`${label('kv')}n/a (no kv-store report)`);
  } else {
    const tiers = mem.kv_bytes_by_tier ?? {};
    const used = mem.kv_used_bytes ?? Object.values(tiers).reduce((a, b) => a + b, 0);
    const pct = budget > 0 ? ` (${((used / budget) * 100).toFixed(1)}%)` : '';
    const reserved = mem.kv_reserved_bytes === null || mem.kv_reserved_bytes === undefined ? '' : `  reserved ${formatBytes(mem.kv_reserved_bytes)}`;
    L.push(`${label('kv')}${kvBar(tiers, budget)} ${formatBytes(used)} of ${formatBytes(budget)}${pct}${reserved}`);
    L.push(`${label('')}${Object.keys(TIER_MARKS).map((t) => `${TIER_MARKS[t]} ${t} ${formatBytes(tiers[t] ?? 0)}`).join('  ')}`);
  }
  if (mem.pss_bytes !== null && mem.pss_bytes !== undefined) {
    const part = (x: number | null | undefined) => (x === null || x === undefined ? 'n/a' : formatBytes(x));
    const of = mem.memory_budget_bytes ? ` of ${formatBytes(mem.memory_budget_bytes)} (${((mem.pss_bytes / mem.memory_budget_bytes) * 100).toFixed(1)}%)` : '';
    L.push(`${label('memory')}${formatBytes(mem.pss_bytes)}${of}: weights ${part(mem.weights_bytes)}  KV ${part(mem.kv_used_bytes)}  runtime ${part(mem.runtime_bytes)}`);
  }
  const paused = mem.admission_paused;
  L.push(`${label('admission')}${paused === null || paused === undefined ? 'n/a (no kv-store report)' : paused ? 'PAUSED (memory pressure)' : 'open'}`);

  const u = metrics.util ?? {};
  const cpu = typeof u['cpu'] === 'number' ? `${(u['cpu'] * 100).toFixed(1)}%` : 'n/a';
  L.push(`${label('util')}cpu ${cpu}`);
  for (const dev of ['npu', 'igpu', 'gpu']) {
    const v = u[dev];
    const reason = u[`${dev}_reason`];
    L.push(`${label('')}${dev} ${typeof v === 'number' ? `${(v * 100).toFixed(1)}%` : `n/a${reason ? ` (${String(reason)})` : ''}`}`);
  }

  const qu = metrics.quality ?? {};
  const d = qu.delta_ppl_est;
  const scored = `${qu.tokens ?? 0} tokens of ${qu.samples ?? 0} sampled prompts`;
  const when = qu.measured_at ? `, measured ${ago(qu.measured_at, opts.nowMs)}` : '';
  L.push(`${label('quality')}${d === null || d === undefined ? `ΔPPL n/a (no estimate yet: ${scored}${when})` : `ΔPPL ${d >= 0 ? '+' : ''}${d.toFixed(4)} over ${scored}${when}`}`);
  if (qu.guard_tripped_at) L.push(`${label('')}quality guard tripped ${ago(qu.guard_tripped_at, opts.nowMs)}`);

  const loops = Object.entries(metrics.loops ?? {});
  if (loops.length === 0) L.push(`${label('loops')}none reporting`);
  const wl = Math.max(0, ...loops.map(([n]) => n.length));
  loops.forEach(([name, l], i) => {
    const measured = l.period_ms ? `period ${num(l.period_ms, 2)} ms  jitter ${num(l.jitter_ms, 2)} ms (max ${num(l.max_jitter_ms, 2)})` : 'not measured yet';
    L.push(`${label(i === 0 ? 'loops' : '')}${pad(name, wl)}  target ${l.target_ms ?? '?'} ms  ${measured}`);
  });
  return `${L.join('\n')}\n`;
}

// ---- inferos status ----

async function snapshot(t: ControlTarget): Promise<{ health: HealthView; metrics: MetricsView }> {
  const [h, m] = await Promise.all([callControl(t, 'GET', '/v1/health'), callControl(t, 'GET', '/v1/metrics')]);
  // 503 from /v1/health is an answer: the system is degraded, and the body says how.
  if (h.status !== 200 && h.status !== 503) throw unexpected('GET', '/v1/health', h);
  if (m.status !== 200) throw unexpected('GET', '/v1/metrics', m);
  return { health: h.body as HealthView, metrics: m.body as MetricsView };
}

const CLEAR = '\x1b[2J\x1b[H';
const HIDE_CURSOR = '\x1b[?25l';
const SHOW_CURSOR = '\x1b[?25h';

/**
 * `--once`: one plain frame. Otherwise redraw every interval until Ctrl-C (exit 0). An unreachable
 * controller at the start is an error; later, the last frame stays with the error under it while
 * we keep asking (a restarting controller comes back).
 */
export async function status(t: ControlTarget, opts: { intervalS: number; once: boolean }, io: Output = stdio): Promise<number> {
  const first = await snapshot(t);
  if (opts.once) {
    io.out(renderFrame(first.health, first.metrics, { url: t.url, nowMs: Date.now() }));
    return 0;
  }
  const fit = (frame: string) => {
    const cols = process.stdout.columns;
    return cols ? frame.split('\n').map((l) => (l.length > cols ? `${l.slice(0, cols - 1)}…` : l)).join('\n') : frame;
  };
  let last = renderFrame(first.health, first.metrics, { url: t.url, nowMs: Date.now() });
  io.out(HIDE_CURSOR + CLEAR + fit(last));
  return new Promise<number>((resolve) => {
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    const stop = () => {
      if (stopped) return;
      stopped = true;
      clearTimeout(timer);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      io.out(`${SHOW_CURSOR}\n`);
      resolve(0);
    };
    const tick = async () => {
      let frame: string;
      try {
        const s = await snapshot(t);
        last = renderFrame(s.health, s.metrics, { url: t.url, nowMs: Date.now() });
        frame = last;
      } catch (err) {
        frame = `${last}\n! ${(err as Error).message}; retrying every ${opts.intervalS} s\n`;
      }
      if (stopped) return;
      io.out(CLEAR + fit(frame));
      timer = setTimeout(() => void tick(), opts.intervalS * 1000);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    timer = setTimeout(() => void tick(), opts.intervalS * 1000);
  });
}
