// Which cache policy a sequence opens with: the controller's current policy for requests that name none,
// a named profile otherwise (each profile file read and parsed once, and again when the file changes on
// disk or the controller's policy changes), full precision for all in baseline mode; and none the model
// has no graph for.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { cachePolicy, loadPolicy, policiesDir, PolicyError, type CachePolicy, type Policy } from '@inferos/kv';
import type { StoreConfig } from './config';

export class Policies {
  /** The policy for sequences that name none: the controller's current one once it has spoken. */
  private current: { name: string; policy: CachePolicy; version: number; baselineMode: boolean };
  /** Named profiles already read, checked and converted, by name, with their file's stamp; emptied when the controller's policy changes. */
  private readonly profiles = new Map<string, { policy: CachePolicy; stamp: number }>();

  /**
   * `load` reads a profile; `stamp` says when its file last changed (a stat per request, not a read and a
   * parse), so that an edited profile is read again at the next request that names it.
   */
  constructor(
    private readonly config: Pick<StoreConfig, 'defaultPolicy' | 'groups' | 'defaultGroup'>,
    private readonly load: typeof loadPolicy = loadPolicy,
    private readonly stamp: (name: string) => number = profileStamp,
  ) {
    // Refuse a bad default at start, not at the first request. (The configured default may be a file;
    // only names that arrive over the bus are limited to profiles.)
    const configured = load(config.defaultPolicy);
    this.current = { name: configured.name, policy: this.checkGroup(configured.name, cachePolicy(configured.policy)), version: 0, baselineMode: false };
  }

  /**
   * The controller's policy: for sequences that name none from now on (running sequences keep theirs).
   * In baseline mode every new sequence runs at full precision. Throws (changing nothing) when the
   * model has no graph for the policy's group size. Profiles are read again after a change.
   */
  set(policy: Policy, version: number, baselineMode: boolean): void {
    const p = this.checkGroup(`policy version ${version}`, cachePolicy(policy));
    this.current = { name: `policy version ${version}`, policy: p, version, baselineMode };
    this.profiles.clear();
  }

  get version(): number {
    return this.current.version;
  }

  private checkGroup(n: string, policy: CachePolicy): CachePolicy {
    if (policy.fullPrecision) policy = { ...policy, groupSize: this.config.defaultGroup };
    if (!this.config.groups.includes(policy.groupSize)) {
      throw new PolicyError(`${n}: kv.group_size`, `the model has no graph for group size ${policy.groupSize} (exported: ${this.config.groups.join(', ')})`);
    }
    return policy;
  }

  /** A named profile's cache policy, read from policies/NAME.yaml the first time and whenever the file changed (a refusal is not kept). */
  private profile(n: string): CachePolicy {
    const stamp = this.stamp(n);
    const kept = this.profiles.get(n);
    if (kept && kept.stamp === stamp) return kept.policy;
    const policy = this.checkGroup(n, cachePolicy(this.load(n).policy));
    this.profiles.set(n, { policy, stamp });
    return policy;
  }

  /** The policy a request names (empty: none), as the sequence will run it; throws a PolicyError if refused. */
  resolve(name: string): { name: string; policy: CachePolicy } {
    if (!name) {
      return this.current.baselineMode ? { name: 'baseline (baseline mode)', policy: this.checkGroup('baseline', { ...this.current.policy, fullPrecision: true }) } : this.current;
    }
    const n = name;
    // Only profile names travel over the bus: a request must not make this process read arbitrary files.
    if (!/^[a-z_]+$/.test(n)) throw new PolicyError(n, 'requests name a policy profile (policies/NAME.yaml), not a file');
    const policy = this.profile(n);
    // Baseline mode: named policies run at full precision too (the quality guard protects every request).
    if (this.current.baselineMode) return { name: `${n} (baseline mode)`, policy: this.checkGroup(n, { ...policy, fullPrecision: true }) };
    return { name: n, policy };
  }
}

/** When policies/NAME.yaml last changed (-1 when it does not exist: loading it then says so). */
function profileStamp(name: string): number {
  try {
    return statSync(join(policiesDir(), `${name}.yaml`)).mtimeMs;
  } catch {
    return -1;
  }
}
