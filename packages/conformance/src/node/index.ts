/**
 * Helpers for conformance targets running in Node: a private directory tree on disk, so every adapter's
 * test file does not repeat it.
 * @packageDocumentation
 */
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** A directory tree of the suite's own under the system's temporary directory, removed after the file. */
export interface DiskSandbox {
  root: string;
  /** A new empty directory under the root. */
  freshDir(): Promise<string>;
  /** The names in a directory, or none when it does not exist (yet). */
  entries(dir: string): Promise<string[]>;
}

export async function diskSandbox(prefix: string): Promise<DiskSandbox> {
  const root = await mkdtemp(join(tmpdir(), `${prefix}-`));
  let dirs = 0;
  afterAll(() => rm(root, { recursive: true, force: true }));
  return {
    root,
    async freshDir() {
      const dir = join(root, `dir-${++dirs}`);
      await mkdir(dir);
      return dir;
    },
    entries: (dir) => readdir(dir).catch(() => [] as string[]),
  };
}
