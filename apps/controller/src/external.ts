// Runs of models Infer-OS does not serve, reported by their apps through the SDK's InferenceContext
// (POST /v1/report): kept per source so that /v1/metrics shows them beside the system's own figures.

export interface ExternalReport {
  source: string;
  tokens: number;
  duration_ms: number;
  prompt_tokens?: number;
  ttft_ms?: number;
}

interface Totals {
  runs: number;
  tokens: number;
  promptTokens: number;
  ms: number;
  ttftMs: number;
  ttftRuns: number;
  lastAt: number;
}

/** At most this many sources are kept (the least recently reporting one is dropped first). */
export const MAX_SOURCES = 64;

export class ExternalRuns {
  private readonly bySource = new Map<string, Totals>();

  record(r: ExternalReport, now = Date.now()): void {
    let t = this.bySource.get(r.source);
    if (!t) {
      if (this.bySource.size >= MAX_SOURCES) {
        const oldest = [...this.bySource.entries()].sort((a, b) => a[1].lastAt - b[1].lastAt)[0]!;
        this.bySource.delete(oldest[0]);
      }
      t = { runs: 0, tokens: 0, promptTokens: 0, ms: 0, ttftMs: 0, ttftRuns: 0, lastAt: now };
      this.bySource.set(r.source, t);
    }
    t.runs++;
    t.tokens += r.tokens;
    t.promptTokens += r.prompt_tokens ?? 0;
    t.ms += r.duration_ms;
    if (r.ttft_ms !== undefined) {
      t.ttftMs += r.ttft_ms;
      t.ttftRuns++;
    }
    t.lastAt = now;
  }

  /** Per source: runs, tokens, tokens per second of run time, mean TTFT (null when none was reported). */
  snapshot(): Record<string, { runs: number; tokens: number; prompt_tokens: number; tps: number | null; mean_ttft_ms: number | null; last_report: string }> {
    return Object.fromEntries([...this.bySource.entries()].map(([source, t]) => [source, {
      runs: t.runs,
      tokens: t.tokens,
      prompt_tokens: t.promptTokens,
      tps: t.ms > 0 ? (t.tokens * 1000) / t.ms : null,
      mean_ttft_ms: t.ttftRuns > 0 ? t.ttftMs / t.ttftRuns : null,
      last_report: new Date(t.lastAt).toISOString(),
    }]));
  }
}
