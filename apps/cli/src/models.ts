// `inferos models`: the model directories this machine has, with what a user picks a model by.
// Looked for: the bundled model, every directory with an inferos.json directly under the repository's
// models/ (or one level deeper, as models/NAME/onnx), under each directory of $INFEROS_MODELS (colon-
// separated), and the directories given on the command line.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultModelDir, loadModelInfo, ModelDirError, type ModelInfo } from '@inferos/inference';

export interface ModelEntry {
  name: string;
  dir: string;
  bundled: boolean;
  architecture: string;
  parameters: number;
  weights: string;
  weights_bytes: number;
  context: number;
  layers: number;
  kv_heads: number;
  head_dim: number;
  group_sizes: number[];
  chat_template: boolean;
}

/** Model directories at `root` itself, or one or two levels below it. */
function candidates(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string, depth: number) => {
    if (existsSync(join(dir, 'inferos.json'))) {
      out.push(dir);
      return;
    }
    if (depth === 0) return;
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const n of names.sort()) {
      const p = join(dir, n);
      let isDir = false;
      try {
        isDir = statSync(p).isDirectory();
      } catch {
        continue; // unreadable: not ours to list
      }
      if (!n.startsWith('.') && isDir) visit(p, depth - 1);
    }
  };
  visit(resolve(root), 2);
  return out;
}

export function listModels(extraDirs: readonly string[] = []): { models: ModelEntry[]; errors: { dir: string; error: string }[] } {
  const bundled = defaultModelDir();
  const repoModels = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'models');
  const roots = [repoModels, bundled, ...(process.env['INFEROS_MODELS'] ?? '').split(':').filter(Boolean), ...extraDirs];
  const dirs = [...new Set(roots.flatMap(candidates))];
  const models: ModelEntry[] = [];
  const errors: { dir: string; error: string }[] = [];
  for (const dir of dirs) {
    let info: ModelInfo;
    try {
      info = loadModelInfo(dir);
    } catch (err) {
      if (err instanceof ModelDirError) {
        errors.push({ dir, error: err.message });
        continue;
      }
      throw err;
    }
    models.push({
      name: info.name, dir: info.dir, bundled: resolve(info.dir) === resolve(bundled), architecture: info.architecture,
      parameters: info.parameters, weights: info.weights.type + (info.weights.int8Copy ? '+int8' : ''), weights_bytes: info.weights.bytes,
      context: info.maxPosition, layers: info.numLayers, kv_heads: info.numKvHeads, head_dim: info.headDim,
      group_sizes: [...info.graphs.keys()].sort((a, b) => a - b), chat_template: info.chatTemplate !== null,
    });
  }
  return { models, errors };
}

export function formatModels(list: ReturnType<typeof listModels>): string {
  const rows = list.models.map((m) => [
    m.name + (m.bundled ? ' (bundled)' : ''), m.architecture, `${(m.parameters / 1e6).toFixed(1)}M`, m.weights,
    `${(m.weights_bytes / 2 ** 20).toFixed(0)} MiB`, String(m.context), m.group_sizes.join(','), m.chat_template ? 'yes' : 'no', m.dir,
  ]);
  const head = ['NAME', 'ARCH', 'PARAMS', 'WEIGHTS', 'SIZE', 'CONTEXT', 'KV GROUPS', 'CHAT', 'DIR'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  const out = [line(head), ...rows.map(line)];
  for (const e of list.errors) out.push(`skipped ${e.dir}: ${e.error}`);
  return out.join('\n') + '\n';
}
