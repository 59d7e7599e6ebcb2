// `inferos service`: Infer-OS as a system service that runs `inferos up` (which supervises every service
// and stops them all when it stops). `print` shows the definition, `install` writes it and registers it,
// `uninstall` removes it, `status` asks the service manager.
//   Linux    a systemd unit (system or --user); enabled when systemd runs
//   Windows  a WinSW service: WinSW 1.17's executable (the copy node-windows ships, bin/winsw/) beside its
//            XML definition in %ProgramData%\inferos\NAME\, registered with `NAME.exe install`. Written and
//            checked here (the XML is parsed in the tests), never run: no Windows machine was at hand.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, win32 } from 'node:path';

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

const MARK = 'Written by `inferos service install`; `inferos service uninstall` removes it.';

/** Refusals shared by both service managers. */
function checkOptions(o: UnitOptions): void {
  if (!NAME.test(o.name)) throw new ServiceError(`--name must be 1-64 letters, digits or _.@-, got ${JSON.stringify(o.name)}`);
  if (o.upArgs.some((a) => a === '--api-key' || a.startsWith('--api-key='))) {
    throw new ServiceError('--api-key would be written into the service definition, which others may read: put INFEROS_API_KEY=... in the environment file instead (see `inferos help service`)');
  }
}

/** systemd's quoting of one ExecStart word: double quotes when needed, with \, " and $ escaped. */
function quote(word: string): string {
  if (/^[A-Za-z0-9_./:=,@+-]+$/.test(word)) return word;
  return `"${word.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\$/g, '$$$$').replace(/%/g, '%%')}"`;
}

/** The systemd unit that runs `inferos up` with `upArgs`. */
export function systemdUnit(o: UnitOptions): string {
  checkOptions(o);
  const exec = [o.node, o.cli, 'up', ...o.upArgs].map(quote).join(' ');
  return [
    `# ${MARK}`,
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

/**
 * One argument of a Windows command line, quoted so that the C runtime's parsing (CommandLineToArgvW, which
 * node.exe uses) gives it back: quotes around it when it holds a space, tab or quote or is empty; a quote
 * escaped with a backslash; backslashes doubled only where they precede a quote (or the closing quote).
 */
export function windowsArg(word: string): string {
  if (word !== '' && !/[ \t"]/.test(word)) return word;
  let out = '"';
  let slashes = 0;
  for (const c of word) {
    if (c === '\\') {
      slashes++;
      continue;
    }
    out += '\\'.repeat(c === '"' ? 2 * slashes + 1 : slashes) + c;
    slashes = 0;
  }
  return `${out}${'\\'.repeat(2 * slashes)}"`;
}

function xmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The WinSW (1.17, the version node-windows ships) definition that runs `inferos up` with `upArgs` as a
 * Windows service: started at boot, restarted 5 s after a failure; on stop WinSW sends Ctrl+C, which `inferos
 * up` takes as SIGINT and stops every service, and kills what is left after 30 s.
 */
export function winswXml(o: UnitOptions): string {
  checkOptions(o);
  if (o.user) throw new ServiceError('--user: Windows has no per-user services; install a system service (from an Administrator shell)');
  if (o.runAs) throw new ServiceError('--run-as: on Windows the service runs as LocalSystem; choose another account in services.msc (it needs a password, which this command does not take)');
  // WinSW expands %VAR% in <arguments> after they are quoted: a value that expands to spaces would split,
  // and a literal % would be rewritten.
  const pct = [o.node, o.cli, o.workdir, ...o.upArgs].find((a) => a.includes('%'));
  if (pct !== undefined) throw new ServiceError(`WinSW expands %VARIABLES% in a service's command line: write ${JSON.stringify(pct)} without %`);
  const args = [o.cli, 'up', ...o.upArgs].map(windowsArg).join(' ');
  const el = (tag: string, text: string) => `  <${tag}>${xmlText(text)}</${tag}>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<!-- ${MARK} -->`,
    '<service>',
    el('id', o.name),
    el('name', `Infer-OS (${o.name})`),
    el('description', 'Infer-OS: LLM serving with a tiered, quantized KV cache (inferos up)'),
    el('executable', o.node),
    el('arguments', args),
    el('workingdirectory', o.workdir),
    el('startmode', 'Automatic'),
    '  <onfailure action="restart" delay="5 sec"/>',
    el('resetfailure', '1 hour'),
    el('stoptimeout', '30 sec'),
    el('stopparentprocessfirst', 'true'),
    el('logpath', '%BASE%\\logs'),
    '  <log mode="roll-by-size">',
    '    <sizeThreshold>10240</sizeThreshold>',
    '    <keepFiles>8</keepFiles>',
    '  </log>',
    '</service>',
    '',
  ].join('\r\n');
}

/** Where a Windows service's files go: %ProgramData%\inferos\NAME\ (NAME.exe, NAME.xml, logs\). */
export function windowsServiceDir(name: string, programData = process.env['ProgramData'] ?? 'C:\\ProgramData'): string {
  return win32.join(programData, 'inferos', name);
}

/** WinSW's executable, from the node-windows package (its .exe.config beside it lets it run on .NET 4). */
export function winswExe(): string {
  const pkg = createRequire(import.meta.url).resolve('node-windows/package.json');
  return join(dirname(pkg), 'bin', 'winsw', 'winsw.exe');
}

function winsw(dir: string, name: string, verb: string): { ok: boolean; out: string } {
  const r = spawnSync(join(dir, `${name}.exe`), [verb], { encoding: 'utf8', cwd: dir });
  if (r.error) return { ok: false, out: r.error.message };
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}`.trim() };
}

function installWindows(o: UnitOptions, start: boolean): string[] {
  const xml = winswXml(o);
  const dir = windowsServiceDir(o.name);
  const xmlPath = join(dir, `${o.name}.xml`);
  if (existsSync(xmlPath)) {
    throw new ServiceError(readFileSync(xmlPath, 'utf8').includes(MARK)
      ? `${o.name} is already installed (${xmlPath}): \`inferos service uninstall --name ${o.name}\` first`
      : `${xmlPath} exists and was not written by inferos: not replaced`);
  }
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(xmlPath, xml);
    copyFileSync(winswExe(), join(dir, `${o.name}.exe`));
    // WinSW 1.17 targets .NET 2; its config lets it run on the .NET 4 that Windows 10/11 have.
    copyFileSync(`${winswExe()}.config`, join(dir, `${o.name}.exe.config`));
  } catch (err) {
    throw new ServiceError(`cannot write ${dir}: ${(err as Error).message} (installing a service needs an Administrator shell)`);
  }
  const lines = [`wrote ${xmlPath} and ${o.name}.exe (WinSW)`];
  for (const verb of ['install', ...(start ? ['start'] : [])]) {
    const r = winsw(dir, o.name, verb);
    if (!r.ok) {
      // Not registered: nothing half-written is left behind. Registered but not started: it stays installed.
      if (verb === 'install') rmSync(dir, { recursive: true, force: true });
      throw new ServiceError(`${o.name}.exe ${verb} failed: ${r.out}${verb === 'install' ? ` (removed ${dir})` : ' (the service is installed; `inferos service status` shows it)'}`);
    }
    lines.push(`${o.name}.exe ${verb}: ok`);
  }
  return lines;
}

