// The history kept in JetStream (stream HISTORY_STREAM, subjects inferos.history.>): telemetry's metric
// snapshots and the controller's policy changes. Two ordered consumers read the stream back at start (so
// history survives restarts of telemetry) and then follow it live, keeping the newest entries in memory.
import { jetstream, jetstreamManager, DeliverPolicy, StorageType, type JetStreamClient, type ConsumerMessages, type StreamConfig } from '@nats-io/jetstream';
import { Subjects, HISTORY_STREAM, type NatsConnection } from '@inferos/proto';

export interface HistoryEntry {
  /** Stream sequence number. */
  seq: number;
  /** When JetStream stored it, ms since the epoch. */
  timeMs: number;
  subject: string;
  /** The message's JSON (the raw text when it is not JSON). */
  data: unknown;
}

/** A policy change as the live page draws it (fields read from the controller's JSON, when present). */
export interface PolicyEvent {
  seq: number;
  timeMs: number;
  version: number | null;
  reason: string;
  baselineMode: boolean | null;
}

export const HISTORY_SUBJECTS = ['inferos.history.>'];
/** How many snapshots and policy changes are kept in memory (older ones stay in the stream). */
export const HISTORY_KEEP = 1000;

const DAY_NS = 24 * 3600 * 1e9;
export const STREAM_CONFIG: Partial<StreamConfig> & { name: string } = {
  name: HISTORY_STREAM,
  subjects: HISTORY_SUBJECTS,
  storage: StorageType.File,
  max_age: 7 * DAY_NS,
  max_msgs: 100_000,
};

/** Create the history stream unless it exists (the controller creates it too; whoever is first wins). */
export async function ensureHistoryStream(nc: NatsConnection): Promise<'created' | 'present'> {
  const jsm = await jetstreamManager(nc);
  try {
    await jsm.streams.info(HISTORY_STREAM);
    return 'present';
  } catch (err) {
    if (!/not found/i.test((err as Error).message)) throw err;
  }
  try {
    await jsm.streams.add(STREAM_CONFIG);
    return 'created';
  } catch (err) {
    if (/already in use/i.test((err as Error).message)) return 'present';
    throw err;
  }
}

/** The newest `keep` entries of `subject`, read back from the stream, then followed live. */
class Follower {
  readonly entries: HistoryEntry[] = [];
  private messages?: ConsumerMessages;
  private done?: Promise<void>;

  constructor(private readonly keep: number) {}

  async start(js: JetStreamClient, subject: string, startSeq: number): Promise<void> {
    const consumer = await js.consumers.get(HISTORY_STREAM, startSeq > 1
      ? { filter_subjects: subject, deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: startSeq }
      : { filter_subjects: subject, deliver_policy: DeliverPolicy.All });
    const messages = await consumer.consume();
    this.messages = messages;
    this.done = (async () => {
      for await (const m of messages) {
        const text = m.string();
        let data: unknown = text;
        try {
          data = JSON.parse(text);
        } catch {
          // kept as text
        }
        this.entries.push({ seq: m.seq, timeMs: Math.round(m.info.timestampNanos / 1e6), subject: m.subject, data });
        if (this.entries.length > this.keep) this.entries.splice(0, this.entries.length - this.keep);
      }
    })();
  }

  async stop(): Promise<void> {
    await this.messages?.close();
    await this.done;
  }
}

export class History {
  private readonly snapshots: Follower;
  private readonly policies: Follower;

  private constructor(private readonly js: JetStreamClient, keep: number) {
    this.snapshots = new Follower(keep);
    this.policies = new Follower(keep);
  }

  /** Ensure the stream, then load and follow it. */
  static async open(nc: NatsConnection, keep = HISTORY_KEEP): Promise<History> {
    await ensureHistoryStream(nc);
    const jsm = await jetstreamManager(nc);
    const { state } = await jsm.streams.info(HISTORY_STREAM);
    const h = new History(jetstream(nc), keep);
    // Snapshots far outnumber policy changes: starting 2*keep messages back finds the newest `keep` of them.
    await h.snapshots.start(h.js, Subjects.historySnapshot, state.last_seq > 2 * keep ? state.last_seq - 2 * keep + 1 : 1);
    await h.policies.start(h.js, Subjects.historyPolicy, 1);
    return h;
  }

  /** Store a snapshot in the stream (acknowledged by JetStream, so it is on disk when this resolves). */
  async publishSnapshot(snapshot: object): Promise<number> {
    const ack = await this.js.publish(Subjects.historySnapshot, JSON.stringify(snapshot));
    return ack.seq;
  }

  /** The newest `limit` snapshots and policy changes, newest last. */
  read(limit: number): { snapshots: HistoryEntry[]; policyChanges: HistoryEntry[] } {
    return { snapshots: this.snapshots.entries.slice(-limit), policyChanges: this.policies.entries.slice(-limit) };
  }

  /** The newest `limit` policy changes, newest last, in the shape the live page draws. */
  policyEvents(limit = 100): PolicyEvent[] {
    return this.policies.entries.slice(-limit).map(toPolicyEvent);
  }

  async close(): Promise<void> {
    await this.snapshots.stop();
    await this.policies.stop();
  }
}

/** The controller writes a PolicyUpdate as JSON; read its fields in either spelling (camel or snake case). */
export function toPolicyEvent(e: HistoryEntry): PolicyEvent {
  const d = (typeof e.data === 'object' && e.data !== null ? e.data : {}) as Record<string, unknown>;
  const pick = (...keys: string[]) => keys.map((k) => d[k]).find((v) => v !== undefined);
  const version = pick('version', 'policyVersion', 'policy_version');
  const baseline = pick('baselineMode', 'baseline_mode', 'baseline');
  const at = pick('issuedAtMs', 'issued_at_ms', 'timeMs', 'time_ms');
  return {
    seq: e.seq,
    timeMs: typeof at === 'number' && at > 0 ? at : e.timeMs,
    version: typeof version === 'number' ? version : null,
    reason: String(pick('reason') ?? ''),
    baselineMode: typeof baseline === 'boolean' ? baseline : null,
  };
}
