// `inferos status` and `inferos policy`: clients of the controller's control API (GET /v1/health,
// /v1/metrics, /v1/policy; POST /v1/policy, /v1/baseline). The parts worth testing without a controller
// (KEY=VALUE parsing here, the policy's YAML in policy-yaml.ts, the status frame in status-view.ts) are
// pure functions; the rest is HTTP.

import { DEFAULT_CONTROL_URL, type PolicyReply } from '@inferos/sdk';
import { renderPolicyYaml } from './policy-yaml';

export { DEFAULT_CONTROL_URL, type PolicyReply };

/** A bad command-line argument (the CLI turns it into a usage error, exit 2). */
export class ArgumentError extends Error {
  override name = 'ArgumentError';
}

/** The API answered, or did not, in a way the command cannot go on from (exit 1). */
export class ControlError extends Error {
  override name = 'ControlError';
}

export interface ControlTarget {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:7031. */
  url: string;
  apiKey?: string;
}

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export const stdio: Output = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

/**
 * --url / --api-key, else INFEROS_CONTROL_URL (or INFEROS_AGENT_URL, the integration guide's name) /
 * INFEROS_API_KEY, else the default address.
 */
export function controlTarget(url: string | undefined, apiKey: string | undefined, env: NodeJS.ProcessEnv = process.env): ControlTarget {
  const raw = url ?? env['INFEROS_CONTROL_URL'] ?? env['INFEROS_AGENT_URL'] ?? DEFAULT_CONTROL_URL;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ArgumentError(`--url must be an http(s) URL such as ${DEFAULT_CONTROL_URL}, got "${raw}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new ArgumentError(`--url must be an http(s) URL, got "${raw}"`);
  const key = apiKey ?? env['INFEROS_API_KEY'];
  return { url: raw.replace(/\/+$/, ''), ...(key ? { apiKey: key } : {}) };
}

// ---- KEY=VALUE -> one nested partial policy ----

const SEGMENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** JSON when it parses (numbers, booleans, quoted strings, objects), else the text itself. */
export function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * `kv.recent_window=64 io.host_pool_bytes=512MiB` -> `{infer_os: {kv: {recent_window: 64}, io: {...}}}`:
 * dotted paths under infer_os (a leading `infer_os.` is accepted), one object for one atomic update.
 * Throws ArgumentError naming the bad argument; the controller checks keys and values.
 */
export function parseAssignments(args: readonly string[]): { infer_os: Record<string, unknown> } {
  if (args.length === 0) throw new ArgumentError('expected at least one KEY=VALUE, e.g. kv.recent_window=64');
  const root: Record<string, unknown> = {};
  const seen = new Set<string>();
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq < 0) throw new ArgumentError(`expected KEY=VALUE, got "${arg}" (no "=")`);
    let key = arg.slice(0, eq).trim();
    const text = arg.slice(eq + 1);
    if (key.startsWith('infer_os.')) key = key.slice('infer_os.'.length);
    if (key === '') throw new ArgumentError(`expected KEY=VALUE, got "${arg}" (empty key)`);
    if (text.trim() === '') throw new ArgumentError(`expected KEY=VALUE, got "${arg}" (empty value)`);
    const path = key.split('.');
    const bad = path.find((p) => !SEGMENT.test(p) || p === '__proto__');
    if (bad !== undefined) throw new ArgumentError(`"${key}" is not a dotted policy key such as kv.recent_window (bad part "${bad}")`);
    if (seen.has(key)) throw new ArgumentError(`${key} is given twice`);
    let node = root;
    for (let i = 0; i < path.length - 1; i++) {
      const part = path[i]!;
      const next = Object.hasOwn(node, part) ? node[part] : undefined;
      if (next === undefined) {
        const child: Record<string, unknown> = {};
        node[part] = child;
        node = child;
      } else if (next !== null && typeof next === 'object' && !Array.isArray(next) && !seen.has(path.slice(0, i + 1).join('.'))) {
        node = next as Record<string, unknown>;
      } else {
        throw new ArgumentError(`${key} conflicts with ${path.slice(0, i + 1).join('.')}, given as a value`);
      }
    }
    const leaf = path[path.length - 1]!;
    if (Object.hasOwn(node, leaf)) throw new ArgumentError(`${key} conflicts with keys under it given separately`);
    node[leaf] = parseValue(text);
    seen.add(key);
  }
  return { infer_os: root };
}

// ---- HTTP ----

interface ApiErrorBody {
  error?: { message?: string; code?: string; path?: string };
}

export interface ApiReply {
  status: number;
  body: unknown;
}

const TIMEOUT_MS = 5000;

/** One call; a controller that does not answer at all is a ControlError that says what to do. */
export async function callControl(t: ControlTarget, method: 'GET' | 'POST', path: string, body?: unknown): Promise<ApiReply> {
  let res: Response;
  try {
    res = await fetch(`${t.url}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(t.apiKey ? { authorization: `Bearer ${t.apiKey}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const why = (err as Error).name === 'TimeoutError' ? `no answer within ${TIMEOUT_MS / 1000} s` : (cause?.code ?? cause?.message ?? (err as Error).message);
    throw new ControlError(`no controller answers at ${t.url}: is \`inferos up\` running? (${why})`);
  }
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: kept as text
  }
  if (res.status === 401) {
    throw new ControlError(`the control API at ${t.url} refused the request: ${apiMessage(parsed) ?? 'unauthorized'} (give --api-key KEY or set INFEROS_API_KEY)`);
  }
  return { status: res.status, body: parsed };
}

