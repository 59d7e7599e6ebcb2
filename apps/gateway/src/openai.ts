// The OpenAI-compatible surface besides its schemas (those are @inferos/sdk's api.ts, shared with the client):
// fields refused unless at their no-op value, the chunk shapes, log-probability objects, llama.cpp-style
// timings, and the text a request releases (incremental decoding cut at stop strings).
import { StreamDecoder, type TextTokenizer, type TokenLogprob } from '@inferos/inference';
import type { ChatLogprobs, CompletionLogprobs, Timings, Usage } from '@inferos/sdk';

// The request and response schemas live in @inferos/sdk (one contract for the server and its client).
export {
  ChatCompletion, ChatCompletionRequest, ChatLogprobs, ChatMessageSchema, CompletionLogprobs, CompletionRequest, Health, MAX_PROMPTS,
  ModelList, ModelObject, Stats, TextCompletion, Timings, Usage,
} from '@inferos/sdk';
import type { FinishReason } from './backend';

/** max_tokens when the request gives none: this many, or what is left of the context if less. */
export const DEFAULT_MAX_TOKENS = 256;

/**
 * OpenAI fields this server does not implement, with the values that mean "not used". Any other value is
 * refused (400) rather than silently ignored; absent or null is always fine.
 */
export const UNSUPPORTED_UNLESS: Record<string, (v: unknown) => boolean> = {
  best_of: (v) => v === 1,
  suffix: (v) => v === '',
  presence_penalty: (v) => v === 0,
  frequency_penalty: (v) => v === 0,
  logit_bias: (v) => typeof v === 'object' && v !== null && Object.keys(v).length === 0,
  tools: (v) => Array.isArray(v) && v.length === 0,
  functions: (v) => Array.isArray(v) && v.length === 0,
  response_format: (v) => typeof v === 'object' && v !== null && (v as { type?: unknown }).type === 'text',
};

// ---- streaming chunks ----

export interface ChunkBase {
  id: string;
  created: number;
  model: string;
}

export function chatChunk(
  base: ChunkBase,
  delta: { role?: 'assistant'; content?: string },
  finishReason: FinishReason | null,
  index = 0,
  logprobs: ChatLogprobs | null = null,
): Record<string, unknown> {
  return {
    ...base,
    object: 'chat.completion.chunk',
    choices: [{ index, delta, logprobs, finish_reason: finishReason }],
  };
}

export function textChunk(base: ChunkBase, text: string, finishReason: FinishReason | null, index = 0, logprobs: CompletionLogprobs | null = null): Record<string, unknown> {
  return {
    ...base,
    object: 'text_completion',
    choices: [{ index, text, logprobs, finish_reason: finishReason }],
  };
}

// ---- log-probabilities ----

/**
 * Token ids -> the strings and bytes the logprobs objects show. A token is shown as it decodes alone
 * (special tokens included); a byte-level token that is only part of a character decodes to U+FFFD, and
 * its `bytes` are then null (OpenAI: "null if there is no bytes representation").
 */
export class TokenText {
  private readonly cache = new Map<number, string>();
  private readonly widths = new Map<number, number>();
  constructor(private readonly tokenizer: TextTokenizer) {}

  text(id: number): string {
    let t = this.cache.get(id);
    if (t === undefined) {
      t = this.tokenizer.decode([id], false);
      this.cache.set(id, t);
    }
    return t;
  }

  /** The characters the token adds to decoded text (special tokens such as BOS add none). */
  width(id: number): number {
    let w = this.widths.get(id);
    if (w === undefined) {
      w = this.tokenizer.decode([id], true).length;
      this.widths.set(id, w);
    }
    return w;
  }

  bytes(id: number): number[] | null {
    const t = this.text(id);
    return t.includes('\uFFFD') ? null : [...Buffer.from(t, 'utf8')];
  }
}

/**
 * The completions' logprobs object for tokens in order: `lps[i]` null for a token without one (the
 * prompt's first). top_logprobs maps each alternative's string to its log-probability (two ids that show
 * as the same string keep the likelier). text_offset: each token's offset in the choice's text, from
 * `offset` (the text before these tokens), advancing by what each token adds to decoded text (a special
 * token such as BOS adds nothing; a character split across byte-level tokens is counted per token, so
 * offsets after one may run ahead of the text by a character, as in vLLM).
 */
