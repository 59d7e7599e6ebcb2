// inferos help [COMMAND...]: a command's page, as `inferos COMMAND... --help` prints it.
import type { Command } from 'commander';
import { command, exits, helpPage } from '../cli/command';
import { UsageError } from '../cli/options';

export function helpCommand(program: Command) {
  return command('help', {
    usage: '[COMMAND...]',
    summary: 'show help for a command',
    description: "A command's options and what it does (inferos help bench serve); without a command, the list of commands.",
  })
    .argument('[COMMAND...]')
    .action(exits((topic: string[]) => {
      let cmd = program;
      for (const name of topic) {
        const sub = cmd.commands.find((c) => c.name() === name);
        if (!sub) throw new UsageError(`no such command "${topic.join(' ')}"\n\n${helpPage(program)}`);
        cmd = sub;
      }
      process.stdout.write(`${helpPage(cmd)}\n`);
      return 0;
    }));
}
