// Shared by the profile-* scripts: wrap a session's run() so that the time spent inside it adds up.
export interface Timed {
  /** Milliseconds spent in run() since the last reset. */
  ms: number;
}

export function timeRuns(session: { run: (...args: never[]) => Promise<unknown> }): Timed {
  const timed: Timed = { ms: 0 };
  const run = session.run.bind(session) as (...args: unknown[]) => Promise<unknown>;
  (session as { run: (...args: unknown[]) => Promise<unknown> }).run = async (...args: unknown[]) => {
    const t0 = performance.now();
    try {
      return await run(...args);
    } finally {
      timed.ms += performance.now() - t0;
    }
  };
  return timed;
}
