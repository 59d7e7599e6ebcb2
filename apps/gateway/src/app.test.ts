// The HTTP layer over the real single-process backend (the tiny random fixture model: gibberish, but
// deterministic under greedy decoding), plus small Backend doubles for the failure paths.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { defaultModelDir, loadModelInfo, TextTokenizer, tokenLogprob } from '@inferos/inference';
import { buildApp, type GatewayDeps } from './app';
import { BackendError, type Backend, type GenerationEvent } from './backend';
import { ChatTemplate, loadChatTemplate } from './chat-template';
import { EngineBackend } from './engine-backend';

const FIXTURE = fileURLToPath(new URL('../../../libs/inference/fixtures/tiny-untied', import.meta.url));
// The fixture carries no chat template; the bundled model's uses the same special tokens.
const TEMPLATE = loadChatTemplate(defaultModelDir());
const SPECIAL = { bosToken: '<|bos|>', eosToken: '<|eos|>' };

/** The `data:` payloads of an SSE body, in order ('[DONE]' kept as a string). */
function events(body: string): unknown[] {
  assert.ok(body.endsWith('\n\n'), 'SSE body ends with a blank line');
  return body
    .split('\n\n')
    .filter((e) => e !== '')
    .map((e) => {
      assert.ok(e.startsWith('data: '), `SSE event ${JSON.stringify(e)} starts with "data: "`);
      const data = e.slice('data: '.length);
      return data === '[DONE]' ? data : JSON.parse(data);
    });
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('gateway over EngineBackend (tiny-untied fixture)', () => {
  let backend: EngineBackend;
  let app: FastifyInstance;
  let model: string;
  const post = (url: string, payload: object) => app.inject({ method: 'POST', url, payload });

  /** Greedy tokens straight from the engine, stopping only at max tokens. */
  const greedy = async (promptIds: number[], maxTokens: number) =>
    (await backend.engine.generate(promptIds, { maxTokens, stopAtEos: false })).tokens;

  before(async () => {
    backend = await EngineBackend.load(FIXTURE);
    model = backend.modelName;
    app = await buildApp({}, { backend, tokenizer: backend.engine.tokenizer, modelInfo: backend.engine.info, chatTemplate: TEMPLATE, ...SPECIAL });
  });
  after(async () => {
    await app.close();
    await backend.close();
  });

  test('stats are null before any request', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/stats' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { time_to_first_token: null, tokens_per_second: null, input_tokens: null, output_tokens: null });
  });

  test('non-streaming chat: OpenAI shape, greedy text equals Engine.generate', async () => {
    const messages = [{ role: 'user', content: 'Hello there' }];
    const res = await post('/v1/chat/completions', { model, messages, temperature: 0, max_tokens: 8, ignore_eos: true, n: 1, user: 'u', presence_penalty: 0 });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<Json>();
    assert.match(body.id, /^chatcmpl-/);
    assert.equal(body.object, 'chat.completion');
    assert.equal(body.model, model);
    assert.ok(Number.isInteger(body.created));
    assert.equal(body.choices.length, 1);
    const [choice] = body.choices;
    assert.equal(choice.index, 0);
    assert.equal(choice.message.role, 'assistant');
    assert.equal(choice.finish_reason, 'length');

    const text = new ChatTemplate(TEMPLATE, SPECIAL).render(messages);
    const promptIds = backend.engine.tokenizer.encode(text, false);
    assert.equal(promptIds.filter((id) => id === 0).length, 1, 'exactly one BOS (the template writes it)');
    assert.equal(choice.message.content, backend.engine.tokenizer.decode(await greedy(promptIds, 8)));
    assert.deepEqual(body.usage, { prompt_tokens: promptIds.length, completion_tokens: 8, total_tokens: promptIds.length + 8 });
    assert.equal(body.timings.prompt_n, promptIds.length);
    assert.equal(body.timings.predicted_n, 8);
    for (const key of ['prompt_ms', 'prompt_per_token_ms', 'prompt_per_second', 'predicted_ms', 'predicted_per_token_ms', 'predicted_per_second']) {
      assert.ok(key in body.timings, `timings.${key}`);
    }
  });

  test('non-streaming completions: OpenAI shape, prompt as a one-string array, greedy text equals Engine.generate', async () => {
    const prompt = 'The quick brown fox';
    const res = await post('/v1/completions', { model, prompt: [prompt], temperature: 0, max_tokens: 10, ignore_eos: true });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<Json>();
    assert.match(body.id, /^cmpl-/);
    assert.equal(body.object, 'text_completion');
    const promptIds = backend.engine.tokenizer.encode(prompt, true);
    assert.equal(promptIds[0], 0, 'the tokenizer adds BOS');
    assert.equal(body.choices[0].text, backend.engine.tokenizer.decode(await greedy(promptIds, 10)));
    assert.equal(body.choices[0].finish_reason, 'length');
    assert.deepEqual(body.usage, { prompt_tokens: promptIds.length, completion_tokens: 10, total_tokens: promptIds.length + 10 });
  });

  test('return_token_ids: the choice carries the prompt and completion ids; absent otherwise', async () => {
    const prompt = 'The quick brown fox';
    const res = await post('/v1/completions', { model, prompt, temperature: 0, max_tokens: 6, ignore_eos: true, return_token_ids: true });
    assert.equal(res.statusCode, 200, res.body);
    const choice = res.json<Json>().choices[0];
    const promptIds = backend.engine.tokenizer.encode(prompt, true);
    assert.deepEqual(choice.prompt_token_ids, promptIds);
    assert.deepEqual(choice.token_ids, await greedy(promptIds, 6));
    const plain = await post('/v1/completions', { model, prompt, temperature: 0, max_tokens: 2 });
    assert.equal(plain.json<Json>().choices[0].token_ids, undefined);
  });

  test('streaming chat: role chunk, content chunks, finish chunk, usage chunk with timings, [DONE]', async () => {
    const messages = [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }];
    const payload = { model, messages, temperature: 0, max_tokens: 12, ignore_eos: true };
    const full = (await post('/v1/chat/completions', payload)).json<Json>();
    const res = await post('/v1/chat/completions', { ...payload, stream: true, stream_options: { include_usage: true } });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/event-stream/);
    const ev = events(res.body);
    assert.equal(ev.at(-1), '[DONE]');
    const chunks = ev.slice(0, -1) as Json[];
    for (const c of chunks) {
      assert.equal(c.object, 'chat.completion.chunk');
      assert.equal(c.model, model);
      assert.equal(c.id, chunks[0]!.id);
    }
    assert.deepEqual(chunks[0]!.choices[0].delta, { role: 'assistant', content: '' });
    const usage = chunks.at(-1)!;
    assert.deepEqual(usage.choices, []);
    assert.deepEqual(usage.usage, full.usage);
    assert.equal(usage.timings.predicted_n, 12);
    const finish = chunks.at(-2)!;
    assert.equal(finish.choices[0].finish_reason, 'length');
    assert.deepEqual(finish.choices[0].delta, {});
    const content = chunks.slice(1, -2);
    assert.ok(content.length > 0);
    for (const c of content) {
      assert.equal(c.choices[0].finish_reason, null);
      assert.equal(c.usage, null, 'with include_usage every other chunk has usage: null');
    }
    assert.equal(content.map((c) => c.choices[0].delta.content).join(''), full.choices[0].message.content);
  });

  test('streaming completions without include_usage: the finish chunk carries timings, then [DONE]', async () => {
    const payload = { model, prompt: 'Once upon a time', temperature: 0, max_tokens: 6, ignore_eos: true };
    const full = (await post('/api/v1/completions', payload)).json<Json>();
    const ev = events((await post('/api/v1/completions', { ...payload, stream: true })).body);
    assert.equal(ev.at(-1), '[DONE]');
    const chunks = ev.slice(0, -1) as Json[];
    const last = chunks.at(-1)!;
    assert.equal(last.object, 'text_completion');
    assert.equal(last.choices[0].finish_reason, 'length');
    assert.equal(last.timings.predicted_n, 6);
    assert.ok(!('usage' in last));
    assert.equal(chunks.map((c) => c.choices[0].text).join(''), full.choices[0].text);
  });

  test('stop string: the text is cut before it, finish_reason stop, streaming or not', async () => {
    const prompt = 'In the beginning';
    const expected = backend.engine.tokenizer.decode(await greedy(backend.engine.tokenizer.encode(prompt), 40));
    const stop = expected.slice(10, 13);
    const cut = expected.slice(0, expected.indexOf(stop));
    const payload = { model, prompt, temperature: 0, max_tokens: 40, ignore_eos: true, stop: [stop, 'never-generated-zzz'] };
    const body = (await post('/v1/completions', payload)).json<Json>();
    assert.equal(body.choices[0].text, cut);
    assert.equal(body.choices[0].finish_reason, 'stop');
    assert.ok(body.usage.completion_tokens < 40);

    const ev = events((await post('/v1/completions', { ...payload, stop, stream: true })).body);
    const chunks = ev.slice(0, -1) as Json[];
    assert.equal(chunks.map((c) => c.choices[0].text).join(''), cut);
    assert.equal(chunks.at(-1)!.choices[0].finish_reason, 'stop');
  });

  test('one generated token: the decode rates cannot be computed and are null', async () => {
    const body = (await post('/v1/completions', { model, prompt: 'x', max_tokens: 1, temperature: 0 })).json<Json>();
    assert.equal(body.timings.predicted_n, 1);
    assert.equal(body.timings.predicted_per_second, null);
    assert.equal(body.timings.predicted_per_token_ms, null);
  });

  test('seeded sampling is reproducible', async () => {
    const payload = { model, prompt: 'abc', max_tokens: 8, temperature: 0.8, top_p: 0.9, seed: 7, ignore_eos: true };
    const a = (await post('/v1/completions', payload)).json<Json>();
    const b = (await post('/v1/completions', payload)).json<Json>();
    assert.equal(a.choices[0].text, b.choices[0].text);
  });

  test('kv_policy: baseline runs; an unknown profile or a path is refused with 400', async () => {
    const ok = await post('/v1/completions', { model, prompt: 'abc', max_tokens: 2, kv_policy: 'baseline' });
    assert.equal(ok.statusCode, 200, ok.body);
    for (const kv_policy of ['no_such_policy', '/etc/passwd']) {
      const res = await post('/v1/completions', { model, prompt: 'abc', max_tokens: 2, kv_policy });
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json<Json>().error.type, 'invalid_request_error');
    }
  });

  test('stats describe the last completed request', async () => {
    await post('/v1/completions', { model, prompt: 'Hello', max_tokens: 3, temperature: 0, ignore_eos: true });
    const stats = (await app.inject({ method: 'GET', url: '/api/v1/stats' })).json<Json>();
    assert.equal(stats.input_tokens, backend.engine.tokenizer.encode('Hello').length);
    assert.equal(stats.output_tokens, 3);
    assert.equal(typeof stats.time_to_first_token, 'number');
  });

  /** log p(ids[i] | ids[..i]) for i >= 1 from one forward pass over all of `ids` (the reference). */
  const reference = async (ids: number[]) => {
    const v = backend.engine.info.vocabSize;
    const all = await backend.engine.forward(backend.engine.newCache(), ids, true);
    return ids.slice(1).map((id, i) => tokenLogprob(all.subarray(i * v, (i + 1) * v), id, 3));
  };
  const close = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) < 1e-4, `${what}: ${a} vs ${b}`);

  test('LOGPROBS - completions with echo: prompt and completion log-probabilities equal a forward pass over the whole text', async () => {
    const prompt = 'The quick brown fox';
    const res = await post('/v1/completions', { model, prompt, temperature: 0, max_tokens: 5, ignore_eos: true, logprobs: 3, echo: true, return_token_ids: true });
    assert.equal(res.statusCode, 200, res.body);
    const choice = res.json<Json>().choices[0];
    const promptIds = backend.engine.tokenizer.encode(prompt, true);
    const all = [...promptIds, ...choice.token_ids];
    const lp = choice.logprobs;
    assert.equal(lp.tokens.length, all.length);
    assert.deepEqual(lp.tokens, all.map((id: number) => backend.engine.tokenizer.decode([id], false)));
    assert.equal(lp.token_logprobs[0], null, 'the first prompt token has no log-probability');
    assert.equal(lp.top_logprobs[0], null);
    assert.ok(choice.text.startsWith(prompt), 'echo puts the prompt before the completion');
    const ref = await reference(all);
    ref.forEach((r, i) => {
      close(lp.token_logprobs[i + 1], r.logprob, `token ${i + 1}`);
      assert.equal(Object.keys(lp.top_logprobs[i + 1]).length <= 3, true);
      const best = Math.max(...(Object.values(lp.top_logprobs[i + 1]) as number[]));
      close(best, r.top[0]!.logprob, `top of token ${i + 1}`);
    });
    // Greedy: every generated token is its position's most likely one.
    for (let i = promptIds.length; i < all.length; i++) close(lp.token_logprobs[i], Math.max(...(Object.values(lp.top_logprobs[i]) as number[])), `greedy ${i}`);
    // text_offset points into the choice's text: each token's own text starts there (BOS adds none).
    all.forEach((id: number, i: number) => {
      const own = backend.engine.tokenizer.decode([id], true);
      if (!own.includes('\uFFFD')) assert.ok(choice.text.startsWith(own, lp.text_offset[i]), `token ${i} ${JSON.stringify(own)} at ${lp.text_offset[i]}`);
    });

    // Streamed, the chunks carry the same tokens and offsets, continuing from chunk to chunk.
    const streamed = events((await post('/v1/completions', { model, prompt, temperature: 0, max_tokens: 5, ignore_eos: true, logprobs: 3, echo: true, stream: true })).body)
      .filter((e): e is Json => typeof e === 'object' && (e as Json).choices?.[0]?.logprobs);
    assert.deepEqual(streamed.flatMap((e) => e.choices[0].logprobs.text_offset), lp.text_offset);
    assert.deepEqual(streamed.flatMap((e) => e.choices[0].logprobs.tokens), lp.tokens);

    // max_tokens 0 with echo scores the prompt alone: the same numbers, no completion.
    const only = await post('/v1/completions', { model, prompt, max_tokens: 0, logprobs: 1, echo: true });
    assert.equal(only.statusCode, 200, only.body);
    const o = only.json<Json>();
    assert.equal(o.choices[0].logprobs.tokens.length, promptIds.length);
    assert.equal(o.usage.completion_tokens, 0);
    assert.equal(o.choices[0].text, prompt);
    ref.slice(0, promptIds.length - 1).forEach((r, i) => close(o.choices[0].logprobs.token_logprobs[i + 1], r.logprob, `score-only token ${i + 1}`));
  });

  test('LOGPROBS - chat: each generated token with its top alternatives; streamed chunks carry the same', async () => {
    const messages = [{ role: 'user', content: 'Hello there' }];
    const payload = { model, messages, temperature: 0, max_tokens: 6, ignore_eos: true, logprobs: true, top_logprobs: 2 };
    const res = await post('/v1/chat/completions', payload);
    assert.equal(res.statusCode, 200, res.body);
    const { content } = res.json<Json>().choices[0].logprobs;
    assert.equal(content.length, 6);
    for (const t of content) {
      assert.equal(t.top_logprobs.length, 2);
      assert.equal(t.token, t.top_logprobs[0].token, 'greedy picks the most likely token');
      close(t.logprob, t.top_logprobs[0].logprob, 'chosen = top 1');
      assert.ok(t.top_logprobs[0].logprob >= t.top_logprobs[1].logprob);
      assert.ok(t.bytes === null || Buffer.from(t.bytes).toString('utf8') === t.token);
    }
    const streamed = events((await post('/v1/chat/completions', { ...payload, stream: true })).body)
      .filter((e): e is Json => typeof e === 'object' && (e as Json).choices?.[0]?.logprobs)
      .flatMap((e) => e.choices[0].logprobs.content);
    assert.deepEqual(streamed.map((t: Json) => t.token), content.map((t: Json) => t.token));
    streamed.forEach((t: Json, i: number) => close(t.logprob, content[i].logprob, `streamed ${i}`));
    // Without logprobs the field is null.
    const plain = await post('/v1/chat/completions', { model, messages, temperature: 0, max_tokens: 2 });
    assert.equal(plain.json<Json>().choices[0].logprobs, null);
  });

  test('N AND BATCHES - token-id prompts, a batch of prompts, n choices each, in order', async () => {
    const text = 'Once upon a time';
    const ids = backend.engine.tokenizer.encode(text, true);
    const res = await post('/v1/completions', { model, prompt: [ids, backend.engine.tokenizer.encode('In a land', true)], n: 2, temperature: 0, max_tokens: 4, ignore_eos: true });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<Json>();
    assert.deepEqual(body.choices.map((c: Json) => c.index), [0, 1, 2, 3]);
    const first = backend.engine.tokenizer.decode(await greedy(ids, 4));
    const second = backend.engine.tokenizer.decode(await greedy(backend.engine.tokenizer.encode('In a land', true), 4));
    assert.deepEqual(body.choices.map((c: Json) => c.text), [first, first, second, second]);
    const promptTokens = ids.length + backend.engine.tokenizer.encode('In a land', true).length;
    assert.deepEqual(body.usage, { prompt_tokens: promptTokens, completion_tokens: 16, total_tokens: promptTokens + 16 });
    // A flat list of ids is one prompt, used as given (here without BOS).
    const texts = await post('/v1/completions', { model, prompt: [text, 'In a land'], temperature: 0, max_tokens: 4, ignore_eos: true });
    assert.deepEqual(texts.json<Json>().choices.map((c: Json) => c.text), [first, second]);
    const bare = await post('/v1/completions', { model, prompt: ids.slice(1), temperature: 0, max_tokens: 3, ignore_eos: true });
    assert.equal(bare.json<Json>().choices[0].text, backend.engine.tokenizer.decode(await greedy(ids.slice(1), 3)));
    // Sampled choices with a seed: choice j uses seed + j, so two choices differ and a rerun repeats them.
    const sampled = { model, prompt: text, n: 2, temperature: 1, seed: 11, max_tokens: 8, ignore_eos: true };
    const a = (await post('/v1/completions', sampled)).json<Json>().choices.map((c: Json) => c.text);
    const b = (await post('/v1/completions', sampled)).json<Json>().choices.map((c: Json) => c.text);
    assert.deepEqual(a, b);
    assert.notEqual(a[0], a[1]);
    const alone = (await post('/v1/completions', { ...sampled, n: 1, seed: 12 })).json<Json>().choices[0].text;
    assert.equal(alone, a[1]);
  });

  test('N - streamed choices each end with their own finish chunk; the texts equal the non-streamed ones', async () => {
    const payload = { model, prompt: 'Hello', n: 3, temperature: 1, seed: 5, max_tokens: 5, ignore_eos: true };
    const full = (await post('/v1/completions', payload)).json<Json>();
    const ev = events((await post('/v1/completions', { ...payload, stream: true })).body);
    assert.equal(ev.at(-1), '[DONE]');
    const texts = ['', '', ''];
    let finishes = 0;
    for (const e of ev.slice(0, -1) as Json[]) {
      const c = e.choices[0];
      texts[c.index] += c.text;
      if (c.finish_reason) finishes++;
    }
    assert.equal(finishes, 3);
    assert.deepEqual(texts, full.choices.map((c: Json) => c.text));
  });

  test('BAD LOGPROBS AND PROMPTS - clear 400s naming the field', async () => {
    const cases: [object, string][] = [
      [{ model, prompt: 'hi', max_tokens: 0 }, 'max_tokens'],
      [{ model, prompt: 'hi', logprobs: 21 }, 'logprobs'],
      [{ model, prompt: [1, 2, backend.engine.info.vocabSize] }, 'prompt'],
      [{ model, prompt: [[1, 2], [-1]] }, 'prompt'],
      [{ model, prompt: [] }, 'prompt'],
      [{ model, prompt: 'hi', n: 17 }, 'n'],
    ];
    for (const [payload, field] of cases) {
      const res = await post('/v1/completions', payload);
      assert.equal(res.statusCode, 400, `${JSON.stringify(payload)}: ${res.body}`);
      assert.ok(String(res.json<Json>().error.param).startsWith(field), res.body);
    }
  });

  test('BAD BODY - each failure is a 400 invalid_request_error naming the field', async () => {
    const cases: [object, string][] = [
      [{ model, messages: [{ role: 'user', content: 'hi' }], temperature: 5 }, 'temperature'],
      [{ model, messages: [{ role: 'user', content: 'hi' }], top_p: 0 }, 'top_p'],
      [{ model, messages: [{ role: 'user', content: 'hi' }], max_tokens: 0 }, 'max_tokens'],
      [{ model, messages: [{ role: 'user', content: 'hi' }], stop: 5 }, 'stop'],
      [{ model }, 'messages'],
      [{ messages: [{ role: 'user', content: 'hi' }] }, 'model'],
      [{ model, messages: [] }, 'messages'],
      [{ model, messages: [{ role: 'bot', content: 'hi' }] }, 'messages[0].role'],
      [{ model, messages: [{ role: 'user' }] }, 'messages[0].content'],
      [{ model, messages: [{ role: 'user', content: 'hi' }], n: 0 }, 'n'],
      [{ model, messages: [{ role: 'user', content: 'hi' }], logprobs: 3 }, 'logprobs'],
      [{ model, messages: [{ role: 'user', content: 'hi' }], top_logprobs: 2 }, 'top_logprobs'],
      [{ model, messages: [{ role: 'user', content: 'hi' }], logprobs: true, top_logprobs: 21 }, 'top_logprobs'],
      [{ model, messages: [{ role: 'user', content: 'hi' }], best_of: 2 }, 'best_of'],
    ];
    for (const [payload, field] of cases) {
      const res = await post('/v1/chat/completions', payload);
      assert.equal(res.statusCode, 400, `${JSON.stringify(payload)}: ${res.body}`);
      const { error } = res.json<Json>();
      assert.equal(error.type, 'invalid_request_error');
      assert.equal(error.param, field, res.body);
      assert.ok(error.message.startsWith(`${field}:`), error.message);
    }
    const bad = await app.inject({ method: 'POST', url: '/v1/completions', payload: '{not json', headers: { 'content-type': 'application/json' } });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json<Json>().error.type, 'invalid_request_error');
  });

  test('CONTEXT - prompt + max_tokens beyond the context is context_length_exceeded', async () => {
    const res = await post('/v1/completions', { model, prompt: 'hello', max_tokens: backend.maxContext });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json<Json>().error.code, 'context_length_exceeded');
    const long = await post('/v1/completions', { model, prompt: 'word '.repeat(2 * backend.maxContext) });
    assert.equal(long.statusCode, 400);
    assert.equal(long.json<Json>().error.code, 'context_length_exceeded');
  });

  test('UNKNOWN MODEL - 404 model_not_found', async () => {
    const res = await post('/v1/chat/completions', { model: 'gpt-4', messages: [{ role: 'user', content: 'hi' }] });
    assert.equal(res.statusCode, 404);
    const { error } = res.json<Json>();
    assert.equal(error.code, 'model_not_found');
    assert.equal(error.param, 'model');
  });

  test('UNKNOWN ROUTE - 404 in OpenAI shape', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/nothing' });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json<Json>().error.type, 'invalid_request_error');
  });

  test('/v1/models and /api/v1/models list the one model, identically', async () => {
    const a = await app.inject({ method: 'GET', url: '/v1/models' });
    const b = await app.inject({ method: 'GET', url: '/api/v1/models' });
    assert.equal(a.statusCode, 200);
    assert.equal(a.body, b.body);
    assert.deepEqual(a.json(), { object: 'list', data: [{ id: model, object: 'model', created: 0, owned_by: 'inferos' }] });
  });

  test('health: ok with the model and its services', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/health' });
    assert.equal(res.statusCode, 200);
    const body = res.json<Json>();
    assert.equal(body.status, 'ok');
    assert.equal(body.model_loaded, model);
    assert.equal(body.services[0].name, 'engine');
    assert.equal(body.services[0].status, 'ok');
  });
});

