// Shared-memory segments: files in a tmpfs directory (/dev/shm on Linux) mapped into every process that
// opens them. The creator owns the name and unlinks it; segment names carry the creator's pid so that a
// later start can sweep what a crashed process left behind.
//
// Windows (not built here) maps onto the same interface: CreateFileMappingW(INVALID_HANDLE_VALUE, ...,
// size, L"Global\\inferos-...") in the creator and OpenFileMappingW + MapViewOfFile in readers; the
// `Global\` namespace lets services in session 0 and user processes share it (the creator needs
// SeCreateGlobalPrivilege, which services have). A mapping dies with its last handle, so no sweep is needed.
import { readdirSync, unlinkSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadNative } from './native';

/** Where segments live: INFEROS_SHM_DIR, else /dev/shm. */
export function shmDir(): string {
  return process.env['INFEROS_SHM_DIR'] ?? '/dev/shm';
}

const NAME = /^[a-z0-9][a-z0-9._-]{0,200}$/;

export class Segment {
  private constructor(
    readonly name: string,
    readonly bytes: number,
    readonly buffer: ArrayBuffer,
    private readonly owner: boolean,
  ) {}

  static path(name: string): string {
    if (!NAME.test(name)) throw new RangeError(`segment name ${JSON.stringify(name)}: expected [a-z0-9._-], at most 200 characters`);
    return join(shmDir(), name);
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
    return existsSync(Segment.path(name));
  }

  /** Remove the name (the creator does this; mappings stay valid until they are collected). */
  unlink(): void {
    if (!this.owner) throw new Error(`segment ${this.name}: only its creator unlinks it`);
    try {
      unlinkSync(Segment.path(this.name));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
}

/** Names of segments `<prefix>-<pid>-...` whose creating process is gone; removed. Returns what was swept. */
export function sweepStale(prefix: string): { name: string; bytes: number }[] {
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
