import { type FileHandle, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ERRNO, fileSystemError, partFileName } from '@dl/core';

/** A file-system error as the task's FILE_SYSTEM error: a missing directory gets its own errno. */
export function toFileSystemError(error: unknown, path: string) {
  const code = (error as NodeJS.ErrnoException).code;
  const errno = code === 'ENOENT' ? ERRNO.FILE_SYSTEM_NO_DIR : ERRNO.FILE_SYSTEM;
  return fileSystemError(`${code ?? 'EIO'}: cannot write ${path}`, errno, error);
}

/**
 * Bytes on their way to `finalPath`: written under a hidden temporary name in the same directory and
 * renamed into place only when complete, so the final name never holds a partial file.
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

  async write(chunk: Uint8Array): Promise<void> {
    let offset = 0;
    while (offset < chunk.byteLength) {
      const { bytesWritten } = await this.handle.write(chunk, offset);
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

  /** Closes and removes the partial bytes; never throws. */
  async discard(): Promise<void> {
    await this.handle.close().catch(() => {});
    await unlink(this.partPath).catch(() => {});
  }
}