describe('EngineBackend', () => {
  let backend: EngineBackend;
  before(async () => {
    backend = await EngineBackend.load(FIXTURE);
  });
  after(() => backend.close());

  test('greedy tokens equal Engine.generate, then done with the counts', async () => {
    const promptIds = backend.engine.tokenizer.encode('abc def');
    const expected = (await backend.engine.generate(promptIds, { maxTokens: 5, stopAtEos: false })).tokens;
    const seen: GenerationEvent[] = [];
    const req = { requestId: 'r', promptIds, maxTokens: 5, temperature: 0, topP: 1, stopAtEos: false };
    await backend.generate(req, (e) => seen.push(e), new AbortController().signal);
    const ids = seen.flatMap((e) => (e.kind === 'tokens' ? e.ids : []));
    assert.deepEqual(ids, expected);
    const done = seen.at(-1)!;
    assert.equal(done.kind, 'done');
    assert.equal(done.kind === 'done' && done.completionTokens, 5);
    assert.equal(done.kind === 'done' && done.promptTokens, promptIds.length);
  });

  test('an abort stops between tokens and resolves without done', async () => {
    const controller = new AbortController();
    const seen: GenerationEvent[] = [];
    const req = { requestId: 'r', promptIds: [0, 10, 11], maxTokens: 50, temperature: 0, topP: 1, stopAtEos: false };
    await backend.generate(req, (e) => {
      seen.push(e);
      if (seen.length === 2) controller.abort();
    }, controller.signal);
    assert.equal(seen.length, 2);
    assert.ok(seen.every((e) => e.kind === 'tokens'));
  });

  test('requests run one at a time, in order', async () => {
    const order: string[] = [];
    const req = (id: string) => ({ requestId: id, promptIds: [0, 5], maxTokens: 3, temperature: 0, topP: 1, stopAtEos: false });
    const track = (id: string) => (e: GenerationEvent) => order.push(`${id}:${e.kind}`);
    const signal = new AbortController().signal;
    await Promise.all([backend.generate(req('a'), track('a'), signal), backend.generate(req('b'), track('b'), signal)]);
    assert.deepEqual(order, ['a:tokens', 'a:tokens', 'a:tokens', 'a:done', 'b:tokens', 'b:tokens', 'b:tokens', 'b:done']);
  });

  test('BAD REQUEST - context overflow and bad ids throw BackendError before any event', async () => {
    const signal = new AbortController().signal;
    const base = { requestId: 'r', temperature: 0, topP: 1, stopAtEos: true };
    await assert.rejects(backend.generate({ ...base, promptIds: [0], maxTokens: backend.maxContext }, () => assert.fail('no event'), signal), {
      name: 'BackendError',
      code: 'context_length_exceeded',
    });
    await assert.rejects(backend.generate({ ...base, promptIds: [1e9], maxTokens: 1 }, () => assert.fail('no event'), signal), {
      code: 'invalid_request_error',
    });
  });
});

