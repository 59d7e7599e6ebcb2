// inferos service print | install | uninstall | status: `inferos up` as a systemd or Windows (WinSW) service.
import { join } from 'node:path';
import { command, exits, helpPage } from '../cli/command';
import { UsageError } from '../cli/options';
import { ServiceError, install, status, systemdUnit, uninstall, winswXml } from '../service';
import { REPO_ROOT } from '../system';
import { upCommand } from './up';

interface Options {
  name?: string;
  user?: boolean;
  runAs?: string;
  start: boolean;
  windows?: boolean;
}

type Sub = 'print' | 'install' | 'uninstall' | 'status';

const SUBS: readonly Sub[] = ['print', 'install', 'uninstall', 'status'];

export function serviceCommand() {
  const cmd = command('service', {
    usage: 'print|install|uninstall|status [options] [-- UP-OPTIONS...]',
    summary: "run Infer-OS as a system service (systemd, Windows): 'service print|install|uninstall|status'",
    shared: true,
    description: `Infer-OS as a system service that runs 'inferos up' with UP-OPTIONS (see 'inferos help up'; checked
before anything is written), from this checkout, restarted on failure. 'inferos up' supervises every
service and stops them all when the service manager stops it.

On Linux, a systemd unit:
  print      the unit, on stdout (--windows: the Windows definition instead, on any system)
  install    write it (system: /etc/systemd/system/NAME.service, needs root; --user:
             ~/.config/systemd/user/) and, where systemd runs, daemon-reload and enable --now
  uninstall  disable --now and remove it (only a unit this command wrote)
  status     systemctl status NAME
Secrets do not go into the unit: put INFEROS_API_KEY=... (and any INFEROS_* setting) in /etc/default/inferos
(--user: ~/.config/inferos/env), which the unit reads when it exists.

On Windows (from an Administrator shell), a service run by WinSW (the copy the node-windows package ships):
install writes %ProgramData%\\inferos\\NAME\\NAME.xml and NAME.exe, then NAME.exe install and start; uninstall
stops, unregisters and removes them; status asks WinSW; logs go to that directory's logs\\. It runs as
LocalSystem, started at boot. Put INFEROS_API_KEY in the system environment (setx /M), not on the command
line. Written and checked on Linux only: no Windows machine has run it.`,
    after: 'example:\n  sudo npx inferos service install -- --host 0.0.0.0 --memory-budget 2GiB',
  }).argument('[command]');
  for (const sub of SUBS) cmd.addCommand(subcommand(sub));
  // `inferos service` alone prints the page; a subcommand it does not have is a usage error.
  return cmd.action(exits((sub: string | undefined) => {
    if (sub === undefined) {
      process.stdout.write(`${helpPage(cmd)}\n`);
      return 0;
    }
    throw new UsageError(`expected 'service print', 'install', 'uninstall' or 'status', got "${sub}"\n\n${helpPage(cmd)}`);
  }));
}

function subcommand(sub: Sub) {
  return command(sub, { usage: '[options] [-- UP-OPTIONS...]', summary: sub })
    .argument('[UP-OPTIONS...]') // everything after `--`: for `inferos up` (print and install write them into the unit)
    .option('--name <NAME>', "the unit's name (default inferos)")
    .option('--user', 'a user unit (systemctl --user) instead of a system one')
    .option('--run-as <USER>', 'system units: the account the service runs as (default root)')
    .option('--no-start', 'install: enable, but do not start now')
    .option('--windows', "print: the Windows (WinSW) definition, whatever this system is")
    .action(exits((upArgs: string[], o: Options) => run(sub, o, upArgs)));
}

function run(sub: Sub, o: Options, upArgs: string[]): number {
  const name = o.name ?? 'inferos';
  const user = o.user === true;
  checkUpArgs(upArgs);
  try {
    if (sub === 'uninstall') {
      for (const line of uninstall(name, user)) process.stderr.write(`inferos: ${line}\n`);
      return 0;
    }
    if (sub === 'status') {
      const s = status(name, user);
      process.stdout.write(`${s.text}\n`);
      return s.code;
    }
    const unit = {
      name, user, node: process.execPath, cli: join(REPO_ROOT, 'apps', 'cli', 'bin', 'inferos.mjs'), workdir: REPO_ROOT, upArgs,
      ...(o.runAs ? { runAs: o.runAs } : {}),
    };
    if (sub === 'print') {
      process.stdout.write(o.windows || process.platform === 'win32' ? winswXml(unit) : systemdUnit(unit));
      return 0;
    }
    for (const line of install(unit, o.start)) process.stderr.write(`inferos: ${line}\n`);
    return 0;
  } catch (err) {
    // A refusal (a bad name, a key on the command line, a unit not ours) or a failure (no root, systemctl):
    // its message says which; exit 1 either way.
    if (err instanceof ServiceError) throw new Error(err.message);
    throw err;
  }
}

/** The arguments the unit will run `inferos up` with, checked now (their options; values are up's to check). */
function checkUpArgs(upArgs: string[]): void {
  const up = upCommand();
  const { operands, unknown } = up.parseOptions(upArgs.filter((a) => a !== '--help' && a !== '-h'));
  if (unknown.length) throw new UsageError(`Unknown option '${unknown[0]}'\n\n${helpPage(up)}`);
  if (operands.length) throw new UsageError(`unexpected argument "${operands[0]}"\n\n${helpPage(up)}`);
}
