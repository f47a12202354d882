import { constants } from 'node:fs';
import { type FileHandle, lstat, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ERRNO, fileSystemError, partFileName } from '@dl/core';

/** A file-system error as the task's FILE_SYSTEM error: a missing directory gets its own errno. */
export function toFileSystemError(error: unknown, path: string) {
  const code = (error as NodeJS.ErrnoException).code;
  const errno = code === 'ENOENT' ? ERRNO.FILE_SYSTEM_NO_DIR : ERRNO.FILE_SYSTEM;
  return fileSystemError(`${code ?? 'EIO'}: cannot write ${path}`, errno, error);
}

// What partFileName() makes: `.<name>.<12 hex>.part`. A partial handed back in `resumeData` is only
// touched (appended to, truncated, removed) when it has this shape, never any other file a caller names.
const PART_NAME = /^\..+\.[0-9a-f]{12}\.part$/;

/** Whether `path` names a part file dl wrote (by its name, and a regular file that is no symlink). */
export async function isPartFile(path: string): Promise<boolean> {
  if (!PART_NAME.test(basename(path))) return false;
  const stats = await lstat(path).catch(() => undefined);
  return stats?.isFile() === true;
}

/**
 * Bytes on their way to `finalPath`: written under a hidden temporary name in the same directory and
 * renamed into place only when complete, so the final name never holds a partial file. A part file
 * outlives a paused or interrupted download, so a later one can continue it.
 */
export class PartFile {
  private constructor(
    private readonly handle: FileHandle,
    readonly partPath: string,
    readonly finalPath: string,
  ) {}

  /** @param mode permissions of a new file (before the umask); 0o600 keeps a temporary file the user's own. */
  static async create(finalPath: string, mode = 0o666): Promise<PartFile> {
    const partPath = join(dirname(finalPath), partFileName(basename(finalPath)));
    try {
      // 'wx': never reuse a file someone else is writing (nor follow a symlink planted under its name).
      return new PartFile(await open(partPath, 'wx', mode), partPath, finalPath);
    } catch (error) {
      throw toFileSystemError(error, finalPath);
    }
  }

  /** Opens an earlier download's part file to continue it (appending at `offset`). */
  static async reopen(partPath: string, finalPath: string): Promise<PartFile> {
    try {
      if (!(await isPartFile(partPath)))
        throw Object.assign(new Error('not a part file'), { code: 'EINVAL' });
      // No symlink is followed, even one swapped in after the check.
      const handle = await open(partPath, constants.O_RDWR | constants.O_NOFOLLOW);
      return new PartFile(handle, partPath, finalPath);
    } catch (error) {
      throw toFileSystemError(error, finalPath);
    }
  }

  /** Drops everything after `length` bytes (0: the server sent the whole resource again). */
  async truncate(length: number): Promise<void> {
    await this.handle.truncate(length);
  }

  async write(chunk: Uint8Array, position: number): Promise<void> {
    let offset = 0;
    while (offset < chunk.byteLength) {
      const { bytesWritten } = await this.handle.write(
        chunk,
        offset,
        chunk.byteLength - offset,
        position + offset,
      );
      offset += bytesWritten;
    }
  }

  /** Closes and renames into place (atomic on one file system). */
  async commit(): Promise<void> {
    try {
      await this.handle.close();
      await rename(this.partPath, this.finalPath);
    } catch (error) {
      await unlink(this.partPath).catch(() => {});
      throw toFileSystemError(error, this.finalPath);
    }
  }

  /** Closes and keeps the bytes, for a later download to continue; never throws. */
  async close(): Promise<void> {
    await this.handle.close().catch(() => {});
  }

  /** Closes and removes the partial bytes; never throws. */
  async discard(): Promise<void> {
    await this.handle.close().catch(() => {});
    await unlink(this.partPath).catch(() => {});
  }
}