/** A Backend double: the fixture's tokenizer, scripted generate and health. */
function double(over: Partial<Backend>): Backend {
  return {
    modelName: 'double',
    maxContext: 128,
    vocabSize: 512,
    generate: async () => {},
    health: async () => [{ name: 'double', status: 'ok' }],
    close: async () => {},
    ...over,
  };
}

describe('gateway failure paths (Backend doubles)', () => {
  const tokenizer = TextTokenizer.load(loadModelInfo(FIXTURE).tokenizerPath);
  const deps = (backend: Backend): GatewayDeps => ({ backend, tokenizer, modelInfo: loadModelInfo(FIXTURE), chatTemplate: TEMPLATE, ...SPECIAL });
  const chat = { model: 'double', messages: [{ role: 'user', content: 'hi' }] };

  test('SATURATED - BackendError saturated is 503 with Retry-After', async () => {
    const app = await buildApp({}, deps(double({ generate: async () => Promise.reject(new BackendError('saturated', 'KV budget full', 2)) })));
    for (const stream of [false, true]) {
      const res = await app.inject({ method: 'POST', url: '/v1/chat/completions', payload: { ...chat, stream } });
      assert.equal(res.statusCode, 503);
      assert.equal(res.headers['retry-after'], '2');
      assert.deepEqual(res.json(), { error: { message: 'KV budget full', type: 'server_error', param: null, code: 'saturated' } });
    }
    await app.close();
  });

  test('MAX WAITING - requests beyond maxWaiting in flight get 503 with Retry-After', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const generate: Backend['generate'] = async (req, onEvent) => {
      await gate;
      onEvent({ kind: 'tokens', ids: [10] });
      onEvent({ kind: 'done', finishReason: 'length', promptTokens: req.promptIds.length, completionTokens: 1, promptMs: 1, decodeMs: 0 });
    };
    const app = await buildApp({ maxWaiting: 1 }, deps(double({ generate })));
    const first = app.inject({ method: 'POST', url: '/v1/chat/completions', payload: chat });
    await new Promise((r) => setImmediate(r));
    const second = await app.inject({ method: 'POST', url: '/v1/chat/completions', payload: chat });
    assert.equal(second.statusCode, 503);
    assert.equal(second.headers['retry-after'], '1');
    assert.equal(second.json<Json>().error.code, 'saturated');
    release();
    assert.equal((await first).statusCode, 200);
    await app.close();
  });

  test('N - more choices than the gateway runs at once is a 400 (a retry could not succeed); one failing choice fails the request after the others stopped', async () => {
    let running = 0;
    let peak = 0;
    const generate: Backend['generate'] = async (req, onEvent, signal) => {
      running++;
      peak = Math.max(peak, running);
      try {
        await new Promise((r) => setTimeout(r, 20));
        if (req.seed === 1) throw new BackendError('internal_error', 'choice 1 broke');
        if (!signal.aborted) {
          onEvent({ kind: 'tokens', ids: [10] });
          onEvent({ kind: 'done', finishReason: 'length', promptTokens: req.promptIds.length, completionTokens: 1, promptMs: 1, decodeMs: 0 });
        }
      } finally {
        running--;
      }
    };
    const app = await buildApp({ maxWaiting: 2 }, deps(double({ generate })));
    const tooMany = await app.inject({ method: 'POST', url: '/v1/chat/completions', payload: { ...chat, n: 3 } });
    assert.equal(tooMany.statusCode, 400, tooMany.body);
    assert.equal(tooMany.json<Json>().error.param, 'n');
    const broken = await app.inject({ method: 'POST', url: '/v1/chat/completions', payload: { ...chat, n: 2, seed: 0 } });
    assert.equal(broken.statusCode, 500, broken.body);
    assert.equal(running, 0, 'no choice still runs once the request is answered');
    const ok = await app.inject({ method: 'POST', url: '/v1/chat/completions', payload: { ...chat, n: 2, seed: 2 } });
    assert.equal(ok.statusCode, 200, 'both slots are free again');
    assert.equal(ok.json<Json>().choices.length, 2);
    assert.equal(peak, 2);
    await app.close();
  });

  test('ERROR EVENT - before the first token it is an HTTP error; after it, an SSE error event and no [DONE]', async () => {
    const early = await buildApp({}, deps(double({ generate: async (_r, onEvent) => onEvent({ kind: 'error', code: 'unavailable', message: 'no decode worker' }) })));
    const res = await early.inject({ method: 'POST', url: '/v1/chat/completions', payload: { ...chat, stream: true } });
    assert.equal(res.statusCode, 503);
    assert.equal(res.json<Json>().error.code, 'unavailable');
    await early.close();

    const late = await buildApp({}, deps(double({
      generate: async (_r, onEvent) => {
        onEvent({ kind: 'tokens', ids: [10, 11] });
        onEvent({ kind: 'error', code: 'worker_lost', message: 'decode worker died' });
      },
    })));
    const streamed = await late.inject({ method: 'POST', url: '/v1/chat/completions', payload: { ...chat, stream: true } });
    assert.equal(streamed.statusCode, 200);
    const ev = events(streamed.body);
    assert.ok(!ev.includes('[DONE]'));
    assert.deepEqual(ev.at(-1), { error: { message: 'decode worker died', type: 'server_error', param: null, code: 'worker_lost' } });
    const full = await late.inject({ method: 'POST', url: '/v1/chat/completions', payload: chat });
    assert.equal(full.statusCode, 502);
    await late.close();
  });

  test('HEALTH - a service down makes health 503 with the list', async () => {
    const health = async () => [{ name: 'prefill', status: 'ok' as const }, { name: 'decode', status: 'unavailable' as const }];
    const app = await buildApp({}, deps(double({ health })));
    const res = await app.inject({ method: 'GET', url: '/api/v1/health' });
    assert.equal(res.statusCode, 503);
    assert.deepEqual(res.json(), { status: 'unavailable', model_loaded: 'double', services: await health() });
    await app.close();
  });

  test('API KEY - every route needs the bearer key when one is set', async () => {
    const app = await buildApp({ apiKey: 'sekret' }, deps(double({})));
    for (const url of ['/v1/models', '/api/v1/health', '/api/v1/stats', '/v1/nothing']) {
      for (const authorization of [undefined, 'Bearer wrong', 'sekret']) {
        const res = await app.inject({ method: 'GET', url, headers: authorization ? { authorization } : {} });
        assert.equal(res.statusCode, 401, `${url} with ${authorization}`);
        assert.equal(res.json<Json>().error.code, 'invalid_api_key');
      }
    }
    const ok = await app.inject({ method: 'GET', url: '/v1/models', headers: { authorization: 'Bearer sekret' } });
    assert.equal(ok.statusCode, 200);
    await app.close();
  });
});

