// End to end: the telemetry service as its own process (apps/telemetry/src/main.ts) on a private NATS
// server, fed real encoded reports for a few seconds, and its live page opened in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { freePort } from '@inferos/cli';
import { pb, connectBus, publish, startNatsServer, Subjects, type NatsConnection, type NatsServerHandle } from '@inferos/proto';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env['CHROMIUM'] ?? '/usr/bin/chromium';

let nats: NatsServerHandle;
let nc: NatsConnection;
let telemetry: ChildProcess;
let url: string;
let logs = '';

before(async () => {
  nats = await startNatsServer();
  nc = await connectBus(nats.url, 'e2e-telemetry');
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  telemetry = spawn(process.execPath, ['--import', 'tsx', join(root, 'apps', 'telemetry', 'src', 'main.ts'), '--nats', nats.url, '--port', String(port), '--snapshot-ms', '1000'], {
    cwd: root, stdio: ['ignore', 'inherit', 'pipe'],
  });
  telemetry.stderr!.on('data', (d: Buffer) => {
    logs += d.toString();
    if (process.env['INFEROS_E2E_LOGS']) process.stderr.write(d);
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (telemetry.exitCode !== null) assert.fail(`telemetry exited with ${telemetry.exitCode}:\n${logs}`);
    try {
      if ((await fetch(`${url}/metrics`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) assert.fail(`telemetry did not come up within 30 s:\n${logs}`);
    await new Promise((r) => setTimeout(r, 100));
  }
});

after(async () => {
  if (telemetry && telemetry.exitCode === null) {
    const exited = new Promise((r) => telemetry.once('exit', r));
    telemetry.kill('SIGTERM');
    await exited;
  }
  await nc?.drain();
  await nats?.stop();
});

test('the live page draws the published figures', async () => {
  assert.ok(existsSync(CHROMIUM), `Chromium is not installed at ${CHROMIUM} (Debian: apt-get install chromium)`);
  // What the services would report: the KV tiers filling, the controller moving from policy 3 to 4.
  let step = 0;
  let version = 3;
  const kv = (s: number) => ({ f16: 65536, int8: 4096 * s, int4: 1024 * s });
  const send = () => {
    step++;
    const b = kv(step);
    publish(nc, Subjects.report('kv-store'), pb.ServiceReport, {
      service: 'kv-store', instance: 'kv-e2e', model: 'inferos-tiny', timeMs: Date.now(), hasKv: true, kvBudgetBytes: 1 << 24,
      kvUsedBytes: b.f16 + b.int8 + b.int4, kvBytesF16: b.f16, kvBytesInt8: b.int8, kvBytesInt4: b.int4, kvBytesExact: 4 * (b.f16 + b.int8 + b.int4), cpuCores: 0.1, rssBytes: 1e8,
    });
    publish(nc, Subjects.report('controller'), pb.ServiceReport, {
      service: 'controller', instance: 'ctl-e2e', model: 'inferos-tiny', timeMs: Date.now(), hasControl: true, policyVersion: version, deltaPplEstimate: 0.25, deltaPplTokens: 1023,
    });
    publish(nc, Subjects.requestMetrics, pb.RequestMetrics, { model: 'inferos-tiny', ok: true, promptTokens: 8, completionTokens: 16, ttftS: 0.125, e2eS: 0.5 });
    // requests that named their policy: `default` decodes its 15 tokens in 0.25 s, baseline in 0.375 s (x1.50)
    for (const [policy, e2eS] of [['baseline', 0.5], ['default', 0.375]] as const) {
      publish(nc, Subjects.requestMetrics, pb.RequestMetrics, { model: 'inferos-tiny', policy, ok: true, promptTokens: 8, completionTokens: 16, ttftS: 0.125, e2eS });
    }
  };
  send();
  const timer = setInterval(send, 250);
  let browser: Browser | undefined;
  try {
    await new Promise((r) => setTimeout(r, 2000));
    version = 4;
    // as the controller records it; the history stream (made by telemetry at start) stores what is published on its subjects
    nc.publish(Subjects.historyPolicy, JSON.stringify({ version: 4, reason: 'e2e: memory pressure', baselineMode: false, issuedAtMs: Date.now() }));
    await nc.flush();
    await new Promise((r) => setTimeout(r, 2000));

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage', '--disable-component-update', '--no-first-run'],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 1100 } });
    const external: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(url)) external.push(r.url());
    });
    await page.goto(`${url}/`);
    // (page-side expressions as strings: this project's TypeScript has no DOM types). Polled from here with
    // page.evaluate: Playwright's waitForFunction re-evaluates a string predicate with eval inside the
    // page, which the page's Content-Security-Policy (no 'unsafe-eval') refuses whenever the first check
    // is not already true, so it failed on a slow run.
    const waitFor = async (expr: string, timeoutMs = 15_000) => {
      const until = Date.now() + timeoutMs;
      while (!(await page.evaluate(expr))) {
        if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${expr}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    await waitFor(`document.querySelector('#value-policy')?.getAttribute('data-value') === '4'`);
    await waitFor(`Number(document.body.getAttribute('data-updated')) > 0`);

    // every chart has a line with points
    const points = async (selector: string) => {
      const all = await page.locator(selector).evaluateAll((els) => els.map((e) => e.getAttribute('points') ?? ''));
      return all.flatMap((p) => p.trim().split(/\s+/).filter(Boolean));
    };
    for (const sel of ['#chart-tps polyline', '#chart-ttft polyline', '#chart-kv polyline[data-series="int8"]', '#chart-kv polyline[data-series="f16"]', '#chart-dppl polyline', '#chart-policy polyline']) {
      const pts = await points(sel);
      assert.ok(pts.length >= 2, `${sel}: ${pts.length} points`);
      for (const p of pts) assert.match(p, /^-?\d+(\.\d+)?,-?\d+(\.\d+)?$/, `${sel}: point ${p}`);
    }

    // the latest values shown are the ones published (the kv-store's last report may be one step newer
    // than the page's last point, so the KV total is one of the last few steps)
    const shown = async (id: string) => ({
      value: await page.locator(id).getAttribute('data-value'),
      text: (await page.locator(id).textContent())?.trim() ?? '',
    });
    assert.deepEqual(await shown('#value-policy'), { value: '4', text: 'v4' });
    assert.deepEqual(await shown('#value-dppl'), { value: '0.25', text: '0.250' });
    assert.deepEqual(await shown('#value-ttft'), { value: '0.125', text: '125.0 ms' });
    assert.deepEqual(await shown('#value-baseline'), { value: '0', text: 'policy' });
    const total = Number((await shown('#value-kv')).value);
    const recent = Array.from({ length: 8 }, (_, i) => step - i).map((s) => kv(s).f16 + kv(s).int8 + kv(s).int4);
    assert.ok(recent.includes(total), `KV total ${total} is one of the last published ${recent.join(', ')}`);
    assert.match((await shown('#value-kv')).text, /^\d+(\.\d)? (KiB|MiB)$/);
    const tps = Number((await shown('#value-tps')).value);
    assert.ok(tps > 0, `tokens per second shown: ${tps}`);

    // each policy against baseline, and the KV cache against an exact one (a quarter of it: -75.0%)
    await waitFor(`document.querySelector('#kpi-table tr[data-policy="default"] td[data-kpi="decode"]')?.getAttribute('data-vs-baseline') === '1.5'`);
    assert.match((await page.locator('#kpi-table tr[data-policy="default"] td[data-kpi="decode"]').textContent()) ?? '', /^60 \(×1\.50\)$/);
    assert.equal(await page.locator('#kpi-table tr[data-policy="baseline"] td[data-vs-baseline]').count(), 0, 'baseline is not compared with itself');
    assert.deepEqual(await shown('#value-kv-exact'), { value: '0.25', text: '−75.0%' });

    // the policy change: a marker on the charts and a row in the table
    assert.ok((await page.locator('#chart-policy line.policy-marker').count()) >= 1, 'policy change marker');
    assert.match((await page.locator('#policy-table').textContent()) ?? '', /e2e: memory pressure/);
    assert.deepEqual(external, [], 'the page loads nothing from elsewhere');
    if (process.env['INFEROS_E2E_SCREENSHOT']) await page.screenshot({ path: process.env['INFEROS_E2E_SCREENSHOT'], fullPage: true });
  } finally {
    clearInterval(timer);
    await browser?.close();
  }
});

test('a real Prometheus server scrapes the telemetry service', async () => {
  // Debian's prometheus package (promtool's package) ships the server too.
  const work = mkdtempSync(join(tmpdir(), 'inferos-prom-'));
  const port = await freePort();
  writeFileSync(join(work, 'prometheus.yml'), [
    'global:', '  scrape_interval: 1s',
    'scrape_configs:', '  - job_name: inferos', '    static_configs:', `      - targets: ['${new URL(url).host}']`, '',
  ].join('\n'));
  const prom = spawn('prometheus', [`--config.file=${join(work, 'prometheus.yml')}`, `--storage.tsdb.path=${join(work, 'data')}`, `--web.listen-address=127.0.0.1:${port}`], { stdio: 'ignore' });
  const spawnError = new Promise<Error>((resolve) => prom.once('error', resolve));
  const send = () => publish(nc, Subjects.report('kv-store'), pb.ServiceReport, {
    service: 'kv-store', instance: 'kv-prom', model: 'inferos-tiny', timeMs: Date.now(), hasKv: true, kvBudgetBytes: 1 << 24,
    kvUsedBytes: 3 << 20, kvBytesF16: 1 << 20, kvBytesInt4: 2 << 20,
  });
  send();
  const timer = setInterval(send, 250);
  try {
    const query = async (q: string) => {
      const r = await fetch(`http://127.0.0.1:${port}/api/v1/query?query=${encodeURIComponent(q)}`);
      return ((await r.json()) as { data: { result: { metric: Record<string, string>; value: [number, string] }[] } }).data.result;
    };
    const deadline = Date.now() + 30_000;
    let result: Awaited<ReturnType<typeof query>> = [];
    for (;;) {
      const failed = await Promise.race([spawnError, new Promise<undefined>((r) => setTimeout(() => r(undefined), 250))]);
      assert.equal(failed, undefined, 'prometheus is installed (Debian package prometheus)');
      try {
        result = await query('inferos_kv_cache_bytes{tier="int4"}');
        if (result.length > 0) break;
      } catch {
        // not up yet
      }
      assert.ok(Date.now() < deadline, 'Prometheus scraped the INT4 bytes within 30 s');
    }
    assert.equal(Number(result[0]!.value[1]), 2 << 20);
    assert.equal(result[0]!.metric['model_name'], 'inferos-tiny');
    const up = await query('up{job="inferos"}');
    assert.equal(up[0]?.value[1], '1', 'the target is up');
  } finally {
    clearInterval(timer);
    prom.kill('SIGTERM');
    await new Promise((r) => (prom.exitCode !== null || prom.signalCode !== null ? r(undefined) : prom.once('exit', r)));
    rmSync(work, { recursive: true, force: true });
  }
});
