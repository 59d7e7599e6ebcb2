// Token selection: greedy (argmax, ties to the lowest id, as torch.argmax) and seeded top-p sampling.

export interface SamplingOptions {
  /** 0 means greedy. */
  temperature: number;
  /** Nucleus size in (0, 1]; 1 keeps the whole distribution. */
  topP: number;
  /** Seed of the sampler's PRNG: the same seed, logits and options give the same tokens. */
  seed: number;
}

export const GREEDY: SamplingOptions = { temperature: 0, topP: 1, seed: 0 };

export function argmax(logits: Float32Array): number {
  let best = 0;
  let bestValue = -Infinity;
  for (let i = 0; i < logits.length; i++) {
    const v = logits[i]!;
    if (v > bestValue) {
      bestValue = v;
      best = i;
    }
  }
  return best;
}

const MULBERRY_STEP = 0x6d2b79f5;

/** mulberry32's output for the state after a draw. */
function mulberryOut(a: number): number {
  let t = a;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** mulberry32: a small, fast 32-bit PRNG; good enough for sampling, and reproducible across platforms. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + MULBERRY_STEP) >>> 0;
    return mulberryOut(a);
  };
}

export function checkSampling(opts: SamplingOptions): void {
  if (!Number.isFinite(opts.temperature) || opts.temperature < 0) {
    throw new RangeError(`temperature must be a finite number >= 0, got ${opts.temperature}`);
  }
  if (!(opts.topP > 0 && opts.topP <= 1)) throw new RangeError(`top_p must be in (0, 1], got ${opts.topP}`);
  if (!Number.isSafeInteger(opts.seed)) throw new RangeError(`seed must be an integer, got ${opts.seed}`);
}

export class Sampler {
  /** Random numbers drawn so far: another Sampler with the same options resumes from here (`skip`). */
  draws = 0;

  constructor(readonly options: SamplingOptions = GREEDY) {
    checkSampling(options);
  }

  /** mulberry32's state after `draws` draws is seed + draws * step: no need to replay them. */
  private random(): number {
    this.draws++;
    return mulberryOut((Math.imul(this.draws, MULBERRY_STEP) + (this.options.seed >>> 0)) >>> 0);
  }

  /** Advance past `draws` random numbers (to continue a sequence another process started). */
  skip(draws: number): this {
    if (!Number.isSafeInteger(draws) || draws < 0) throw new RangeError(`Sampler.skip: draws must be a non-negative integer, got ${draws}`);
    this.draws += draws;
    return this;
  }

  /** A sampler in the same state, drawing independently of this one from here. */
  clone(): Sampler {
    return new Sampler(this.options).skip(this.draws);
  }

  sample(logits: Float32Array): number {
    const { temperature, topP } = this.options;
    if (temperature === 0) return argmax(logits);
    // Softmax in float64 over logits / temperature.
    const n = logits.length;
    let max = -Infinity;
    for (let i = 0; i < n; i++) max = Math.max(max, logits[i]!);
    const probs = new Float64Array(n);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const p = Math.exp((logits[i]! - max) / temperature);
      probs[i] = p;
      sum += p;
    }
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => probs[b]! - probs[a]! || a - b);
    // Smallest prefix of the sorted distribution whose mass reaches top_p.
    let kept = 0;
    let mass = 0;
    while (kept < n && mass < topP * sum) mass += probs[order[kept++]!]!;
    let r = this.random() * mass;
    for (let k = 0; k < kept; k++) {
      r -= probs[order[k]!]!;
      if (r < 0) return order[k]!;
    }
    return order[kept - 1]!;
  }
}

/** The most alternatives a position reports (OpenAI's and vLLM's default limit). */
export const MAX_TOP_LOGPROBS = 20;

/** A position's log-probability under the model (log-softmax of the raw logits, temperature 1). */
export interface TokenLogprob {
  id: number;
  logprob: number;
  /** The `top` most likely ids at this position, most likely first (ties: lower id first). */
  top: { id: number; logprob: number }[];
}

/**
 * log p(id) of one position's logits, and the `top` most likely alternatives. The model's distribution,
 * not the sampler's: temperature and top-p change which token is drawn, not what is reported (vLLM's
 * default, "raw logprobs"). Computed in float64.
 */
export function tokenLogprob(logits: Float32Array, id: number, top = 0): TokenLogprob {
  if (!Number.isInteger(id) || id < 0 || id >= logits.length) throw new RangeError(`tokenLogprob: id ${id} out of range [0, ${logits.length})`);
  if (!Number.isInteger(top) || top < 0 || top > MAX_TOP_LOGPROBS) throw new RangeError(`tokenLogprob: top must be an integer in [0, ${MAX_TOP_LOGPROBS}], got ${top}`);
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) if (logits[i]! > max) max = logits[i]!;
  let sum = 0;
  for (let i = 0; i < logits.length; i++) sum += Math.exp(logits[i]! - max);
  const logZ = max + Math.log(sum);
  // The k best by insertion into a short sorted list (k <= 20: cheaper than sorting the vocabulary).
  const best: number[] = [];
  if (top > 0) {
    for (let i = 0; i < logits.length; i++) {
      const v = logits[i]!;
      if (best.length === top && v <= logits[best[top - 1]!]!) continue;
      let at = best.length;
      while (at > 0 && logits[best[at - 1]!]! < v) at--;
      best.splice(at, 0, i);
      if (best.length > top) best.pop();
    }
  }
  return { id, logprob: logits[id]! - logZ, top: best.map((i) => ({ id: i, logprob: logits[i]! - logZ })) };
}
