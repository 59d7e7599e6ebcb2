// `inferos bench soak`: a bounded load of mixed requests against a system this command starts (the whole
// system: gateway, workers, kv-store, controller with its quality probe, telemetry, NATS), for a given time.
// `concurrency` clients each send one request after another, of a kind drawn from MIX with a seeded
// generator: streamed and whole completions, streamed chat, streams the client cancels part way, prompts
// over the model's context, and malformed bodies. Every answer is classified:
//   ok           what a correct server answers (a cancelled stream counts once the client has cut it);
//   expected     the error the input asked for (400 context_length_exceeded, 400 invalid_request_error);
//   explained    503 saturated (the KV budget full: the documented answer under load);
//   unexplained  anything else, by kind and message: the soak's failures.
// Meanwhile the RSS and PSS of every process are sampled; a service that exits is an unexplained error
// (and is started again, as `inferos up` would). After the load: the kv-store must hold no sequence and
// no KV bytes, and once the system is stopped no shared-memory segment it made may be left.
import { readFileSync } from 'node:fs';
import { listSegments } from '@inferos/shm';
import { pb, Subjects, request, connectBus } from '@inferos/proto';
import { InferOSClient, InferOSError } from '@inferos/sdk';
import { loadModelInfo, defaultModelDir, contextTextPath, mulberry32, TextTokenizer } from '@inferos/inference';
import { startSystem, freePort, processPss, processRss, systemProcesses } from './system';
import { makePrompts } from './bench-serve';
import { linePlot } from './plot';

export const SOAK_KINDS = ['stream', 'chat-stream', 'complete', 'cancel', 'over-long', 'malformed'] as const;
export type SoakKind = (typeof SOAK_KINDS)[number];
/** Relative weights of the request kinds. */
const MIX: Record<SoakKind, number> = { 'stream': 35, 'chat-stream': 15, 'complete': 15, 'cancel': 15, 'over-long': 10, 'malformed': 10 };

export interface SoakOptions {
  minutes: number;
  concurrency: number;
  /** Memory is compared against the first sample taken after this many minutes. */
  warmupMinutes: number;
  sampleEverySeconds: number;
  seed: number;
  model?: string;
  /** KV budget (as `inferos up --kv-budget`); default: the policy's. */
  kvBudget?: string;
  progress?: (line: string) => void;
}

export interface KindCounts {
  sent: number;
  ok: number;
  expected: number;
  explained: number;
  unexplained: number;
  tokens: number;
}

export interface MemorySample {
  t_s: number;
  rss: Record<string, number>;
  pss: Record<string, number>;
}

export interface SoakReport {
  model: string;
  minutes: number;
  concurrency: number;
  seed: number;
  requests: number;
  kinds: Record<SoakKind, KindCounts>;
  /** Unexplained errors by "kind: status code: message" (or a service that exited), with how often each came. */
  unexplained: Record<string, number>;
  unexplained_errors: number;
  memory: MemorySample[];
  /** Summed RSS at the first sample after warm-up, at the end, the largest after warm-up, and growth (end / warm-up - 1). */
  rss: { after_warmup_bytes: number; end_bytes: number; max_after_warmup_bytes: number; growth: number; growth_by_process: Record<string, number> };
  /** What the kv-store held once the load had drained. */
  kv_after: { sequences: number; used_bytes: number; reserved_bytes: number };
  /** Shared-memory segments the system made and left after it was stopped. */
  leaked_segments: string[];
}

/** The bodies a malformed request sends, in turn: each must be refused with 400 and change nothing. */
const MALFORMED: { path: string; body: (model: string) => string }[] = [
  { path: '/v1/completions', body: () => '{"model": "x", "prompt": ' },
  { path: '/v1/completions', body: (m) => JSON.stringify({ model: m, prompt: 'hello', max_tokens: -5 }) },
  { path: '/v1/completions', body: (m) => JSON.stringify({ model: m, prompt: 'hello', max_tokens: 4, kv_policy: 'no-such-policy' }) },
  { path: '/v1/chat/completions', body: (m) => JSON.stringify({ model: m, messages: 'hello' }) },
  { path: '/v1/completions', body: (m) => JSON.stringify({ model: m, prompt: 'hello', temperature: 'hot' }) },
];

