// Shared by the profile-* scripts: wrap a session's run() so that the time spent inside it adds up.
export interface Timed {
  /** Milliseconds spent in run() since the last reset. */
  ms: number;
}

/** Wrap every session's run() (a format-11 model's segments: Engine.runSessions), adding into one total. */
export function timeRuns(...sessions: { run: (...args: never[]) => Promise<unknown> }[]): Timed {
  const timed: Timed = { ms: 0 };
  for (const session of sessions) wrap(session, timed);
  return timed;
}

function wrap(session: { run: (...args: never[]) => Promise<unknown> }, timed: Timed): void {
  const run = session.run.bind(session) as (...args: unknown[]) => Promise<unknown>;
  (session as { run: (...args: unknown[]) => Promise<unknown> }).run = async (...args: unknown[]) => {
    const t0 = performance.now();
    try {
      return await run(...args);
    } finally {
      timed.ms += performance.now() - t0;
    }
  };
}