function apiMessage(body: unknown): string | undefined {
  return (body as ApiErrorBody | undefined)?.error?.message;
}

export function unexpected(method: string, path: string, r: ApiReply): ControlError {
  const detail = apiMessage(r.body) ?? (typeof r.body === 'string' ? r.body.slice(0, 200) : JSON.stringify(r.body).slice(0, 200));
  return new ControlError(`${method} ${path}: HTTP ${r.status}: ${detail}`);
}

export async function policyGet(t: ControlTarget, json: boolean, io: Output = stdio): Promise<number> {
  const r = await callControl(t, 'GET', '/v1/policy');
  if (r.status !== 200) throw unexpected('GET', '/v1/policy', r);
  io.out(json ? `${JSON.stringify(r.body, null, 2)}\n` : renderPolicyYaml(r.body as PolicyReply));
  return 0;
}

/** POST the patch once (atomic). 0 when applied, 2 when the controller refused it (its message names the key). */
export async function policySet(t: ControlTarget, patch: { infer_os: Record<string, unknown> }, io: Output = stdio): Promise<number> {
  const r = await callControl(t, 'POST', '/v1/policy', patch);
  if (r.status === 422 || r.status === 400) {
    const e = (r.body as ApiErrorBody).error;
    const message = e?.message ?? `HTTP ${r.status}`;
    const named = e?.path && !message.includes(e.path) ? ` (${e.path})` : '';
    io.err(`inferos: error: policy refused, nothing changed: ${message}${named}\n`);
    return 2;
  }
  if (r.status !== 200) throw unexpected('POST', '/v1/policy', r);
  const p = r.body as PolicyReply;
  io.out(`policy version ${p.version}${p.baseline_mode ? ' (baseline mode on: new sequences run at full precision)' : ''}\n`);
  return 0;
}

export async function policyBaseline(t: ControlTarget, enable: boolean, io: Output = stdio): Promise<number> {
  const r = await callControl(t, 'POST', '/v1/baseline', { enable });
  if (r.status !== 200) throw unexpected('POST', '/v1/baseline', r);
  const p = r.body as PolicyReply;
  io.out(`baseline mode ${p.baseline_mode ? 'on' : 'off'} (policy version ${p.version})\n`);
  return 0;
}
