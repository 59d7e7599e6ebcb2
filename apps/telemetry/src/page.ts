// The live page: one self-contained HTML document (no CDN, no external script: the machines are offline)
// that polls /api/series every second and draws the charts as inline SVG.
export function livePage(modelName: string): string {
  const title = `Infer-OS telemetry: ${modelName}`.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
  :root { --fg: #1d232b; --muted: #6b7480; --grid: #e3e6ea; --bg: #f7f8fa; --card: #fff; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px/1.4 system-ui, sans-serif; color: var(--fg); background: var(--bg); }
  header { padding: 12px 20px; background: #222a33; color: #fff; display: flex; gap: 16px; align-items: baseline; flex-wrap: wrap; }
  header h1 { font-size: 18px; margin: 0; }
  #status { color: #b8c2cc; font-size: 12px; }
  #status.error { color: #ff9b8f; }
  main { padding: 16px 20px; display: grid; gap: 16px; grid-template-columns: repeat(auto-fit, minmax(460px, 1fr)); }
  .stats { grid-column: 1 / -1; display: flex; gap: 12px; flex-wrap: wrap; }
  .stat { background: var(--card); border-radius: 6px; padding: 8px 14px; min-width: 130px; box-shadow: 0 1px 2px #0001; }
  .stat .label { color: var(--muted); font-size: 12px; }
  .stat .value { font-size: 22px; font-variant-numeric: tabular-nums; }
  section { background: var(--card); border-radius: 6px; padding: 10px 12px; box-shadow: 0 1px 2px #0001; }
  section h2 { font-size: 14px; margin: 0 0 4px; font-weight: 600; }
  svg { width: 100%; height: 180px; display: block; }
  svg text { font-size: 10px; fill: var(--muted); }
  .legend { display: flex; gap: 12px; font-size: 12px; color: var(--muted); }
  .legend i { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 4px; vertical-align: -1px; }
  table { width: 100%; border-collapse: collapse; font-size: 12px; }
  th, td { text-align: left; padding: 3px 6px; border-bottom: 1px solid var(--grid); }
  .wide { grid-column: 1 / -1; }
</style>
</head>
<body>
<header><h1>${title}</h1><span id="status">connecting…</span></header>
<main>
  <div class="stats">
    <div class="stat"><div class="label">Generation (tokens/s)</div><div class="value" id="value-tps">–</div></div>
    <div class="stat"><div class="label">Time to first token</div><div class="value" id="value-ttft">–</div></div>
    <div class="stat"><div class="label">KV cache held</div><div class="value" id="value-kv">–</div></div>
    <div class="stat"><div class="label">KV against an exact cache</div><div class="value" id="value-kv-exact">–</div></div>
    <div class="stat"><div class="label">ΔPPL estimate</div><div class="value" id="value-dppl">–</div></div>
    <div class="stat"><div class="label">Policy version</div><div class="value" id="value-policy">–</div></div>
    <div class="stat"><div class="label">Mode</div><div class="value" id="value-baseline">–</div></div>
  </div>
  <section><h2>Generation throughput (tokens/s)</h2><svg id="chart-tps" viewBox="0 0 600 180" preserveAspectRatio="none"></svg></section>
  <section><h2>Time to first token (mean of the last 5 s)</h2><svg id="chart-ttft" viewBox="0 0 600 180" preserveAspectRatio="none"></svg></section>
  <section><h2>KV cache bytes by tier</h2><div class="legend" id="legend-kv"></div><svg id="chart-kv" viewBox="0 0 600 180" preserveAspectRatio="none"></svg></section>
  <section><h2>ΔPPL estimate</h2><svg id="chart-dppl" viewBox="0 0 600 180" preserveAspectRatio="none"></svg></section>
  <section class="wide"><h2>Policy version (markers: policy changes)</h2><svg id="chart-policy" viewBox="0 0 1200 140" preserveAspectRatio="none" style="height:140px"></svg></section>
  <section class="wide"><h2>Against baseline (requests finished in the last <span id="kpi-window">–</span>, by the KV policy they named)</h2>
    <table><thead><tr><th>policy</th><th>requests</th><th>failed</th><th>decode tokens/s per stream</th><th>mean time to first token</th><th>mean request latency</th></tr></thead><tbody id="kpi-table"><tr><td colspan="6">no request finished yet</td></tr></tbody></table>
  </section>
  <section class="wide"><h2>Policy changes</h2>
    <table><thead><tr><th>time</th><th>version</th><th>baseline</th><th>reason</th></tr></thead><tbody id="policy-table"><tr><td colspan="4">none recorded</td></tr></tbody></table>
  </section>
</main>
<script>
"use strict";
const NS = 'http://www.w3.org/2000/svg';
const TIERS = [['f32', '#8c564b'], ['f16', '#1f77b4'], ['int8', '#ff7f0e'], ['int4', '#2ca02c']];
const PAD = { l: 58, r: 8, t: 8, b: 18 };

function el(name, attrs, parent) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (parent) parent.appendChild(e);
  return e;
}
function bytes(v) {
  const u = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  while (Math.abs(v) >= 1024 && i < u.length - 1) { v /= 1024; i++; }
  return (i === 0 ? v.toFixed(0) : v.toFixed(1)) + ' ' + u[i];
}
function seconds(v) { return Math.abs(v) < 1 ? (v * 1000).toFixed(1) + ' ms' : v.toFixed(2) + ' s'; }
function plain(v) { return Math.abs(v) >= 100 || Number.isInteger(v) ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2); }
function clock(ms) { return new Date(ms).toLocaleTimeString([], { hour12: false }); }
function last(values) { for (let i = values.length - 1; i >= 0; i--) if (values[i] !== null) return values[i]; return null; }
function show(id, v, fmt) {
  const e = document.getElementById(id);
  e.textContent = v === null ? '–' : fmt(v);
  if (v === null) e.removeAttribute('data-value'); else e.setAttribute('data-value', String(v));
}

// One chart: lines (broken where a value is null), y from 0 (or the minimum, if negative) to the maximum,
// x over the points' time range, vertical markers at the policy changes inside it.
function chart(id, t, lines, fmt, events, opts) {
  const svg = document.getElementById(id);
  const [W, H] = svg.getAttribute('viewBox').split(' ').slice(2).map(Number);
  svg.replaceChildren();
  const t1 = t.length ? t[t.length - 1] : Date.now();
  const t0 = Math.min(t.length ? t[0] : t1, t1 - 60000);
  let lo = 0, hi = 0;
  for (const l of lines) for (const v of l.values) if (v !== null) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  if (opts && opts.step) hi = Math.max(hi, 1);
  if (hi === lo) hi = lo + 1;
  // round ticks: 1, 2, 2.5 or 5 times a power of ten (of 1024 for bytes)
  const base = opts && opts.binary ? Math.pow(1024, Math.max(0, Math.floor(Math.log(hi - lo) / Math.log(1024)))) : 1;
  const raw = (hi - lo) / base / 4;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const f = raw / mag;
  const step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * mag * base;
  lo = Math.floor(lo / step) * step;
  hi = Math.max(lo + step, Math.ceil(hi / step) * step);
  const x = (ms) => PAD.l + ((ms - t0) / (t1 - t0)) * (W - PAD.l - PAD.r);
  const y = (v) => H - PAD.b - ((v - lo) / (hi - lo)) * (H - PAD.t - PAD.b);
  for (let v = lo; v <= hi + step / 2; v += step) {
    el('line', { x1: PAD.l, x2: W - PAD.r, y1: y(v), y2: y(v), stroke: '#e3e6ea' }, svg);
    el('text', { x: PAD.l - 4, y: y(v) + 3, 'text-anchor': 'end' }, svg).textContent = fmt(v);
  }
  el('text', { x: PAD.l, y: H - 4 }, svg).textContent = clock(t0);
  el('text', { x: W - PAD.r, y: H - 4, 'text-anchor': 'end' }, svg).textContent = clock(t1);
  for (const ev of events) {
    if (ev.timeMs < t0 || ev.timeMs > t1) continue;
    el('line', { x1: x(ev.timeMs), x2: x(ev.timeMs), y1: PAD.t, y2: H - PAD.b, stroke: '#9467bd', 'stroke-dasharray': '4 3', class: 'policy-marker' }, svg);
    if (ev.version !== null) el('text', { x: x(ev.timeMs) + 3, y: PAD.t + 9, style: 'fill:#9467bd' }, svg).textContent = 'v' + ev.version;
  }
  for (const l of lines) {
    let pts = [];
    const flush = () => {
      if (pts.length) el('polyline', { points: pts.join(' '), fill: 'none', stroke: l.color, 'stroke-width': 1.6, 'data-series': l.name, 'vector-effect': 'non-scaling-stroke' }, svg);
      pts = [];
    };
    for (let i = 0; i < t.length; i++) {
      const v = l.values[i];
      if (v === null || v === undefined) { flush(); continue; }
      if (opts && opts.step && pts.length) pts.push(x(t[i]).toFixed(1) + ',' + y(l.values[i - 1]).toFixed(1));
      pts.push(x(t[i]).toFixed(1) + ',' + y(v).toFixed(1));
    }
    flush();
  }
}

function table(events) {
  const body = document.getElementById('policy-table');
  body.replaceChildren();
  const rows = events.slice(-20).reverse();
  if (!rows.length) {
    const tr = body.insertRow(); const td = tr.insertCell(); td.colSpan = 4; td.textContent = 'none recorded';
    return;
  }
  for (const ev of rows) {
    const tr = body.insertRow();
    for (const v of [new Date(ev.timeMs).toLocaleString([], { hour12: false }), ev.version ?? '–', ev.baselineMode === null ? '–' : ev.baselineMode ? 'yes' : 'no', ev.reason]) {
      tr.insertCell().textContent = String(v);
    }
  }
}

// Each policy's figures, with its change against baseline's over the same window where baseline requests
// finished in it ("×0.85": 0.85 times baseline's figure).
function kpiTable(k) {
  document.getElementById('kpi-window').textContent = (k.windowS / 60).toFixed(0) + ' min';
  const body = document.getElementById('kpi-table');
  body.replaceChildren();
  if (!k.policies.length) {
    const tr = body.insertRow(); const td = tr.insertCell(); td.colSpan = 6; td.textContent = 'no request finished yet';
    return;
  }
  const cell = (tr, v, fmt, ratio, key) => {
    const td = tr.insertCell();
    td.textContent = v === null ? '–' : fmt(v) + (ratio === null || ratio === undefined ? '' : ' (×' + ratio.toFixed(2) + ')');
    if (ratio !== null && ratio !== undefined) td.setAttribute('data-vs-baseline', String(ratio));
    td.setAttribute('data-kpi', key);
  };
  for (const p of k.policies) {
    const tr = body.insertRow();
    tr.setAttribute('data-policy', p.policy);
    tr.insertCell().textContent = p.policy;
    tr.insertCell().textContent = String(p.requests);
    tr.insertCell().textContent = String(p.failed);
    const vs = p.vsBaseline || {};
    cell(tr, p.decodeTpsPerStream, plain, vs.decodeTpsPerStream, 'decode');
    cell(tr, p.ttftMeanS, seconds, vs.ttftMeanS, 'ttft');
    cell(tr, p.e2eMeanS, seconds, vs.e2eMeanS, 'e2e');
  }
}

function render(d) {
  const s = d.series;
  const kvTotal = s.t.map((_, i) => TIERS.reduce((a, [tier]) => (s.kvBytes[tier][i] === null ? a : (a ?? 0) + s.kvBytes[tier][i]), null));
  show('value-tps', last(s.tps), plain);
  show('value-ttft', last(s.ttftS), seconds);
  show('value-kv', last(kvTotal), bytes);
  show('value-dppl', last(s.deltaPpl), (v) => v.toFixed(3));
  show('value-policy', last(s.policyVersion), (v) => 'v' + v);
  show('value-baseline', last(s.baselineMode), (v) => (v ? 'baseline' : 'policy'));
  const ev = d.policyChanges;
  chart('chart-tps', s.t, [{ name: 'tps', color: '#1f77b4', values: s.tps }], plain, ev);
  chart('chart-ttft', s.t, [{ name: 'ttft', color: '#d62728', values: s.ttftS }], seconds, ev);
  chart('chart-kv', s.t, TIERS.map(([tier, color]) => ({ name: tier, color, values: s.kvBytes[tier] })), bytes, ev, { binary: true });
  chart('chart-dppl', s.t, [{ name: 'dppl', color: '#9467bd', values: s.deltaPpl }], (v) => v.toFixed(2), ev);
  chart('chart-policy', s.t, [{ name: 'policy', color: '#17becf', values: s.policyVersion }], (v) => v.toFixed(0), ev, { step: true });
  table(ev);
  show('value-kv-exact', d.kpis.kv ? d.kpis.kv.ratio : null, (v) => (v <= 1 ? '−' + ((1 - v) * 100).toFixed(1) : '+' + ((v - 1) * 100).toFixed(1)) + '%');
  kpiTable(d.kpis);
}

const legend = document.getElementById('legend-kv');
for (const [tier, color] of TIERS) {
  const span = document.createElement('span');
  const i = document.createElement('i');
  i.style.background = color;
  span.append(i, tier);
  legend.append(span);
}

async function poll() {
  const status = document.getElementById('status');
  try {
    const r = await fetch('api/series', { cache: 'no-store' });
    if (!r.ok) throw new Error('HTTP ' + r.status);
    const d = await r.json();
    render(d);
    status.textContent = 'updated ' + clock(d.nowMs) + ' · ' + d.series.t.length + ' points';
    status.className = '';
    document.body.setAttribute('data-updated', String(d.nowMs));
  } catch (err) {
    status.textContent = 'cannot reach telemetry: ' + err.message;
    status.className = 'error';
  }
}
poll();
setInterval(poll, 1000);
</script>
</body>
</html>
`;
}
