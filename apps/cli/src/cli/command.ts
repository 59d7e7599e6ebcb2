// Commands on commander, with help pages in the CLI's own layout: `usage: inferos CMD ...`, the prose, then
// the options as declared (so a page lists exactly the options the command takes). `--help` (or `-h`) on
// any command prints its page and runs nothing; a bad command line is a usage error naming what was wrong,
// followed by the page (exit 2).
import { Command, type CommanderError } from 'commander';
import { UsageError } from './options';

export interface Page {
  /** What follows `inferos <command path> ` on the usage line, one entry per line. */
  usage: string | readonly string[];
  /** The command's entry in its parent's list of commands (the main page lists them). */
  summary: string;
  /** Prose between the usage and the options. */
  description?: string;
  /** Prose after the options. */
  after?: string;
  /** The program itself: its page lists its commands. */
  main?: boolean;
  /**
   * The subcommands are described on this one page (policy, service), which every one of them shows;
   * otherwise a command with subcommands (eval, bench) shows each subcommand's page in turn.
   */
  shared?: boolean;
}

const pages = new WeakMap<Command, Page>();
const exitCodes = new WeakMap<Command, number>();

const OPTION_COLUMN = 22;
const COMMAND_COLUMN = 11;

/** A command with its help page, whose parse errors are usage errors. Add options, then `.action(exits(...))`. */
export function command(name: string, page: Page): Command {
  const cmd = new Command(name);
  pages.set(cmd, page);
  cmd.summary(page.summary);
  cmd.description(page.description ?? page.summary);
  cmd.helpCommand(false);
  cmd.configureHelp({ formatHelp: (c) => `${helpPage(c as Command)}\n` });
  // commander's own error line is replaced by ours (main prints `inferos: error: ...`).
  cmd.configureOutput({ outputError: () => undefined });
  cmd.exitOverride((err) => {
    if (err.exitCode === 0) throw err; // the page was printed (--help)
    throw new UsageError(`${usageMessage(err, cmd)}\n\n${helpPage(cmd)}`);
  });
  return cmd;
}

/** commander's message in the CLI's words (the ones node:util parseArgs used, which scripts and tests read). */
function usageMessage(err: CommanderError, cmd: Command): string {
  const message = err.message.replace(/^error: /, '');
  switch (err.code) {
    case 'commander.unknownOption':
      return message.replace(/^unknown option/, 'Unknown option');
    case 'commander.unknownCommand':
      return message.replace(/^unknown command '([^']*)'/, 'unknown command "$1"');
    case 'commander.excessArguments':
      return `unexpected argument "${cmd.args[cmd.registeredArguments.length] ?? ''}"`;
    default:
      return message;
  }
}

/**
 * An action that returns the process's exit code. commander passes the command last; the code is kept on
 * the root command, where `exitCodeOf` reads it once parsing (and the action) is done.
 */
export function exits<A extends unknown[]>(run: (...args: A) => number | Promise<number>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    const code = await run(...args);
    exitCodes.set(root(args[args.length - 1] as Command), code);
  };
}

export function exitCodeOf(program: Command): number {
  return exitCodes.get(program) ?? 0;
}

function root(cmd: Command): Command {
  let c = cmd;
  while (c.parent) c = c.parent;
  return c;
}

/** `eval ppl` for the command `inferos eval ppl`; '' for inferos itself. */
export function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c && !pages.get(c)?.main; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

const indent = (text: string, column: number) => text.split('\n').join(`\n${' '.repeat(column)}`);

function item(term: string, text: string, column: number): string {
  return `  ${term.length < column ? term.padEnd(column) : `${term}  `}${indent(text, column + 2)}`;
}

function optionsOf(cmd: Command, page: Page): string[] {
  const all = page.shared ? [...cmd.options, ...cmd.commands.flatMap((c) => c.options)] : cmd.options;
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const o of all) {
    if (o.hidden || seen.has(o.flags)) continue;
    seen.add(o.flags);
    lines.push(item(o.flags.replace(/<([^>]+)>/g, '$1'), o.description, OPTION_COLUMN));
  }
  return lines;
}

/** The command's help page (without the final newline). */
export function helpPage(cmd: Command): string {
  const parent = cmd.parent;
  if (parent && pages.get(parent)?.shared) return helpPage(parent);
  const page = pages.get(cmd);
  if (!page) throw new Error(`inferos ${cmd.name()}: a command made without command() has no page`);
  const usage = typeof page.usage === 'string' ? [page.usage] : page.usage;
  const path = commandPath(cmd);
  const usageLines = usage.map((u, i) => `${i === 0 ? 'usage:' : '      '} inferos ${path ? `${path} ` : ''}${u}`).join('\n');
  if (page.main) {
    const list = cmd.commands.map((c) => item(c.name(), pages.get(c)?.summary ?? c.summary(), COMMAND_COLUMN));
    return [page.description, usageLines, `commands:\n${list.join('\n')}`, page.after].filter((s) => s !== undefined).join('\n\n');
  }
  if (cmd.commands.length && !page.shared) return cmd.commands.map(helpPage).join('\n\n');
  const options = optionsOf(cmd, page);
  return [usageLines, page.description, options.length ? `options:\n${options.join('\n')}` : undefined, page.after]
    .filter((s) => s !== undefined)
    .join('\n\n');
}
