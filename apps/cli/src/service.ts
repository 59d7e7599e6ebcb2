// `inferos service`: Infer-OS as a system service. On Linux a systemd unit that runs `inferos up` (which
// supervises every service and stops them all when it stops); `print` shows the unit, `install` writes it
// and enables it when systemd runs, `uninstall` removes it, `status` asks systemd.
// Windows services are refused with the reason: the services need the shared-memory layer's Windows
// implementation (libs/shm/README.md), which is not built.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export interface UnitOptions {
  /** The unit's name (NAME.service). */
  name: string;
  /** The node binary and the CLI entry the unit runs. */
  node: string;
  cli: string;
  /** The repository (the unit's working directory: the bundled model and policies/ are found from it). */
  workdir: string;
  /** Arguments after `up` (port, host, model, policy, memory budget...). */
  upArgs: string[];
  /** A user unit (systemctl --user) instead of a system one. */
  user: boolean;
  /** System units: the account the service runs as (default: root). */
  runAs?: string;
}

export class ServiceError extends Error {
  override name = 'ServiceError';
}

const NAME = /^[a-zA-Z0-9_.@-]{1,64}$/;

/** systemd's quoting of one ExecStart word: double quotes when needed, with \, " and $ escaped. */
function quote(word: string): string {
  if (/^[A-Za-z0-9_./:=,@+-]+$/.test(word)) return word;
  return `"${word.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\$/g, '$$$$').replace(/%/g, '%%')}"`;
}

/** The systemd unit that runs `inferos up` with `upArgs`. */
export function systemdUnit(o: UnitOptions): string {
  if (!NAME.test(o.name)) throw new ServiceError(`--name must be 1-64 letters, digits or _.@-, got ${JSON.stringify(o.name)}`);
  if (o.upArgs.includes('--api-key')) {
    throw new ServiceError('--api-key would be written into the unit file, which others may read: put INFEROS_API_KEY=... in the environment file instead (see `inferos help service`)');
  }
  const exec = [o.node, o.cli, 'up', ...o.upArgs].map(quote).join(' ');
  return [
    '# Written by `inferos service install`; `inferos service uninstall` removes it.',
    '[Unit]',
    'Description=Infer-OS: LLM serving with a tiered, quantized KV cache (inferos up)',
    'After=network-online.target',
    'Wants=network-online.target',
    '',
    '[Service]',
    'Type=simple',
    `ExecStart=${exec}`,
    `WorkingDirectory=${quote(o.workdir)}`,
    // Secrets (INFEROS_API_KEY) and other settings live here, not in the unit; the file may be absent.
    `EnvironmentFile=-${o.user ? '%h/.config/inferos/env' : '/etc/default/inferos'}`,
    ...(o.user || !o.runAs ? [] : [`User=${o.runAs}`]),
    // `inferos up` stops every service it started on SIGTERM; anything left after 30 s is killed.
    'KillMode=mixed',
    'TimeoutStopSec=30',
    'Restart=on-failure',
    'RestartSec=5',
    'NoNewPrivileges=true',
    '',
    '[Install]',
    `WantedBy=${o.user ? 'default.target' : 'multi-user.target'}`,
    '',
  ].join('\n');
}

/** Where the unit goes. */
export function unitPath(name: string, user: boolean): string {
  return user ? join(homedir(), '.config', 'systemd', 'user', `${name}.service`) : join('/etc/systemd/system', `${name}.service`);
}

/** Whether systemd manages this machine (PID 1), so that systemctl can act. */
export function systemdRunning(): boolean {
  return existsSync('/run/systemd/system');
}

function systemctl(user: boolean, args: string[]): { ok: boolean; out: string } {
  const r = spawnSync('systemctl', [...(user ? ['--user'] : []), ...args], { encoding: 'utf8' });
  if (r.error) return { ok: false, out: r.error.message };
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}`.trim() };
}

export function checkPlatform(): void {
  if (process.platform === 'win32') {
    throw new ServiceError('Windows services are not available: the services need the Windows implementation of the shared-memory layer (libs/shm/README.md), which is not built');
  }
  if (process.platform !== 'linux') throw new ServiceError(`services are managed with systemd on Linux; this is ${process.platform}`);
}

/** Write the unit and, when systemd runs, reload, enable and start it. Returns what happened, line by line. */
export function install(o: UnitOptions, start: boolean): string[] {
  checkPlatform();
  const unit = systemdUnit(o);
  const path = unitPath(o.name, o.user);
  if (existsSync(path) && !readFileSync(path, 'utf8').startsWith('# Written by `inferos service install`')) {
    throw new ServiceError(`${path} exists and was not written by inferos: not replaced`);
  }
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, unit);
  } catch (err) {
    throw new ServiceError(`cannot write ${path}: ${(err as Error).message}${o.user ? '' : ' (a system unit needs root; or use --user)'}`);
  }
  const lines = [`wrote ${path}`];
  if (!systemdRunning()) {
    lines.push(`systemd is not running on this machine (no /run/systemd/system): the unit is written but not enabled; on a machine with systemd: systemctl${o.user ? ' --user' : ''} daemon-reload && systemctl${o.user ? ' --user' : ''} enable --now ${o.name}`);
    return lines;
  }
  for (const args of [['daemon-reload'], ['enable', ...(start ? ['--now'] : []), o.name]]) {
    const r = systemctl(o.user, args);
    if (!r.ok) throw new ServiceError(`systemctl ${args.join(' ')} failed: ${r.out}`);
    lines.push(`systemctl${o.user ? ' --user' : ''} ${args.join(' ')}: ok`);
  }
  return lines;
}

export function uninstall(name: string, user: boolean): string[] {
  checkPlatform();
  if (!NAME.test(name)) throw new ServiceError(`--name must be 1-64 letters, digits or _.@-, got ${JSON.stringify(name)}`);
  const path = unitPath(name, user);
  if (!existsSync(path)) throw new ServiceError(`${path} does not exist: nothing to uninstall`);
  if (!readFileSync(path, 'utf8').startsWith('# Written by `inferos service install`')) throw new ServiceError(`${path} was not written by inferos: not removed`);
  const lines: string[] = [];
  if (systemdRunning()) {
    const r = systemctl(user, ['disable', '--now', name]);
    if (!r.ok) throw new ServiceError(`systemctl disable --now ${name} failed: ${r.out}`);
    lines.push(`systemctl${user ? ' --user' : ''} disable --now ${name}: ok`);
  }
  rmSync(path);
  lines.push(`removed ${path}`);
  if (systemdRunning()) systemctl(user, ['daemon-reload']);
  return lines;
}

export function status(name: string, user: boolean): { code: number; text: string } {
  checkPlatform();
  const path = unitPath(name, user);
  if (!existsSync(path)) return { code: 3, text: `${name}: not installed (${path} does not exist)` };
  if (!systemdRunning()) return { code: 3, text: `${name}: installed at ${path}; systemd is not running on this machine, so it is not running as a service` };
  const r = systemctl(user, ['status', '--no-pager', name]);
  return { code: r.ok ? 0 : 3, text: r.out };
}
