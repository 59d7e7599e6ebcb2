// inferos policy get | set | baseline: the running policy, through the control API.
import type { Command } from 'commander';
import { command, exits, helpPage } from '../cli/command';
import { UsageError, asUsage } from '../cli/options';
import { ArgumentError, parseAssignments, policyBaseline, policyGet, policySet } from '../control';
import { addControlOptions, targetOf, type ControlOptions } from './control-target';

export function policyCommand() {
  const cmd = command('policy', {
    usage: ['get [--json] [options]', 'set KEY=VALUE... [options]', 'baseline on|off [options]'],
    summary: "read or change the running policy: 'policy get', 'policy set KEY=VALUE...', 'policy baseline on|off'",
    shared: true,
    description: `Reads or changes the policy the controller distributes to every service (versioned; validated before it
is applied; every change is recorded in GET /v1/history).

  get                   print the current policy: a header line (# version N, baseline mode on|off,
                        reason ...) and the policy as YAML in the shape of policies/*.yaml;
                        --json prints the API's JSON instead
  set KEY=VALUE...      change keys in one atomic update and print the new version. KEY is a dotted path
                        under infer_os (a leading infer_os. is accepted); VALUE is read as JSON when it
                        parses (numbers, true/false), else as a string. For example:
                          inferos policy set kv.recent_window=64 io.host_pool_bytes=512MiB quality.max_delta_ppl=0.3
                        A value the controller refuses changes nothing: its message names the key; exit 2.
  baseline on|off       enter or leave baseline mode (new sequences run at full precision)`,
  }).argument('[command]');
  const help = () => helpPage(cmd);

  const get = addControlOptions(command('get', { usage: '[--json] [options]', summary: 'print the current policy' }))
    .option('--json', "(get) print the API's JSON")
    .action(exits((o: ControlOptions & { json?: boolean }) => policyGet(targetOf(o, help()), o.json === true)));

  const set = addControlOptions(command('set', { usage: 'KEY=VALUE... [options]', summary: 'change keys in one atomic update' }))
    .argument('[KEY=VALUE...]')
    .action(exits((assignments: string[], o: ControlOptions) => {
      const patch = asUsage(() => parseAssignments(assignments), help(), (err) => err instanceof ArgumentError);
      return policySet(targetOf(o, help()), patch);
    }));

  const baseline = addControlOptions(command('baseline', { usage: 'on|off [options]', summary: 'enter or leave baseline mode' }))
    .argument('[on|off]')
    .allowExcessArguments()
    .action(exits((mode: string | undefined, o: ControlOptions, self: Command) => {
      if ((mode !== 'on' && mode !== 'off') || self.args.length > 1) throw new UsageError(`expected 'policy baseline on' or 'policy baseline off'\n\n${help()}`);
      return policyBaseline(targetOf(o, help()), mode === 'on');
    }));

  cmd.addCommand(get).addCommand(set).addCommand(baseline);
  // `inferos policy` alone prints the page; a subcommand it does not have is a usage error.
  return cmd.action(exits((sub: string | undefined) => {
    if (sub === undefined) {
      process.stdout.write(`${help()}\n`);
      return 0;
    }
    throw new UsageError(`expected 'policy get', 'policy set' or 'policy baseline', got "${sub}"\n\n${help()}`);
  }));
}
