// The options every client of the control API takes (status, policy): where it is and the key it wants.
import type { Command } from 'commander';
import { ArgumentError, DEFAULT_CONTROL_URL, controlTarget, type ControlTarget } from '../control';
import { asUsage } from '../cli/options';

export interface ControlOptions {
  url?: string;
  apiKey?: string;
}

export function addControlOptions(cmd: Command): Command {
  return cmd
    .option('--url <URL>', `control API (default ${DEFAULT_CONTROL_URL}, env INFEROS_CONTROL_URL or INFEROS_AGENT_URL)`)
    .option('--api-key <KEY>', 'Authorization: Bearer KEY (env INFEROS_API_KEY)');
}

/** --url and --api-key, else the environment, else the default; a bad URL is a usage error showing `help`. */
export function targetOf(o: ControlOptions, help: string): ControlTarget {
  return asUsage(() => controlTarget(o.url, o.apiKey), help, (err) => err instanceof ArgumentError);
}