function uninstallWindows(name: string): string[] {
  const dir = windowsServiceDir(name);
  const xmlPath = join(dir, `${name}.xml`);
  if (!existsSync(xmlPath)) throw new ServiceError(`${xmlPath} does not exist: nothing to uninstall`);
  if (!readFileSync(xmlPath, 'utf8').includes(MARK)) throw new ServiceError(`${xmlPath} was not written by inferos: not removed`);
  winsw(dir, name, 'stop'); // may already be stopped
  const r = winsw(dir, name, 'uninstall');
  if (!r.ok) throw new ServiceError(`${name}.exe uninstall failed: ${r.out}`);
  rmSync(dir, { recursive: true, force: true });
  return [`${name}.exe uninstall: ok`, `removed ${dir}`];
}

function statusWindows(name: string): { code: number; text: string } {
  const dir = windowsServiceDir(name);
  if (!existsSync(join(dir, `${name}.xml`))) return { code: 3, text: `${name}: not installed (${dir} holds no ${name}.xml)` };
  const r = winsw(dir, name, 'status');
  return { code: r.ok && /Started/i.test(r.out) ? 0 : 3, text: `${name}: ${r.out}` };
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
  if (process.platform !== 'linux' && process.platform !== 'win32') {
    throw new ServiceError(`services are managed with systemd on Linux and WinSW on Windows; this is ${process.platform}`);
  }
}

/** Write the unit and, when systemd runs, reload, enable and start it (Windows: write and register the
 * WinSW service, and start it). Returns what happened, line by line. */
export function install(o: UnitOptions, start: boolean): string[] {
  checkPlatform();
  if (process.platform === 'win32') return installWindows(o, start);
  const unit = systemdUnit(o);
  const path = unitPath(o.name, o.user);
  if (existsSync(path) && !readFileSync(path, 'utf8').startsWith(`# ${MARK}`)) {
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
  if (process.platform === 'win32') return uninstallWindows(name);
  const path = unitPath(name, user);
  if (!existsSync(path)) throw new ServiceError(`${path} does not exist: nothing to uninstall`);
  if (!readFileSync(path, 'utf8').startsWith(`# ${MARK}`)) throw new ServiceError(`${path} was not written by inferos: not removed`);
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
  if (process.platform === 'win32') return statusWindows(name);
  const path = unitPath(name, user);
  if (!existsSync(path)) return { code: 3, text: `${name}: not installed (${path} does not exist)` };
  if (!systemdRunning()) return { code: 3, text: `${name}: installed at ${path}; systemd is not running on this machine, so it is not running as a service` };
  const r = systemctl(user, ['status', '--no-pager', name]);
  return { code: r.ok ? 0 : 3, text: r.out };
}
