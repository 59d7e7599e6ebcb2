// What several commands take from the command line beyond plain values: a KV policy, the model's
// held-out text, the repository's Python tools.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachePolicy, loadPolicy } from '@inferos/kv';
import { contextTextPath, type Engine, type PolicyUnderTest } from '@inferos/inference';
import { UsageError } from './options';

/** A profile name or YAML file, as the cache policy to test. */
export function policyArg(nameOrFile: string): PolicyUnderTest {
  try {
    const { name, policy } = loadPolicy(nameOrFile);
    return { label: name, cache: cachePolicy(policy) };
  } catch (err) {
    throw new UsageError(`--policy: ${(err as Error).message}`);
  }
}

/** The model's held-out text slice, else the bundled model's (any text serves as context for speed). */
export function heldoutPath(engine: Engine): string {
  const p = contextTextPath(engine.info);
  if (p) return p;
  throw new UsageError(`${engine.info.dir} ships no heldout.txt; pass --text FILE`);
}

/** The repository's tools/ folder (the Python model tools), found above this file. */
export function toolsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'tools', 'inferos_tools', 'export.py'))) return join(dir, 'tools');
    const parent = dirname(dir);
    if (parent === dir) throw new Error('tools/inferos_tools not found above the CLI; run inferos from an Infer-OS checkout');
    dir = parent;
  }
}