export async function runSoak(o: SoakOptions): Promise<SoakReport> {
  const say = o.progress ?? (() => {});
  const info = loadModelInfo(o.model ?? defaultModelDir());
  const textFile = contextTextPath(info);
  if (!textFile) throw new RangeError(`${info.dir} ships no heldout.txt and there is no bundled model to take prompts from`);
  const tokenizer = TextTokenizer.load(info.tokenizerPath);
  const text = readFileSync(textFile, 'utf8');
  const prompts = [16, 64, 192].flatMap((n) => makePrompts(tokenizer, text, Math.min(n, info.maxPosition >> 2), 16));
  // Over the context by a few tokens whatever the text's length (repeated when shorter than the context).
  const ids = tokenizer.encode(text, false);
  const longIds = Array.from({ length: info.maxPosition - 4 }, (_, i) => ids[i % ids.length]!);
  const overLong = tokenizer.decode(longIds);

  const sys = await startSystem({
    model: o.model, budget: o.kvBudget, port: await freePort(), natsUrl: `nats://127.0.0.1:${await freePort()}`,
    controlPort: await freePort(), telemetryPort: await freePort(), logs: process.env['INFEROS_TRACE'] ? 'inherit' : 'ignore', say,
  });
  const kinds = Object.fromEntries(SOAK_KINDS.map((k) => [k, { sent: 0, ok: 0, expected: 0, explained: 0, unexplained: 0, tokens: 0 }])) as Record<SoakKind, KindCounts>;
  const unexplained: Record<string, number> = {};
  const fail = (kind: SoakKind, what: string) => {
    kinds[kind].unexplained++;
    unexplained[`${kind}: ${what}`] = (unexplained[`${kind}: ${what}`] ?? 0) + 1;
  };
  let serviceFailures = 0;
  // Every process the system ran (restarted services included): the segments it names are the system's.
  const pids = new Set<number>();
  const memory: MemorySample[] = [];
  let kvAfter: SoakReport['kv_after'];
  try {
    const client = new InferOSClient({ gatewayUrl: sys.url, timeoutMs: 120_000 });
    const model = info.name;
    const one = async (kind: SoakKind, r: () => number): Promise<void> => {
      const c = kinds[kind];
      c.sent++;
      const prompt = prompts[Math.floor(r() * prompts.length)]!;
      const maxTokens = 8 + Math.floor(r() * 88);
      const sampling = r() < 0.5 ? { temperature: 0 } : { temperature: 0.8, seed: Math.floor(r() * 1e6) };
      const policy = r() < 0.5 ? {} : { kv_policy: r() < 0.5 ? 'baseline' : 'default' };
      try {
        switch (kind) {
          case 'stream':
          case 'chat-stream':
          case 'cancel': {
            const abort = new AbortController();
            const cutAfter = kind === 'cancel' ? 1 + Math.floor(r() * 6) : Infinity;
            const chunks = kind === 'chat-stream'
              ? client.chatStream({ model, messages: [{ role: 'user', content: prompt }], max_tokens: maxTokens, ...sampling, ...policy }, abort.signal)
              : client.completionStream({ model, prompt, max_tokens: maxTokens, ...sampling, ...policy }, abort.signal);
            let pieces = 0;
            let finish: string | null = null;
            let usage: { completion_tokens: number } | null | undefined;
            try {
              for await (const ch of chunks) {
                if (ch.usage) usage = ch.usage;
                const choice = ch.choices[0];
                if (choice?.finish_reason) finish = choice.finish_reason;
                if (choice?.text || choice?.delta?.content) pieces++;
                if (pieces >= cutAfter) {
                  abort.abort();
                  break;
                }
              }
            } catch (err) {
              if (!abort.signal.aborted) throw err;
            }
            if (kind === 'cancel') {
              c.ok++;
              return;
            }
            if (!finish || !usage) return fail(kind, `the stream ended without ${finish ? 'usage' : 'a finish reason'}`);
            if (usage.completion_tokens < 1 || usage.completion_tokens > maxTokens) return fail(kind, `usage says ${usage.completion_tokens} tokens for max_tokens ${maxTokens}`);
            c.tokens += usage.completion_tokens;
            c.ok++;
            return;
          }
          case 'complete': {
            const res = await client.completion({ model, prompt, max_tokens: maxTokens, ...sampling, ...policy });
            if (!res.choices[0]?.finish_reason) return fail(kind, 'no finish reason');
            c.tokens += res.usage.completion_tokens;
            c.ok++;
            return;
          }
          case 'over-long': {
            await client.completion({ model, prompt: overLong, max_tokens: 64 });
            return fail(kind, `a prompt over the context (${info.maxPosition} tokens) was served`);
          }
          case 'malformed': {
            const m = MALFORMED[c.sent % MALFORMED.length]!;
            const res = await fetch(`${sys.url}${m.path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: m.body(model), signal: AbortSignal.timeout(30_000) });
            const body = (await res.json().catch(() => undefined)) as { error?: { type?: string; message?: string } } | undefined;
            if (res.status === 400 && body?.error?.type === 'invalid_request_error' && body.error.message) c.expected++;
            else fail(kind, `${res.status} ${JSON.stringify(body).slice(0, 160)} for ${m.body(model).slice(0, 60)}`);
            return;
          }
        }
      } catch (err) {
        if (err instanceof InferOSError) {
          if (kind === 'over-long' && err.status === 400 && err.code === 'context_length_exceeded') return void c.expected++;
          if (err.status === 503 && err.code === 'saturated') return void c.explained++;
          return fail(kind, `${err.status} ${err.code}: ${err.message.slice(0, 160)}`);
        }
        return fail(kind, `${(err as Error).name}: ${(err as Error).message.slice(0, 160)}`);
      }
    };

    const pick = (r: () => number): SoakKind => {
      const total = SOAK_KINDS.reduce((s, k) => s + MIX[k], 0);
      let x = r() * total;
      for (const k of SOAK_KINDS) if ((x -= MIX[k]) < 0) return k;
      return 'stream';
    };
    const t0 = performance.now();
    const end = t0 + o.minutes * 60_000;
    const sample = () => {
      for (const s of sys.services) {
        if (s.child.exitCode !== null || s.child.signalCode !== null) {
          const what = `service ${s.name} exited (${s.child.signalCode ?? `code ${s.child.exitCode}`}); started again`;
          unexplained[what] = (unexplained[what] ?? 0) + 1;
          serviceFailures++;
          sys.restart(s);
        }
      }
      const rss: Record<string, number> = {};
      const pss: Record<string, number> = {};
      for (const [name, pid] of systemProcesses(sys, { self: false })) {
        pids.add(pid);
        rss[name] = processRss(pid) ?? 0;
        pss[name] = processPss(pid) ?? 0;
      }
      memory.push({ t_s: Math.round((performance.now() - t0) / 100) / 10, rss, pss });
      const done = SOAK_KINDS.reduce((s, k) => s + kinds[k].sent, 0);
      const bad = serviceFailures + SOAK_KINDS.reduce((s, k) => s + kinds[k].unexplained, 0);
      const elapsed = Math.min(1, (performance.now() - t0) / (end - t0));
      say(`soak ${bar(elapsed)} ${clock(performance.now() - t0)} / ${clock(end - t0)}: ${done} requests, ${bad} unexplained errors, RSS ${(sum(rss) / 2 ** 30).toFixed(2)} GiB`);
    };
    sample();
    const sampler = setInterval(sample, o.sampleEverySeconds * 1000);
    try {
      await Promise.all(Array.from({ length: o.concurrency }, async (_, i) => {
        const r = mulberry32(o.seed + i * 7919);
        while (performance.now() < end) await one(pick(r), r);
      }));
    } finally {
      clearInterval(sampler);
    }
    // Cancelled streams free their sequences as the gateway notices the client gone: give it a moment.
    const nc = await connectBus(sys.natsUrl, 'inferos-bench-soak', sys.natsAuth);
    try {
      let s = await request(nc, Subjects.kvStats, pb.HealthRequest, {}, pb.KvStats);
      for (let i = 0; i < 50 && (s.sequences > 0 || s.usedBytes > 0); i++) {
        await new Promise((res) => setTimeout(res, 100));
        s = await request(nc, Subjects.kvStats, pb.HealthRequest, {}, pb.KvStats);
      }
      kvAfter = { sequences: s.sequences, used_bytes: s.usedBytes, reserved_bytes: s.reservedBytes };
    } finally {
      await nc.close();
    }
    sample();
  } finally {
    await sys.stop();
  }
  // Segment names carry their creator's pid (inferos-kv-PID-..., inferos-stage-PID-...); other systems' are not ours.
  const leaked = listSegments('inferos').filter((n) => pids.has(Number(/^inferos-[a-z]+-(\d+)-/.exec(n)?.[1])));
  const warm = memory.find((m) => m.t_s >= o.warmupMinutes * 60) ?? memory[0]!;
  const last = memory.at(-1)!;
  const after = memory.filter((m) => m.t_s >= warm.t_s);
  const growthBy: Record<string, number> = {};
  for (const name of Object.keys(last.rss)) if (warm.rss[name]) growthBy[name] = round(last.rss[name]! / warm.rss[name]! - 1);
  const requests = SOAK_KINDS.reduce((s, k) => s + kinds[k].sent, 0);
  return {
    model: info.name, minutes: o.minutes, concurrency: o.concurrency, seed: o.seed, requests, kinds, unexplained,
    unexplained_errors: serviceFailures + SOAK_KINDS.reduce((s, k) => s + kinds[k].unexplained, 0),
    memory,
    rss: {
      after_warmup_bytes: sum(warm.rss), end_bytes: sum(last.rss), max_after_warmup_bytes: Math.max(...after.map((m) => sum(m.rss))),
      growth: round(sum(last.rss) / sum(warm.rss) - 1), growth_by_process: growthBy,
    },
    kv_after: kvAfter!,
    leaked_segments: leaked,
  };
}

const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
const round = (x: number) => Math.round(x * 1e4) / 1e4;
const clock = (ms: number) => `${Math.floor(ms / 60_000)}:${String(Math.floor((ms % 60_000) / 1000)).padStart(2, '0')}`;
const bar = (f: number) => `[${'#'.repeat(Math.round(f * 20)).padEnd(20, '.')}]`;

/** The human summary `bench soak` prints. */
export function formatSoak(r: SoakReport): string {
  const lines = [`soak of ${r.model}: ${r.minutes} min, ${r.concurrency} concurrent clients, seed ${r.seed}: ${r.requests} requests`];
  lines.push('kind          sent      ok  expected  explained  unexplained  tokens');
  for (const k of SOAK_KINDS) {
    const c = r.kinds[k];
    lines.push(`${k.padEnd(12)} ${String(c.sent).padStart(5)} ${String(c.ok).padStart(7)} ${String(c.expected).padStart(9)} ${String(c.explained).padStart(10)} ${String(c.unexplained).padStart(12)} ${String(c.tokens).padStart(7)}`);
  }
  for (const [what, n] of Object.entries(r.unexplained)) lines.push(`  unexplained x${n}: ${what}`);
  const gib = (b: number) => `${(b / 2 ** 30).toFixed(3)} GiB`;
  lines.push(`RSS of the system: ${gib(r.rss.after_warmup_bytes)} after warm-up, ${gib(r.rss.end_bytes)} at the end (${(r.rss.growth * 100).toFixed(1)}%), at most ${gib(r.rss.max_after_warmup_bytes)}`);
  lines.push(`  by process: ${Object.entries(r.rss.growth_by_process).map(([n, g]) => `${n} ${(g * 100).toFixed(1)}%`).join(', ')}`);
  lines.push(`after the load: ${r.kv_after.sequences} sequences, ${r.kv_after.used_bytes} KV bytes held, ${r.kv_after.reserved_bytes} reserved; ${r.leaked_segments.length} shared-memory segments left after stop${r.leaked_segments.length ? `: ${r.leaked_segments.join(', ')}` : ''}`);
  return lines.join('\n');
}

/** RSS of every process over the soak, as `--plot` writes it. */
export function soakPlot(r: SoakReport): string {
  const names = Object.keys(r.memory.at(-1)?.rss ?? {});
  return linePlot({
    title: `inferos bench soak: RSS per process (${r.minutes} min, ${r.concurrency} clients)`,
    xLabel: 'seconds', yLabel: 'MiB',
    series: names.map((n) => ({ name: n, points: r.memory.map((m) => ({ x: m.t_s, y: Math.round((m.rss[n] ?? 0) / 2 ** 20) })) })),
    data: r,
  });
}
