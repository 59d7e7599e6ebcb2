// The current policy: versioned, validated before it is applied, applied atomically, recorded.
//   JetStream KV bucket POLICY_BUCKET, key POLICY_KEY: the current version (survives controller restarts;
//   services that start later read it there).
//   PolicyUpdate on Subjects.policyUpdate: every change, to every running service.
//   HISTORY_STREAM (Subjects.historyPolicy): every change, with its reason, for GET /v1/history.
// Changes are serialized in this process, and written with compare-and-set on the bucket's revision, so
// two controllers cannot both write version N.
import { Kvm, type KV } from '@nats-io/kv';
import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import { applyPolicy, type Policy } from '@inferos/kv';
import { pb, Subjects, POLICY_BUCKET, POLICY_KEY, HISTORY_STREAM, publish, type NatsConnection } from '@inferos/proto';
import { parseStoredPolicy, type PolicyState, type StoredPolicy } from '@inferos/serving';

export interface HistoryEntry {
  time_ms: number;
  kind: 'policy' | 'snapshot';
  [k: string]: unknown;
}

export async function ensureHistoryStream(nc: NatsConnection): Promise<void> {
  const jsm = await jetstreamManager(nc);
  try {
    await jsm.streams.info(HISTORY_STREAM);
  } catch {
    await jsm.streams.add({ name: HISTORY_STREAM, subjects: ['inferos.history.>'], max_age: 7 * 24 * 3600 * 1e9, max_msgs: 100_000 });
  }
}

export class PolicyStore {
  private chain: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly nc: NatsConnection,
    private readonly kv: KV,
    private readonly js: JetStreamClient,
    private state: PolicyState,
    private revision: number,
    private readonly model: string,
  ) {}

  /**
   * Open the bucket; the stored policy wins, else `seed` becomes version 1. A stored policy set on another
   * model than `model` (the policy, and a guard verdict, were measured there) is replaced by the seed as a
   * new version that says so; one stored before the model was kept is adopted for this model.
   */
  static async open(nc: NatsConnection, seed: Policy, seedName: string, model = ''): Promise<PolicyStore> {
    const kv = await new Kvm(nc).create(POLICY_BUCKET, { history: 16 });
    await ensureHistoryStream(nc);
    const js = jetstream(nc);
    const e = await kv.get(POLICY_KEY);
    if (e && e.operation === 'PUT' && e.value.length > 0) {
      const stored = parseStoredPolicy(e.string());
      const store = new PolicyStore(nc, kv, js, stored, e.revision, model);
      if (model && stored.model && stored.model !== model) {
        await store.commit({
          version: stored.version + 1, policy: seed, baselineMode: false, model,
          reason: `seeded from ${seedName}: the stored policy (version ${stored.version}${stored.baselineMode ? `, baseline mode${stored.baselineByGuard ? ' entered by the quality guard' : ''}` : ''}) was set on model ${stored.model}, not ${model}`,
        });
      }
      return store;
    }
    const store = new PolicyStore(nc, kv, js, { version: 0, policy: seed, baselineMode: false, reason: '' }, 0, model);
    await store.commit({ version: 1, policy: seed, baselineMode: false, reason: `seeded from ${seedName}`, model });
    return store;
  }

  get current(): PolicyState {
    return this.state;
  }

  /** Validate a partial policy (seed shape) against the current one and apply it; throws PolicyError. */
  update(patch: unknown, reason: string): Promise<PolicyState> {
    return this.serial(async () => {
      const policy = applyPolicy(this.state.policy, patch);
      return this.commit({ ...this.state, version: this.state.version + 1, policy, reason });
    });
  }

  /** Enter or leave baseline mode; `byGuard`: the quality guard decided it (kept, so that a restarted controller's guard may leave it). */
  setBaseline(enable: boolean, reason: string, byGuard = false): Promise<PolicyState> {
    return this.serial(async () => {
      if (this.state.baselineMode === enable && (byGuard || (this.state.baselineByGuard ?? false) === (enable && byGuard))) return this.state; // the guard never takes over an operator's baseline
      return this.commit({ ...this.state, version: this.state.version + 1, baselineMode: enable, baselineByGuard: enable && byGuard, reason });
    });
  }

  /** Re-publish the current version (a service that missed it, or one that just started). */
  announce(): void {
    publish(this.nc, Subjects.policyUpdate, pb.PolicyUpdate, this.updateMessage(this.state));
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.chain.then(fn, fn);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private stored(s: PolicyState): StoredPolicy {
    return {
      version: s.version, policy: { infer_os: s.policy }, baseline_mode: s.baselineMode, reason: s.reason, issued_at_ms: Date.now(),
      baseline_by_guard: s.baselineMode && (s.baselineByGuard ?? false), model: s.model || this.model,
    };
  }

  private updateMessage(s: PolicyState) {
    return { version: s.version, policyJson: JSON.stringify(this.stored(s)), baselineMode: s.baselineMode, issuedAtMs: Date.now(), reason: s.reason };
  }

  private async commit(next: PolicyState): Promise<PolicyState> {
    const doc = this.stored(next);
    // Compare-and-set: fails if another writer changed the key since we read it; then take what it
    // wrote as current (the caller's change is refused and may be retried on top of it).
    try {
      this.revision = this.revision === 0 ? await this.kv.create(POLICY_KEY, JSON.stringify(doc)) : await this.kv.update(POLICY_KEY, JSON.stringify(doc), this.revision);
    } catch (err) {
      const e = await this.kv.get(POLICY_KEY).catch(() => null);
      if (e && e.operation === 'PUT' && e.value.length > 0) {
        this.state = parseStoredPolicy(e.string());
        this.revision = e.revision;
      }
      throw new Error(`the policy changed under this controller (another writer?); now at version ${this.state.version}: ${(err as Error).message}`);
    }
    this.state = { ...next, model: doc.model };
    publish(this.nc, Subjects.policyUpdate, pb.PolicyUpdate, this.updateMessage(next));
    const entry: HistoryEntry = { time_ms: doc.issued_at_ms, kind: 'policy', version: next.version, baseline_mode: next.baselineMode, reason: next.reason, policy: doc.policy };
    // The change is applied and distributed; a history write that fails is reported, not undone.
    await this.js.publish(Subjects.historyPolicy, JSON.stringify(entry)).catch((err: Error) => this.onHistoryError?.(err));
    return next;
  }

  /** Called when a change could not be written to the history stream. */
  onHistoryError?: (err: Error) => void;
}

/** The newest `limit` history entries (policy changes and metric snapshots), oldest first. */
export async function readHistory(nc: NatsConnection, limit: number): Promise<HistoryEntry[]> {
  const jsm = await jetstreamManager(nc);
  const info = await jsm.streams.info(HISTORY_STREAM);
  const last = info.state.last_seq;
  const first = Math.max(info.state.first_seq, last - limit + 1);
  if (info.state.messages === 0 || last < first) return [];
  const js = jetstream(nc);
  const consumer = await js.consumers.get(HISTORY_STREAM, { opt_start_seq: first });
  const out: HistoryEntry[] = [];
  const want = last - first + 1;
  const iter = await consumer.fetch({ max_messages: want, expires: 2000 });
  for await (const m of iter) {
    try {
      out.push(JSON.parse(m.string()) as HistoryEntry);
    } catch {
      // not ours
    }
    if (m.seq >= last) break;
  }
  return out.slice(-limit);
}