export function completionLogprobs(ids: readonly number[], lps: readonly (TokenLogprob | null)[], strings: TokenText, offset = 0): CompletionLogprobs {
  const out: CompletionLogprobs = { tokens: [], token_logprobs: [], top_logprobs: [], text_offset: [] };
  let at = offset;
  ids.forEach((id, i) => {
    const lp = lps[i] ?? null;
    const text = strings.text(id);
    out.tokens.push(text);
    out.token_logprobs.push(lp ? lp.logprob : null);
    if (lp) {
      const top: Record<string, number> = {};
      for (const t of lp.top) {
        const k = strings.text(t.id);
        if (!Object.hasOwn(top, k)) top[k] = t.logprob;
      }
      out.top_logprobs.push(top);
    } else {
      out.top_logprobs.push(null);
    }
    out.text_offset.push(at);
    at += strings.width(id);
  });
  return out;
}

/** Chat's logprobs object for generated tokens `ids` and their log-probabilities. */
export function chatLogprobs(ids: readonly number[], lps: readonly TokenLogprob[], strings: TokenText): ChatLogprobs {
  return {
    content: ids.map((id, i) => ({
      token: strings.text(id),
      logprob: lps[i]!.logprob,
      bytes: strings.bytes(id),
      top_logprobs: lps[i]!.top.map((t) => ({ token: strings.text(t.id), logprob: t.logprob, bytes: strings.bytes(t.id) })),
    })),
    refusal: null,
  };
}

/** The last chunk with `stream_options.include_usage`: no choices, the usage. */
export function usageChunk(base: ChunkBase, object: 'chat.completion.chunk' | 'text_completion', usage: Usage): Record<string, unknown> {
  return { ...base, object, choices: [], usage };
}

export function sse(data: unknown): string {
  return `data: ${JSON.stringify(data)}\n\n`;
}
export const SSE_DONE = 'data: [DONE]\n\n';

// ---- timings ----

/** What a finished request measured: the backend's `done` event, or the gateway's own clock (stop strings). */
export interface Measured {
  promptTokens: number;
  completionTokens: number;
  /** Request accepted to first token. */
  promptMs: number;
  /** First token to last token: completionTokens - 1 decode steps. */
  decodeMs: number;
}

/**
 * llama.cpp's timings from what was measured. prompt_ms is time to first token (prefill and the first
 * sample, queueing included); predicted_ms is first to last token, which spans predicted_n - 1 decode
 * steps, so the per-token figures divide by predicted_n - 1. A figure that would divide by zero is null.
 */
export function timingsOf(m: Measured): Timings {
  const steps = m.completionTokens - 1;
  const rate = (n: number, ms: number) => (n > 0 && ms > 0 ? (n * 1000) / ms : null);
  const perToken = (n: number, ms: number) => (n > 0 && ms > 0 ? ms / n : null);
  return {
    prompt_n: m.promptTokens,
    prompt_ms: m.promptMs,
    prompt_per_token_ms: perToken(m.promptTokens, m.promptMs),
    prompt_per_second: rate(m.promptTokens, m.promptMs),
    predicted_n: m.completionTokens,
    predicted_ms: m.decodeMs,
    predicted_per_token_ms: perToken(steps, m.decodeMs),
    predicted_per_second: rate(steps, m.decodeMs),
  };
}

export function usageOf(m: Measured): Usage {
  return { prompt_tokens: m.promptTokens, completion_tokens: m.completionTokens, total_tokens: m.promptTokens + m.completionTokens };
}

// ---- released text ----

/**
 * Generated token ids -> the text a client may see, as it grows. StreamDecoder never splits a multi-byte
 * character; with stop strings, text that could be the start of one is held back until it is known not
 * to be, and the text is cut before the first stop string found (`stopped` then turns true).
 */
export class TextAssembler {
  private readonly decoder: StreamDecoder;
  private held = '';
  stopped = false;

  constructor(
    tokenizer: TextTokenizer,
    private readonly stops: readonly string[],
  ) {
    this.decoder = new StreamDecoder(tokenizer);
  }

  /** The text newly released by `ids` (possibly empty). */
  push(ids: readonly number[]): string {
    if (this.stopped) return '';
    let fresh = '';
    for (const id of ids) fresh += this.decoder.push(id);
    const pending = this.held + fresh;
    let cut = -1;
    for (const s of this.stops) {
      const i = pending.indexOf(s);
      if (i >= 0 && (cut < 0 || i < cut)) cut = i;
    }
    if (cut >= 0) {
      this.stopped = true;
      this.held = '';
      return pending.slice(0, cut);
    }
    let keep = 0;
    for (const s of this.stops) {
      for (let k = Math.min(s.length - 1, pending.length); k > keep; k--) {
        if (pending.endsWith(s.slice(0, k))) {
          keep = k;
          break;
        }
      }
    }
    this.held = pending.slice(pending.length - keep);
    return pending.slice(0, pending.length - keep);
  }

  /** Generation ended without a stop string: release what was held back. */
  finish(): string {
    const rest = this.stopped ? '' : this.held;
    this.held = '';
    return rest;
  }
}
