// Prefill scheduling: the steps a prompt is prefilled in. When the cache holds a prompt's evictions for
// its end, the prompt's last tokens run as a step of their own, so that the attention they pay (which
// picks the evictions: demotion/by-prompt-end.ts) is theirs alone.
import { PROMPT_END_HALF_LIFE } from './importance';

/**
 * The steps (token counts) to prefill a prompt of `tokens` tokens in, each at most `chunk`. When the
 * cache holds evictions for the prompt's end, its last PROMPT_END_HALF_LIFE tokens form a step of their
 * own, so that the attention they pay is not diluted by the tokens of a long step before them.
 */
export function prefillSteps(tokens: number, chunk: number, observe: boolean): number[] {
  if (!Number.isSafeInteger(tokens) || tokens <= 0) throw new RangeError(`prefill: the prompt must have tokens, got ${tokens}`);
  if (!Number.isSafeInteger(chunk) || chunk <= 0) throw new RangeError(`prefill chunk must be a positive integer, got ${chunk}`);
  const tail = observe && chunk > PROMPT_END_HALF_LIFE && tokens > PROMPT_END_HALF_LIFE ? PROMPT_END_HALF_LIFE : 0;
  const steps: number[] = [];
  for (let left = tokens - tail; left > 0; left -= chunk) steps.push(Math.min(chunk, left));
  if (tail) steps.push(tail);
  return steps;
}
