// Shared-memory segments: files in a tmpfs directory (/dev/shm on Linux) mapped into every process that
// opens them. The creator owns the name and unlinks it; segment names carry the creator's pid so that a
// later start can sweep what a crashed process left behind.
//
// Windows (native/shm_win.c; compile-checked here, not run): named file mappings backed by the paging
// file, in the `Local\` namespace, or `Global\` with INFEROS_SHM_NAMESPACE=Global (services in session 0
// and user processes then share them; creating one needs SeCreateGlobalPrivilege, which services have).
// A mapping lives while a handle or view refers to it: unlink() has nothing to remove (the creator's
// view keeps it until collected), there is nothing to sweep, and no directory to list.
import { readdirSync, unlinkSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadNative } from './native';

/** Where segments live: INFEROS_SHM_DIR, else /dev/shm. */
export function shmDir(): string {
  return process.env['INFEROS_SHM_DIR'] ?? '/dev/shm';
}

const NAME = /^[a-z0-9][a-z0-9._-]{0,200}$/;
const WINDOWS = process.platform === 'win32';

/** Windows: the kernel object namespace of segment names (Local, or Global for services). */
function windowsNamespace(): string {
  const ns = process.env['INFEROS_SHM_NAMESPACE'] ?? 'Local';
  if (ns !== 'Local' && ns !== 'Global') throw new RangeError(`INFEROS_SHM_NAMESPACE must be Local or Global, got ${JSON.stringify(ns)}`);
  return ns;
}

export class Segment {
  private constructor(
    readonly name: string,
    readonly bytes: number,
    readonly buffer: ArrayBuffer,
    private readonly owner: boolean,
  ) {}

  static path(name: string): string {
    if (!NAME.test(name)) throw new RangeError(`segment name ${JSON.stringify(name)}: expected [a-z0-9._-], at most 200 characters`);
    return WINDOWS ? `${windowsNamespace()}\\${name}` : join(shmDir(), name);
  }

  /** Create a new zero-filled segment (fails if the name exists). */
  static create(name: string, bytes: number): Segment {
    if (!Number.isSafeInteger(bytes) || bytes <= 0) throw new RangeError(`segment ${name}: bytes must be a positive integer, got ${bytes}`);
    return new Segment(name, bytes, loadNative().map(Segment.path(name), bytes, true), true);
  }

  /** Map an existing segment created by another process. */
  static open(name: string, bytes: number): Segment {
    return new Segment(name, bytes, loadNative().map(Segment.path(name), bytes, false), false);
  }

  static exists(name: string): boolean {
    return WINDOWS ? loadNative().exists!(Segment.path(name)) : existsSync(Segment.path(name));
  }

  /** Remove the name (the creator does this; mappings stay valid until they are collected). */
  unlink(): void {
    if (!this.owner) throw new Error(`segment ${this.name}: only its creator unlinks it`);
    if (WINDOWS) return; // the mapping goes with its last view
    try {
      unlinkSync(Segment.path(this.name));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
}

/** Names of segments `<prefix>-<pid>-...` whose creating process is gone; removed. Returns what was swept. */
export function sweepStale(prefix: string): { name: string; bytes: number }[] {
  if (WINDOWS) return []; // a dead process's mappings died with its views
  const dir = shmDir();
  if (!existsSync(dir)) return [];
  const swept: { name: string; bytes: number }[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(`${prefix}-`)) continue;
    const pid = Number(name.slice(prefix.length + 1).split('-')[0]);
    if (!Number.isSafeInteger(pid) || pid <= 0 || alive(pid)) continue;
    const path = join(dir, name);
    const bytes = statSync(path).size;
    unlinkSync(path);
    swept.push({ name, bytes });
  }
  return swept;
}

/** Segments `<prefix>-...` present now (for tests and reports). */
export function listSegments(prefix: string): string[] {
  if (WINDOWS) throw new Error('listSegments: Windows has no directory of named mappings to list');
  const dir = shmDir();
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((n) => n.startsWith(`${prefix}-`));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
