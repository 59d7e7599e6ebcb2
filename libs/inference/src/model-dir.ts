// An exported model directory (written by `inferos export`): inferos.json describes the graphs (format 11:
// model-s000.onnx ..., one per segment; format 10: model.onnx) and the tokenizer, which sit beside it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BUNDLED_MODEL = join('models', 'inferos-tiny', 'onnx');
export const MODEL_FORMAT = 'inferos-onnx';
export const MODEL_FORMAT_VERSION = 10;
/** Format 11: the graph without attention (`inferos export --attention native`); the runtime attends. */
export const MODEL_FORMAT_VERSION_NATIVE = 11;

/** How the model's weights are stored and computed (see tools/inferos_tools/weights.py). */
export type WeightType = 'fp32' | 'fp16' | 'int8' | 'int4';
const WEIGHT_TYPES: readonly WeightType[] = ['fp32', 'fp16', 'int8', 'int4'];

/** What the runtime needs to know about an exported model (from its inferos.json). */
export interface ModelInfo {
  /** Absolute path of the model directory. */
  dir: string;
  name: string;
  /** model_type of the checkpoint it was exported from (llama, mistral, qwen2). */
  architecture: string;
  /**
   * Weight type and the bytes of the weights file every graph reads; int8Copy: int4 projections also held
   * as int8, for runs of several rows (export --int8-copy).
   */
  weights: { type: WeightType; bytes: number; int8Copy: boolean };
  vocabSize: number;
  numLayers: number;
  numAttentionHeads: number;
  /** KV heads (fewer than attention heads under grouped-query attention). */
  numKvHeads: number;
  headDim: number;
  /** The longest sequence the model's RoPE table covers. */
  maxPosition: number;
  parameters: number;
  bosTokenId: number | null;
  eosTokenIds: number[];
  chatTemplate: string | null;
  /** Absolute path of the ONNX graph for each KV group size it serves (one graph serves them all). */
  graphs: Map<number, string>;
  /** The group size whose graph serves the full-precision baseline. */
  defaultGroup: number;
  /** Steps of at least this many new tokens take the graph's prefill path (per-head attention). */
  prefillMinTokens: number;
  tokenizerPath: string;
  /**
   * Where attention runs: 'graph' (format 10: inside the ONNX graph, over the tiers fed to it) or 'native'
   * (format 11: the graph's segments run one per layer and @inferos/attention attends between them).
   */
  attention: 'graph' | 'native';
  /** Softmax scale of attention (format 11: the runtime applies it; format 10: inside the graph). */
  softmaxScale: number;
  /** Format 11: absolute paths of the segment graphs, in order (L + 1); empty for format 10. */
  segments: string[];
}

export class ModelDirError extends Error {
  override name = 'ModelDirError';
}

