// Starting a NATS server (with JetStream) of our own: `inferos up` does it when none answers on the
// configured URL, and integration tests start one per file on a free port.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, delimiter } from 'node:path';

/** The nats-server binary: $NATS_SERVER, else PATH, else Debian's /usr/sbin. */
export function findNatsServer(): string | undefined {
  const env = process.env['NATS_SERVER'];
  if (env) return existsSync(env) ? env : undefined;
  const dirs = [...(process.env['PATH'] ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin'];
  for (const d of dirs) {
    const p = join(d, 'nats-server');
    if (d && existsSync(p)) return p;
  }
  return undefined;
}

export interface NatsServerHandle {
  url: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

export interface NatsServerOptions {
  /** 0 (default): a free port. */
  port?: number;
  /** JetStream storage directory (default: a temporary one, removed at stop). */
  storeDir?: string;
  /** Extra server configuration lines (for example `max_payload: 1024`). */
  config?: string;
  /** Own process group: a terminal's Ctrl-C reaches only our process, which stops the server last. */
  detached?: boolean;
  /**
   * The server gets SIGTERM when this process dies, however it dies (Linux: util-linux's
   * `setpriv --pdeathsig`; where setpriv is missing the server outlives a killed parent).
   */
  dieWithParent?: boolean;
}

const SETPRIV = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => process.platform === 'linux' && existsSync(p));

export async function startNatsServer(opts: NatsServerOptions = {}): Promise<NatsServerHandle> {
  const bin = findNatsServer();
  if (!bin) throw new Error('nats-server is not installed (Debian: apt-get install nats-server; or set NATS_SERVER to its path)');
  const work = mkdtempSync(join(tmpdir(), 'inferos-nats-'));
  const store = opts.storeDir ?? join(work, 'js');
  const conf = join(work, 'nats.conf');
  writeFileSync(conf, `${opts.config ?? ''}\n`, { mode: 0o600 }); // it may hold the bus's passwords (its dir is 0700)
  const args = ['-c', conf, '-a', '127.0.0.1', '-p', String(opts.port && opts.port > 0 ? opts.port : -1), '-js', '-sd', store, '--ports_file_dir', work];
  const [cmd, argv] = opts.dieWithParent && SETPRIV ? [SETPRIV, ['--pdeathsig', 'TERM', bin, ...args]] : [bin, args];
  const child: ChildProcess = spawn(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'], detached: opts.detached ?? false });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  const deadline = Date.now() + 10_000;
  let port = 0;
  while (port === 0) {
    const file = readdirSync(work).find((f) => f.endsWith('.ports'));
    if (file) {
      try {
        const ports = JSON.parse(readFileSync(join(work, file), 'utf8')) as { nats?: string[] };
        port = Number(new URL(ports.nats?.[0] ?? 'nats://x:0').port);
      } catch {
        // the server is still writing the file: read it again next round
      }
    }
    if (child.exitCode !== null) throw new Error(`nats-server exited with ${child.exitCode}: ${stderr.trim()}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`nats-server did not start within 10 s: ${stderr.trim()}`);
    }
    if (port === 0) await new Promise((r) => setTimeout(r, 25));
  }
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(t);
      }
      rmSync(work, { recursive: true, force: true });
    },
  };
}
