import { close, constants, ftruncate, lstat, open, rename, unlink, writev } from 'node:fs';
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
export function isPartFile(path: string): Promise<boolean> {
  if (!PART_NAME.test(basename(path))) return Promise.resolve(false);
  return new Promise((resolve) => lstat(path, (error, stats) => resolve(!error && stats.isFile())));
}

// The callback forms of node:fs, each wrapped in one promise: a download makes a handful of these calls
// and the FileHandle API costs more per call than the work it wraps (a measurable share of a small file).
const openFd = (path: string, flags: string | number, mode?: number) =>
  new Promise<number>((resolve, reject) =>
    open(path, flags, mode, (error, fd) => (error ? reject(error) : resolve(fd))),
  );
const done = (resolve: () => void, reject: (error: unknown) => void) => (error: unknown) =>
  error ? reject(error) : resolve();

/** All of `chunks` at `position`, in one writev call for as long as the kernel takes them whole. */
function writeAll(fd: number, chunks: readonly Uint8Array[], position: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const write = (rest: readonly Uint8Array[], at: number) => {
      writev(fd, rest as Uint8Array[], at, (error, bytesWritten) => {
        if (error) return reject(error);
        // A short write (rare for a regular file): what is left, from where it stopped.
        let skip = bytesWritten;
        let index = 0;
        while (index < rest.length && skip >= (rest[index] as Uint8Array).byteLength)
          skip -= (rest[index++] as Uint8Array).byteLength;
        if (index === rest.length) return resolve();
        const left = [(rest[index] as Uint8Array).subarray(skip), ...rest.slice(index + 1)];
        write(left, at + bytesWritten);
      });
    };
    write(chunks, position);
  });
}

/**
 * Bytes on their way to `finalPath`: written under a hidden temporary name in the same directory and
 * renamed into place only when complete, so the final name never holds a partial file. A part file
 * outlives a paused or interrupted download, so a later one can continue it.
 */
export class PartFile {
  /** The open descriptor; undefined once closed, so it is never closed twice (its number may be reused). */
  #fd: number | undefined;

  private constructor(
    fd: number,
    readonly partPath: string,
    readonly finalPath: string,
    /** Created empty by this download (not an earlier one's bytes). */
    private readonly created: boolean,
  ) {
    this.#fd = fd;
  }

  /** @param mode permissions of a new file (before the umask); 0o600 keeps a temporary file the user's own. */
  static async create(finalPath: string, mode = 0o666): Promise<PartFile> {
    const partPath = join(dirname(finalPath), partFileName(basename(finalPath)));
    try {
      // 'wx': never reuse a file someone else is writing (nor follow a symlink planted under its name).
      return new PartFile(await openFd(partPath, 'wx', mode), partPath, finalPath, true);
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
      const fd = await openFd(partPath, constants.O_RDWR | constants.O_NOFOLLOW);
      return new PartFile(fd, partPath, finalPath, false);
    } catch (error) {
      throw toFileSystemError(error, finalPath);
    }
  }

  #open(): number {
    if (this.#fd === undefined)
      throw toFileSystemError(Object.assign(new Error('closed'), { code: 'EBADF' }), this.finalPath);
    return this.#fd;
  }

  /** Drops everything after `length` bytes (0: the server sent the whole resource again). */
  async truncate(length: number): Promise<void> {
    // A file this download created is still empty here: nothing to drop, and no call to make.
    if (this.created && length === 0) return;
    const fd = this.#open();
    await new Promise<void>((resolve, reject) => ftruncate(fd, length, done(resolve, reject)));
  }

  /** Writes `chunks` one after another from `position`; a failure is the task's FILE_SYSTEM error. */
  async write(chunks: readonly Uint8Array[], position: number): Promise<void> {
    try {
      await writeAll(this.#open(), chunks, position);
    } catch (error) {
      throw toFileSystemError(error, this.finalPath);
    }
  }

  /** Closes and renames into place (atomic on one file system). */
  async commit(): Promise<void> {
    try {
      await this.#close();
      await new Promise<void>((resolve, reject) =>
        rename(this.partPath, this.finalPath, done(resolve, reject)),
      );
    } catch (error) {
      await this.#unlink();
      throw toFileSystemError(error, this.finalPath);
    }
  }

  /** Closes and keeps the bytes, for a later download to continue; never throws. */
  async close(): Promise<void> {
    await this.#close().catch(() => {});
  }

  /** Closes and removes the partial bytes; never throws. */
  async discard(): Promise<void> {
    await this.#close().catch(() => {});
    await this.#unlink();
  }

  #close(): Promise<void> {
    const fd = this.#fd;
    if (fd === undefined) return Promise.resolve();
    this.#fd = undefined;
    return new Promise((resolve, reject) => close(fd, done(resolve, reject)));
  }

  #unlink(): Promise<void> {
    return new Promise((resolve) => unlink(this.partPath, () => resolve()));
  }
}
