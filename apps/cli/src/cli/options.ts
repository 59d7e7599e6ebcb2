// Option values as the commands read them: commander hands every value over as the string typed, and
// these turn it into a number, a size or a list, refusing anything else as a usage error (exit 2) that
// names the option.
import { parseBytes } from '@inferos/kv';

/** A bad command line: the CLI prints the message and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** An integer >= min, or `fallback` when the option was not given. */
export function intOption(value: string | undefined, name: string, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) throw new UsageError(`--${name} must be an integer >= ${min}, got "${value}"`);
  return n;
}

/** A finite number, or `fallback` when the option was not given. */
export function numberOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${name} must be a number, got "${value}"`);
  return n;
}

/** A size such as 2GiB or 1500MB, in bytes. */
export function bytesOption(value: string, name: string): number {
  try {
    return parseBytes(value, `--${name}`);
  } catch {
    throw new UsageError(`--${name} must be a size such as 2GiB or 1500MB, got "${value}"`);
  }
}

/** `a, b,,c` -> ['a', 'b', 'c']. */
export function listOption(value: string): string[] {
  return value.split(',').map((x) => x.trim()).filter(Boolean);
}

/** Runs `f`, turning the errors `isUsage` recognises into usage errors (message, then `help` if given). */
export function asUsage<T>(f: () => T, help?: string, isUsage: (err: unknown) => boolean = () => true): T {
  try {
    return f();
  } catch (err) {
    if (isUsage(err)) throw new UsageError(help === undefined ? (err as Error).message : `${(err as Error).message}\n\n${help}`);
    throw err;
  }
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
