import type { AbortSignalLike, IntegrityAlgorithm } from '@dl/types';
import type { PlatformFailResult } from './errno';
import { readBytes } from './file-ops';
import type { IntegrityHasher } from './hasher';
import type { PlatformFileSystem } from './platform';

/** Bytes read at a time: memory stays bounded, far below the 100 MB WeChat allows one readFile (mini-games). */
export const READ_CHUNK = 1024 * 1024;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Bytes handed over whole, hashed a chunk at a time with a task turn between chunks: one update of a large
 * file would hold the logic layer (its timers, the app's taps, an abort) for seconds.
 */
async function updateByChunks(
  hash: { update(bytes: Uint8Array): void },
  bytes: Uint8Array,
  signal: AbortSignalLike,
): Promise<void> {
  for (let at = 0; at < bytes.byteLength; at += READ_CHUNK) {
    if (at > 0) await nextTask();
    if (signal.aborted) throw signal.reason;
    hash.update(bytes.subarray(at, at + READ_CHUNK));
  }
}

/**
 * The base64 digest of a saved file, read back through the file-system manager a chunk at a time. A
 * platform that ignores `position`/`length` (Alipay documents neither) hands the whole file over at the
 * first read: that is hashed a chunk at a time too. Stops at the next chunk once `signal` aborts (rejects
 * with its reason); rejects with the platform's fail result when a read fails.
 */
export async function hashFile(
  fs: PlatformFileSystem,
  path: string,
  size: number | undefined,
  hasher: IntegrityHasher,
  algorithm: IntegrityAlgorithm,
  signal: AbortSignalLike,
): Promise<string> {
  const hash = hasher.create(algorithm);
  // Without a size (no `stat`), one read of the whole file is all there is.
  if (size === undefined) {
    await updateByChunks(hash, await readBytes(fs, path), signal);
    if (signal.aborted) throw signal.reason;
    return hash.digest();
  }
  // An empty file is not read: WeChat refuses a position in a file of no bytes.
  for (let position = 0; position < size; ) {
    if (signal.aborted) throw signal.reason;
    const length = Math.min(READ_CHUNK, size - position);
    const bytes = await readBytes(fs, path, { position, length });
    if (position === 0 && bytes.byteLength === size) {
      await updateByChunks(hash, bytes, signal);
      break;
    }
    if (bytes.byteLength !== length) {
      throw { errMsg: `readFile gave ${bytes.byteLength} bytes, not ${length}` } satisfies PlatformFailResult;
    }
    hash.update(bytes);
    position += length;
  }
  if (signal.aborted) throw signal.reason;
  return hash.digest();
}
