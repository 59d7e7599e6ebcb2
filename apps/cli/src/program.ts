// The `inferos` command tree: every command from its module under commands/, in the order the main page
// lists them.
import { CommanderError, type Command } from 'commander';
import { command, exitCodeOf, exits, helpPage } from './cli/command';
import { UsageError } from './cli/options';
import { abCommand } from './commands/ab';
import { benchCommand } from './commands/bench';
import { evalCommand } from './commands/eval';
import { exportCommand } from './commands/export';
import { generateCommand } from './commands/generate';
import { helpCommand } from './commands/help';
import { modelsCommand } from './commands/models';
import { policyCommand } from './commands/policy';
import { serviceCommand } from './commands/service';
import { statusCommand } from './commands/status';
import { tuneCommand } from './commands/tune';
import { upCommand } from './commands/up';

/** `argv`: the command line after `inferos` (tune records it in the profile it writes). */
export function program(argv: readonly string[] = []): Command {
  const inferos = command('inferos', {
    usage: '<command> [options]',
    summary: 'serve LLMs through ONNX Runtime with a tiered, quantized KV cache',
    description: 'inferos: serve LLMs through ONNX Runtime with a tiered, quantized KV cache',
    after: "Run 'inferos help <command>' for a command's options.",
    main: true,
  });
  for (const cmd of [upCommand(), generateCommand(), evalCommand(), benchCommand(), exportCommand(), modelsCommand(), statusCommand(),
    policyCommand(), abCommand(), tuneCommand(argv), serviceCommand(), helpCommand(inferos)]) {
    inferos.addCommand(cmd);
  }
  // `inferos` alone prints the main page; a first argument that is no command (an option included) is a
  // usage error naming it.
  return inferos
    .allowUnknownOption()
    .allowExcessArguments()
    .action(exits((_options: unknown, self: Command) => {
      const [first] = self.args;
      if (first !== undefined) throw new UsageError(`unknown command "${first}"\n\n${helpPage(inferos)}`);
      process.stdout.write(`${helpPage(inferos)}\n`);
      return 0;
    }));
}

/**
 * Runs the command line: the command's exit code, 0 after --help, 2 for a usage error (its message on
 * stderr). Any other error is thrown: main reports it (exit 1).
 */
export async function run(argv: readonly string[]): Promise<number> {
  const inferos = program(argv);
  try {
    await inferos.parseAsync(argv, { from: 'user' });
    return exitCodeOf(inferos);
  } catch (err) {
    if (err instanceof CommanderError && err.exitCode === 0) return 0; // a help page was printed
    if (err instanceof UsageError) {
      process.stderr.write(`inferos: error: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}