/** The bundled model: $INFEROS_MODEL, else models/inferos-tiny/onnx in the nearest enclosing checkout. */
export function defaultModelDir(): string {
  const fromEnv = process.env['INFEROS_MODEL'];
  if (fromEnv) return resolve(fromEnv);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, BUNDLED_MODEL);
    if (existsSync(join(candidate, 'inferos.json'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new ModelDirError(`bundled model not found (looked for ${BUNDLED_MODEL}/inferos.json above this package); pass --model DIR or set INFEROS_MODEL`);
}

/**
 * A text to run a model on for speed and context: the model's held-out slice (heldout.txt), else the
 * bundled model's (any text serves as context when only speed is measured). Undefined when neither exists.
 */
export function contextTextPath(info: Pick<ModelInfo, 'dir'>): string | undefined {
  const dirs = [info.dir];
  try {
    dirs.push(defaultModelDir());
  } catch {
    // no bundled model: only the model's own text
  }
  return dirs.map((d) => join(d, 'heldout.txt')).find((p) => existsSync(p));
}

function field<T>(meta: Record<string, unknown>, key: string, kind: 'number' | 'string', file: string): T {
  const v = meta[key];
  if (typeof v !== kind) throw new ModelDirError(`${file}: "${key}" must be a ${kind}, got ${JSON.stringify(v)}`);
  return v as T;
}

export function loadModelInfo(dirArg: string): ModelInfo {
  const dir = resolve(dirArg);
  const file = join(dir, 'inferos.json');
  if (!existsSync(file)) {
    throw new ModelDirError(`${dir} is not an exported model directory (no inferos.json); export one with \`inferos export --checkpoint DIR --out DIR\``);
  }
  let meta: Record<string, unknown>;
  try {
    meta = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new ModelDirError(`${file}: not valid JSON`, { cause: err });
  }
  const version = meta['format_version'];
  if (meta['format'] !== MODEL_FORMAT || (version !== MODEL_FORMAT_VERSION && version !== MODEL_FORMAT_VERSION_NATIVE)) {
    throw new ModelDirError(`${file}: format ${String(meta['format'])} v${String(version)} is not ${MODEL_FORMAT} v${MODEL_FORMAT_VERSION} or v${MODEL_FORMAT_VERSION_NATIVE}; re-export the model`);
  }
  const graph = meta['graph'] as Record<string, unknown> | undefined;
  if (!graph || graph['kv_dtype'] !== 'float32') throw new ModelDirError(`${file}: graph.kv_dtype must be float32`);
  // One graph serves every KV group size it lists, prefill and decode (it picks the path inside).
  const graphFile = field<string>(graph, 'file', 'string', file);
  const sizes = graph['group_sizes'];
  if (!Array.isArray(sizes) || sizes.length === 0 || !sizes.every((g) => Number.isInteger(g))) {
    throw new ModelDirError(`${file}: graph.group_sizes must list the KV group sizes the graph serves`);
  }
  const graphs = new Map<number, string>((sizes as number[]).map((g) => [g, join(dir, graphFile)]));
  const prefillMinTokens = field<number>(graph, 'prefill_min_tokens', 'number', file);
  const defaultGroup = field<number>(graph, 'default_group', 'number', file);
  if (!graphs.has(defaultGroup)) throw new ModelDirError(`${file}: graph.default_group ${defaultGroup} has no graph`);
  const tokenizerPath = join(dir, field<string>(meta, 'tokenizer', 'string', file));
  for (const p of [...new Set(graphs.values()), join(dir, field<string>(graph, 'weights', 'string', file)), tokenizerPath]) {
    if (!existsSync(p)) throw new ModelDirError(`${dir}: missing ${p}`);
  }
  const w = meta['weights'] as Record<string, unknown> | undefined;
  if (!w || !WEIGHT_TYPES.includes(w['type'] as WeightType) || typeof w['bytes'] !== 'number') {
    throw new ModelDirError(`${file}: "weights" must give a type (${WEIGHT_TYPES.join(', ')}) and bytes`);
  }
  const attention = version === MODEL_FORMAT_VERSION_NATIVE ? 'native' : 'graph';
  if ((graph['attention'] ?? 'graph') !== attention) throw new ModelDirError(`${file}: graph.attention ${String(graph['attention'])} does not match format v${String(version)}`);
  const softmaxScale = attention === 'native' ? field<number>(graph, 'softmax_scale', 'number', file) : NaN;
  const segmentFiles = attention === 'native' ? graph['segments'] : [];
  const numLayers = field<number>(meta, 'num_layers', 'number', file);
  if (!Array.isArray(segmentFiles) || !segmentFiles.every((f) => typeof f === 'string') || (attention === 'native' && segmentFiles.length !== numLayers + 1)) {
    throw new ModelDirError(`${file}: graph.segments must list ${numLayers + 1} segment graphs (format 11)`);
  }
  const segments = (segmentFiles as string[]).map((f) => join(dir, f));
  for (const p of segments) if (!existsSync(p)) throw new ModelDirError(`${dir}: missing ${p}`);
  const eos = meta['eos_token_ids'];
  const bos = meta['bos_token_id'];
  const template = meta['chat_template'];
  return {
    dir,
    name: field<string>(meta, 'name', 'string', file),
    architecture: field<string>(meta, 'architecture', 'string', file),
    weights: { type: w['type'] as WeightType, bytes: w['bytes'] as number, int8Copy: w['int8_copy'] === true },
    vocabSize: field<number>(meta, 'vocab_size', 'number', file),
    numLayers: field<number>(meta, 'num_layers', 'number', file),
    numAttentionHeads: field<number>(meta, 'num_attention_heads', 'number', file),
    numKvHeads: field<number>(meta, 'num_kv_heads', 'number', file),
    headDim: field<number>(meta, 'head_dim', 'number', file),
    maxPosition: field<number>(meta, 'max_position_embeddings', 'number', file),
    parameters: field<number>(meta, 'parameters', 'number', file),
    bosTokenId: typeof bos === 'number' ? bos : null,
    eosTokenIds: Array.isArray(eos) ? eos.filter((e): e is number => typeof e === 'number') : [],
    chatTemplate: typeof template === 'string' ? template : null,
    graphs,
    defaultGroup,
    prefillMinTokens,
    tokenizerPath,
    attention,
    softmaxScale,
    segments,
  };
}
