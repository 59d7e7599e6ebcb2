// A self-contained HTML page with one SVG line chart: what `bench peer --plot` and `bench serve --plot`
// write. The x values are placed as evenly spaced categories (contexts, concurrency levels), in order.

export interface Series {
  name: string;
  points: { x: number; y: number }[];
}

export function linePlot(o: { title: string; xLabel: string; yLabel: string; series: Series[]; data?: unknown }): string {
  const xs = [...new Set(o.series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
  const maxY = Math.max(1e-9, ...o.series.flatMap((s) => s.points.map((p) => p.y))) * 1.1;
  const W = 640, H = 360, L = 60, B = 40, T = 30, R = 220;
  const x = (v: number) => L + ((W - L - R) * (xs.length === 1 ? 0.5 : xs.indexOf(v) / (xs.length - 1)));
  const y = (v: number) => H - B - ((H - B - T) * v) / maxY;
  const colors = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const lines = o.series.map((s, i) => {
    const pts = [...s.points].sort((a, b) => a.x - b.x);
    const path = pts.map((p, j) => `${j ? 'L' : 'M'}${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`).join(' ');
    const color = colors[i % colors.length];
    return `<path d="${path}" fill="none" stroke="${color}" stroke-width="2"/>` +
      pts.map((p) => `<circle cx="${x(p.x).toFixed(1)}" cy="${y(p.y).toFixed(1)}" r="3" fill="${color}"><title>${esc(s.name)} @ ${p.x}: ${p.y}</title></circle>`).join('') +
      `<text x="${W - R + 10}" y="${T + 18 * i + 10}" fill="${color}" font-size="12">${esc(s.name)}</text>`;
  }).join('\n');
  const xTicks = xs.map((v) => `<text x="${x(v)}" y="${H - B + 18}" text-anchor="middle" font-size="11">${v}</text>`).join('');
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => `<text x="${L - 6}" y="${y(f * maxY) + 4}" text-anchor="end" font-size="11">${(f * maxY).toFixed(1)}</text><line x1="${L}" x2="${W - R}" y1="${y(f * maxY)}" y2="${y(f * maxY)}" stroke="#eee"/>`).join('');
  return `<!doctype html><meta charset="utf-8"><title>${esc(o.title)}</title>
<h3 style="font-family:sans-serif">${esc(o.title)}</h3>
<svg width="${W}" height="${H}" xmlns="http://www.w3.org/2000/svg" font-family="sans-serif">
${yTicks}${xTicks}
<line x1="${L}" x2="${W - R}" y1="${H - B}" y2="${H - B}" stroke="#000"/><line x1="${L}" x2="${L}" y1="${T}" y2="${H - B}" stroke="#000"/>
<text x="${(L + W - R) / 2}" y="${H - 5}" text-anchor="middle" font-size="12">${esc(o.xLabel)}</text>
<text x="14" y="${(T + H - B) / 2}" transform="rotate(-90 14 ${(T + H - B) / 2})" text-anchor="middle" font-size="12">${esc(o.yLabel)}</text>
${lines}
</svg>
${o.data === undefined ? '' : `<pre style="font-size:11px">${esc(JSON.stringify(o.data, null, 1))}</pre>`}
`;
}