describe('gateway for a base model without a chat template', () => {
  let backend: EngineBackend;
  let app: FastifyInstance;

  before(async () => {
    backend = await EngineBackend.load(FIXTURE);
    app = await buildApp({}, { backend, tokenizer: backend.engine.tokenizer, modelInfo: backend.engine.info, chatTemplate: null, ...SPECIAL });
  });
  after(async () => {
    await app.close();
    await backend.close();
  });

  test('BAD CALL - chat completions answer 400 naming the missing template; completions serve', async () => {
    const chat = await app.inject({ method: 'POST', url: '/v1/chat/completions', payload: { model: backend.modelName, messages: [{ role: 'user', content: 'hi' }], max_tokens: 4 } });
    assert.equal(chat.statusCode, 400, chat.body);
    const err = chat.json<Json>().error;
    assert.equal(err.type, 'invalid_request_error');
    assert.match(err.message, /has no chat template .*\/v1\/completions/);
    const text = await app.inject({ method: 'POST', url: '/v1/completions', payload: { model: backend.modelName, prompt: 'The kernel', max_tokens: 4, temperature: 0, ignore_eos: true } });
    assert.equal(text.statusCode, 200, text.body);
    assert.equal(text.json<Json>().usage.completion_tokens, 4);
  });
});

describe("Ollama's routes (tiny-untied fixture over EngineBackend)", () => {
  let backend: EngineBackend;
  let app: FastifyInstance;
  let model: string;
  const post = (url: string, payload: object) => app.inject({ method: 'POST', url, payload });

  before(async () => {
    backend = await EngineBackend.load(FIXTURE);
    model = backend.modelName;
    app = await buildApp({}, { backend, tokenizer: backend.engine.tokenizer, modelInfo: backend.engine.info, chatTemplate: TEMPLATE, ...SPECIAL });
  });
  after(async () => {
    await app.close();
    await backend.close();
  });

  const greedy = async (ids: number[], n: number) => backend.engine.tokenizer.decode((await backend.engine.generate(ids, { maxTokens: n, stopAtEos: false })).tokens);

  test('tags and show describe the served model', async () => {
    const tags = (await app.inject({ url: '/api/tags' })).json<Json>();
    assert.equal(tags.models.length, 1);
    const [m] = tags.models;
    assert.equal(m.name, `${model}:latest`);
    assert.equal(m.size, backend.engine.info.weights.bytes);
    assert.match(m.digest, /^[0-9a-f]{64}$/);
    assert.equal(m.details.family, backend.engine.info.architecture);
    const show = await post('/api/show', { model: `${model}:latest` });
    assert.equal(show.statusCode, 200, show.body);
    assert.equal(show.json<Json>().model_info[`${backend.engine.info.architecture}.context_length`], backend.engine.info.maxPosition);
    const missing = await post('/api/show', { model: 'llama3' });
    assert.equal(missing.statusCode, 404);
    assert.match(missing.json<Json>().error, /model 'llama3' not found/);
    assert.match((await app.inject({ url: '/api/version' })).json<Json>().version, /^\d+\.\d+\.\d+/);
  });

  test('generate: raw prompt, not streamed, greedy text equals Engine.generate; context continues it', async () => {
    const prompt = 'The quick brown fox';
    const res = await post('/api/generate', { model, prompt, raw: true, stream: false, options: { temperature: 0, num_predict: 6 } });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<Json>();
    const ids = backend.engine.tokenizer.encode(prompt, true);
    assert.equal(body.response, await greedy(ids, 6));
    assert.equal(body.done, true);
    assert.equal(body.eval_count, 6);
    assert.equal(body.prompt_eval_count, ids.length);
    assert.ok(body.eval_duration > 0 && body.total_duration >= body.eval_duration);
    assert.equal(body.context.length, ids.length + 6);
    // The returned context and a new prompt continue the same sequence.
    const next = await post('/api/generate', { model, prompt: ' and', raw: true, context: body.context, stream: false, options: { temperature: 0, num_predict: 3 } });
    assert.equal(next.json<Json>().response, await greedy([...body.context, ...backend.engine.tokenizer.encode(' and', false)], 3));
  });

  test('generate with the chat template, streamed as NDJSON; chat gives the same text as /v1/chat/completions', async () => {
    const res = await post('/api/generate', { model, prompt: 'Hello there', options: { temperature: 0, num_predict: 5 } });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /application\/x-ndjson/);
    const lines = res.body.trim().split('\n').map((l) => JSON.parse(l) as Json);
    assert.equal(lines.at(-1)!.done, true);
    assert.ok(lines.slice(0, -1).every((l) => l.done === false));
    const streamed = lines.map((l) => l.response).join('');
    const messages = [{ role: 'user', content: 'Hello there' }];
    const openai = (await post('/v1/chat/completions', { model, messages, temperature: 0, max_tokens: 5 })).json<Json>();
    assert.equal(streamed, openai.choices[0].message.content);
    const chat = await post('/api/chat', { model, messages, stream: false, options: { temperature: 0, num_predict: 5 } });
    assert.equal(chat.statusCode, 200, chat.body);
    assert.equal(chat.json<Json>().message.content, streamed);
    assert.equal(chat.json<Json>().message.role, 'assistant');
  });

  test('an empty prompt or message list loads the model and generates nothing', async () => {
    assert.equal((await post('/api/generate', { model })).json<Json>().done_reason, 'load');
    assert.equal((await post('/api/chat', { model, messages: [] })).json<Json>().done_reason, 'load');
  });

  test('BAD CALLS - options and fields Infer-OS does not implement are refused by name, in Ollama\'s error shape', async () => {
    const cases: [string, object, RegExp][] = [
      ['/api/generate', { model, prompt: 'hi', options: { top_k: 40 } }, /options\.top_k: not supported/],
      ['/api/generate', { model, prompt: 'hi', images: ['aGk='] }, /images: not supported/],
      ['/api/generate', { model, prompt: 'hi', format: 'json' }, /format: not supported/],
      ['/api/chat', { model, messages: [{ role: 'user', content: 'hi', images: ['aGk='] }] }, /messages\[0\]\.images: not supported/],
      ['/api/generate', { model, prompt: 'hi', options: { num_predict: 1e6 } }, /do not fit the context/],
      ['/api/generate', { model, prompt: 'hi', context: [1e9] }, /not in the vocabulary/],
      ['/api/generate', { model, prompt: 'hi', options: { temperature: 9 } }, /temperature/],
      ['/api/generate', { model, prompt: 'hi', options: { num_predict: 0 } }, /num_predict: 0 generates nothing/],
    ];
    for (const [url, payload, message] of cases) {
      const res = await post(url, payload);
      assert.equal(res.statusCode, 400, `${url} ${JSON.stringify(payload)}: ${res.body}`);
      assert.match(res.json<Json>().error, message);
    }
  });
});
