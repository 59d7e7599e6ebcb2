// The shape every service's main.ts shares: parse flags, connect to NATS, start, log with the service's
// name, and stop cleanly on SIGTERM / SIGINT (the process exits 0 after its close() resolved), or when the
// process that started it over an IPC channel (`inferos up`) is gone, however it died: the operating system
// closes the channel, so a SIGKILLed `up` leaves no service behind.
import { parseArgs } from 'node:util';
import { connectBus, DEFAULT_NATS_URL, type NatsConnection } from '@inferos/proto';

export type FlagSpec = Record<string, { type: 'string' | 'boolean'; default?: string | boolean; help: string }>;

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
  const log = (line: string) => process.stderr.write(`[${name}] ${line}\n`);
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: process.argv.slice(2),
      options: Object.fromEntries(Object.entries(all).map(([k, v]) => [k, { type: v.type, ...(v.default !== undefined ? { default: v.default } : {}) }])),
      strict: true,
      allowPositionals: false,
    }).values as Record<string, string | boolean | undefined>;
  } catch (err) {
    log(`${(err as Error).message} (see --help)`);
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
    log(`cannot start: ${(err as Error).message}`);
    process.exit(1);
  }
  log(started.ready ?? 'ready');
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    try {
      await started.close();
      await nc.drain();
    } catch (err) {
      log(`while stopping: ${(err as Error).message}`);
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
