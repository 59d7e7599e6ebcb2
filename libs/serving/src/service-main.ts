// The shape every service's main.ts shares: parse flags, connect to NATS, start, log with the service's
// name, and stop cleanly on SIGTERM / SIGINT (the process exits 0 after its close() resolved), or when the
// process that started it over an IPC channel (`inferos up`) is gone, however it died: the operating system
// closes the channel, so a SIGKILLed `up` leaves no service behind.
// With INFEROS_HEALTH_FILE set (the compose file sets it), a started service writes the time into that file
// every HEALTH_FILE_MS and removes it when it stops: a container's healthcheck (deploy/healthcheck.mjs)
// reads its age, so a service that hangs (its event loop blocked) turns unhealthy as one that died does.
import { parseArgs } from 'node:util';
import { rmSync, writeFileSync } from 'node:fs';
import { connectBus, DEFAULT_NATS_URL, type NatsConnection } from '@inferos/proto';

export type FlagSpec = Record<string, { type: 'string' | 'boolean'; default?: string | boolean; help: string }>;

export class EnvError extends Error {
  override name = 'EnvError';
}

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * INFEROS_LOG_LEVEL (the integration guide's name): a service's log lines are `info`; `warn` or `error`
 * silences them, leaving the lines of a failed start or stop; `debug` adds per-step traces (as
 * INFEROS_TRACE does). Default info.
 */
export function logLevel(env: NodeJS.ProcessEnv = process.env): LogLevel {
  const raw = env['INFEROS_LOG_LEVEL'];
  if (raw === undefined || raw === '') return 'info';
  const v = raw.trim().toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(v)) throw new EnvError(`INFEROS_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(raw)}`);
  return v as LogLevel;
}

/**
 * INFEROS_ENABLED (the integration guide's switch): 0, false, no or off starts the controller in baseline
 * mode, every new sequence at full precision, as POST /v1/baseline does. Default on.
 */
export function inferosEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const raw = env['INFEROS_ENABLED'];
  if (raw === undefined || raw === '') return true;
  const v = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  throw new EnvError(`INFEROS_ENABLED must be 1/true/yes/on or 0/false/no/off, got ${JSON.stringify(raw)}`);
}

export interface Started {
  close(): Promise<void>;
  /** Printed once the service is up. */
  ready?: string;
}

export async function runService(
  name: string,
  summary: string,
  flags: FlagSpec,
  start: (values: Record<string, string | boolean | undefined>, nc: NatsConnection, log: (line: string) => void) => Promise<Started>,
): Promise<void> {
  const all: FlagSpec = {
    nats: { type: 'string', default: process.env['INFEROS_NATS_URL'] ?? DEFAULT_NATS_URL, help: 'NATS server URL (env INFEROS_NATS_URL)' },
    help: { type: 'boolean', help: 'show this help' },
    ...flags,
  };
  const fail = (line: string) => process.stderr.write(`[${name}] ${line}\n`);
  let level: LogLevel;
  try {
    level = logLevel();
    inferosEnabled(); // a bad value is refused here, by every service, before anything starts
  } catch (err) {
    fail((err as Error).message);
    process.exit(2);
  }
  if (level === 'debug') process.env['INFEROS_TRACE'] ??= '1';
  const log = level === 'info' || level === 'debug' ? fail : () => {};
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: process.argv.slice(2),
      options: Object.fromEntries(Object.entries(all).map(([k, v]) => [k, { type: v.type, ...(v.default !== undefined ? { default: v.default } : {}) }])),
      strict: true,
      allowPositionals: false,
    }).values as Record<string, string | boolean | undefined>;
  } catch (err) {
    fail(`${(err as Error).message} (see --help)`);
    process.exit(2);
  }
  if (values['help']) {
    const lines = Object.entries(all).map(([k, v]) => `  --${k}${v.type === 'string' ? ' VALUE' : ''}\n      ${v.help}${v.default !== undefined ? ` (default: ${String(v.default)})` : ''}`);
    process.stdout.write(`${name}: ${summary}\n\nOptions:\n${lines.join('\n')}\n`);
    process.exit(0);
  }
  let nc: NatsConnection;
  let started: Started;
  try {
    nc = await connectBus(String(values['nats']), name);
    started = await start(values, nc, log);
  } catch (err) {
    fail(`cannot start: ${(err as Error).message}`);
    process.exit(1);
  }
  log(started.ready ?? 'ready');
  const stopHealthFile = healthFile(process.env['INFEROS_HEALTH_FILE'], fail);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    stopHealthFile();
    try {
      await started.close();
      await nc.drain();
    } catch (err) {
      fail(`while stopping: ${(err as Error).message}`);
      process.exit(1);
    }
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGHUP', () => void stop('SIGHUP'));
  if (process.channel) {
    process.channel.unref(); // the channel alone does not keep the service running
    process.on('disconnect', () => void stop('the process that started this service is gone'));
  }
}

export const HEALTH_FILE_MS = 2000;

/** Writes the time into `path` now and every HEALTH_FILE_MS (nothing when path is unset); returns a stop function that removes it. */
export function healthFile(path: string | undefined, fail: (line: string) => void): () => void {
  if (!path) return () => {};
  const write = () => {
    try {
      writeFileSync(path, `${Date.now()}\n`);
    } catch (err) {
      fail(`cannot write the health file ${path}: ${(err as Error).message}`);
    }
  };
  write();
  const timer = setInterval(write, HEALTH_FILE_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
    rmSync(path, { force: true });
  };
}
