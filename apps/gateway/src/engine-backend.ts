// The single-process reference backend: the model runs in this process through Engine.generate, one
// request at a time (a promise queue), so its TTFT and decode speed are the baseline the distributed path
// is compared with.
import { randomInt } from 'node:crypto';
import { BASELINE_CACHE, Engine, GREEDY, checkSampling, type SamplingOptions } from '@inferos/inference';
import { cachePolicy, loadPolicy, PolicyError, PROFILES, type CachePolicy } from '@inferos/kv';
import { BackendError, type Backend, type GenerationEvent, type GenerationRequest, type ServiceHealth } from './backend';

/** Thrown from Engine.generate's onToken to stop it between tokens when the request is aborted. */
class Aborted extends Error {}

export interface EngineBackendOptions {
  /** The policy of requests that name none (a profile name or YAML path); absent: the full-precision baseline. */
  defaultPolicy?: string;
}

export class EngineBackend implements Backend {
  private tail: Promise<void> = Promise.resolve();
  private readonly policies = new Map<string, CachePolicy>();
  private closed = false;

  constructor(
    readonly engine: Engine,
    private readonly options: EngineBackendOptions = {},
  ) {}

  /** Load the exported model in `modelDir` (default: the bundled model). */
  static async load(modelDir?: string, options: EngineBackendOptions = {}): Promise<EngineBackend> {
    const backend = new EngineBackend(await Engine.load(modelDir), options);
    if (options.defaultPolicy) backend.policyFor(options.defaultPolicy); // refuse a bad default at startup
    return backend;
  }

  get modelName(): string {
    return this.engine.info.name;
  }

  get maxContext(): number {
    return this.engine.info.maxPosition;
  }

  get vocabSize(): number {
    return this.engine.info.vocabSize;
  }

  async generate(req: GenerationRequest, onEvent: (e: GenerationEvent) => void, signal: AbortSignal): Promise<void> {
    const acceptedAt = performance.now();
    if (this.closed) throw new BackendError('unavailable', 'the engine backend is closed');
    // Everything that can be refused is checked before queueing, so it throws before any event.
    const { info } = this.engine;
    if (!Number.isSafeInteger(req.maxTokens) || req.maxTokens <= 0) {
      throw new BackendError('invalid_request_error', `max tokens must be a positive integer, got ${req.maxTokens}`);
    }
    if (req.promptIds.length === 0) throw new BackendError('invalid_request_error', 'the prompt has no tokens');
    const badId = req.promptIds.find((id) => !Number.isInteger(id) || id < 0 || id >= info.vocabSize);
    if (badId !== undefined) throw new BackendError('invalid_request_error', `token id ${badId} out of range [0, ${info.vocabSize})`);
    if (req.promptIds.length + req.maxTokens > info.maxPosition) {
      throw new BackendError(
        'context_length_exceeded',
        `prompt (${req.promptIds.length} tokens) + max tokens (${req.maxTokens}) exceed the model's context of ${info.maxPosition}`,
      );
    }
    // A request may only name a profile (policies/NAME.yaml); loadPolicy would also read a file path.
    if (req.policy !== undefined && !/^[a-z_]+$/.test(req.policy)) {
      throw new BackendError('invalid_request_error', `kv_policy must be a profile name (${PROFILES.join(', ')}), got ${JSON.stringify(req.policy)}`);
    }
    const policyName = req.policy ?? this.options.defaultPolicy;
    const policy = policyName === undefined ? BASELINE_CACHE : this.policyFor(policyName);
    const sampling = this.sampling(req);

    const run = this.tail.then(() => this.run(req, policy, sampling, acceptedAt, onEvent, signal));
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async run(
    req: GenerationRequest,
    cachePolicy: CachePolicy,
    sampling: SamplingOptions,
    acceptedAt: number,
    onEvent: (e: GenerationEvent) => void,
    signal: AbortSignal,
  ): Promise<void> {
    if (signal.aborted) return;
    let firstAt = 0;
    let lastAt = 0;
    try {
      const result = await this.engine.generate(req.promptIds, {
        maxTokens: req.maxTokens,
        sampling,
        stopAtEos: req.stopAtEos,
        cachePolicy,
        ...(req.logprobs === undefined ? {} : { logprobs: req.logprobs }),
        ...(req.echo ? { onPromptLogprobs: (logprobs) => onEvent({ kind: 'prompt', logprobs }) } : {}),
        onToken: (id, logprob) => {
          if (signal.aborted) throw new Aborted();
          lastAt = performance.now();
          if (firstAt === 0) firstAt = lastAt;
          onEvent(logprob ? { kind: 'tokens', ids: [id], logprobs: [logprob] } : { kind: 'tokens', ids: [id] });
        },
      });
      onEvent({
        kind: 'done',
        finishReason: result.finishReason,
        promptTokens: result.promptTokens,
        completionTokens: result.tokens.length,
        promptMs: firstAt - acceptedAt,
        decodeMs: lastAt - firstAt,
      });
    } catch (err) {
      if (err instanceof Aborted) return;
      onEvent({ kind: 'error', code: 'internal_error', message: `generation failed: ${(err as Error).message}` });
    }
  }

  /** The cache policy of a named profile (or YAML file), loaded once and checked against the exported graphs. */
  private policyFor(name: string): CachePolicy {
    let policy = this.policies.get(name);
    if (!policy) {
      try {
        policy = cachePolicy(loadPolicy(name).policy);
      } catch (err) {
        if (err instanceof PolicyError) throw new BackendError('invalid_request_error', `kv_policy ${err.message}`);
        throw err;
      }
      const { graphs, name: model } = this.engine.info;
      if (!policy.fullPrecision && !graphs.has(policy.groupSize)) {
        throw new BackendError(
          'invalid_request_error',
          `kv_policy ${name}: ${model} has no graph for KV group size ${policy.groupSize} (exported: ${[...graphs.keys()].join(', ')})`,
        );
      }
      this.policies.set(name, policy);
    }
    return policy;
  }

  private sampling(req: GenerationRequest): SamplingOptions {
    if (req.temperature === 0) return GREEDY;
    const options = { temperature: req.temperature, topP: req.topP, seed: req.seed ?? randomInt(2 ** 32) };
    try {
      checkSampling(options);
    } catch (err) {
      throw new BackendError('invalid_request_error', (err as Error).message);
    }
    return options;
  }

  async health(): Promise<ServiceHealth[]> {
    return [
      {
        name: 'engine',
        status: this.closed ? 'unavailable' : 'ok',
        detail: { model: this.modelName, provider: this.engine.provider, maxContext: this.maxContext },
      },
    ];
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.tail;
    await this.engine.close();
  }
}
