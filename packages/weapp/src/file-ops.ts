import { errorMessage } from '@dl/core';
import type { PlatformFailResult } from './errno';
import type { PlatformFileSystem, PlatformReadFileResult } from './platform';

/** Calls one callback-style file-system method as a promise; rejects with the platform's fail result. */
function call<T>(
  method: ((options: never) => void) | undefined,
  fs: PlatformFileSystem,
  options: Record<string, unknown>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (typeof method !== 'function') {
      reject({ errMsg: 'file system method not supported' } satisfies PlatformFailResult);
      return;
    }
    try {
      (method as (o: unknown) => void).call(fs, {
        ...options,
        success: (result: T) => resolve(result),
        fail: (result: PlatformFailResult) => reject(result),
      });
    } catch (error) {
      reject({ errMsg: errorMessage(error) });
    }
  });
}

/** Size of a saved file, or undefined when the platform cannot tell. */
export async function fileSize(
  fs: PlatformFileSystem | undefined,
  path: string,
): Promise<number | undefined> {
  if (!fs) return undefined;
  try {
    const { stats } = await call<{ stats: { size: number } }>(fs.stat, fs, { path });
    return typeof stats?.size === 'number' ? stats.size : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Moves a finished temporary file to the caller's `filePath` in one step (`saveFile`, else `rename`), so
 * the name never holds a partial file. Rejects with the platform's fail result.
 */
export function moveInto(fs: PlatformFileSystem, tempFilePath: string, filePath: string): Promise<unknown> {
  if (typeof fs.saveFile === 'function') return call(fs.saveFile, fs, { tempFilePath, filePath });
  return call(fs.rename, fs, { oldPath: tempFilePath, newPath: filePath });
}

/** Whether the platform can move a temporary file into place. */
export function canMove(fs: PlatformFileSystem | undefined): fs is PlatformFileSystem {
  return typeof fs?.saveFile === 'function' || typeof fs?.rename === 'function';
}

/** Removes a file; never rejects (cleanup must not hide the real outcome). */
export async function removeFile(fs: PlatformFileSystem | undefined, filePath: string): Promise<void> {
  if (!fs) return;
  await call(fs.unlink, fs, { filePath }).catch(() => {});
}

/**
 * A file's bytes, or the `length` bytes from `position` when a range is given (see `readFile`). Rejects
 * with the platform's fail result, or when the platform gave text instead of bytes.
 */
export async function readBytes(
  fs: PlatformFileSystem,
  filePath: string,
  range?: { position: number; length: number },
): Promise<Uint8Array> {
  const { data } = await call<PlatformReadFileResult>(fs.readFile, fs, { filePath, ...range });
  // An ArrayBuffer of the platform's realm fails `instanceof`: read by shape.
  const buffer = data as ArrayBuffer | undefined;
  if (typeof buffer !== 'object' || buffer === null || typeof buffer.byteLength !== 'number') {
    throw { errMsg: 'readFile gave no bytes' } satisfies PlatformFailResult;
  }
  return new Uint8Array(buffer);
}
