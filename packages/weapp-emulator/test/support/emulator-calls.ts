import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DiskSandbox } from '@dl/conformance/node';
import { contentBytes } from '@dl/test-server/scenarios';
import { expect } from 'vitest';
import type {
  EmulatorOptions,
  MiniProgramEmulator,
  PlatformDownloadOptions,
  PlatformResult,
} from '../../src/index';

/** A fresh emulator whose user-data and temporary directories are the test file's own. */
export async function emulatorIn(
  sandbox: DiskSandbox,
  create: (options: EmulatorOptions) => MiniProgramEmulator,
  options: Omit<EmulatorOptions, 'userDataPath'> = {},
): Promise<MiniProgramEmulator> {
  const dir = await sandbox.freshDir();
  return create({ userDataPath: join(dir, 'usr'), tempPath: join(dir, 'tmp'), ...options });
}

/** Reads a real file back and checks it holds the test server's bytes for `seed`. */
export async function expectContent(real: string, size: number, seed: number): Promise<void> {
  const saved = await readFile(real);
  expect(saved.byteLength).toBe(size);
  expect(Buffer.compare(saved, contentBytes(seed, 0, size))).toBe(0);
}

export interface Outcome {
  outcome: 'success' | 'fail';
  result: PlatformResult;
  headers: PlatformResult[];
  progress: Array<{ progress: number; totalBytesWritten: number; totalBytesExpectedToWrite: number }>;
  /** Callbacks or events that came before `downloadFile` returned. */
  sync: number;
}

/** Runs one platform download to its end, recording its events and callbacks in order. */
export function download(
  platform: MiniProgramEmulator,
  options: PlatformDownloadOptions,
  during?: (task: ReturnType<MiniProgramEmulator['downloadFile']>) => void,
): Promise<Outcome> {
  return new Promise((resolve) => {
    const headers: PlatformResult[] = [];
    const progress: Outcome['progress'] = [];
    let settled: Pick<Outcome, 'outcome' | 'result'> | undefined;
    let returned = false;
    let sync = 0;
    const task = platform.downloadFile({
      ...options,
      success: (result) => {
        if (!returned) sync++;
        settled = { outcome: 'success', result };
      },
      fail: (result) => {
        if (!returned) sync++;
        settled = { outcome: 'fail', result };
      },
      complete: () => resolve({ ...settled!, headers, progress, sync }),
    });
    returned = true;
    task.onHeadersReceived((e) => headers.push(e));
    task.onProgressUpdate((e) => progress.push(e));
    during?.(task);
  });
}

/** Calls a callback-style file-system method as a promise. */
export function fsCall<O extends object>(
  method: (options: O & { success: (r: PlatformResult) => void; fail: (r: PlatformResult) => void }) => void,
  options: O,
): Promise<{ ok: boolean; result: PlatformResult }> {
  return new Promise((resolve) =>
    method({
      ...options,
      success: (result) => resolve({ ok: true, result }),
      fail: (result) => resolve({ ok: false, result }),
    }),
  );
}
