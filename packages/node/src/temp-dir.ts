import { lstat, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileSystemError } from '@dl/core';
import { toFileSystemError } from './part-file';

/** The current user's id, where the platform has one (not on Windows). */
const currentUid = (): number | undefined =>
  typeof process.getuid === 'function' ? process.getuid() : undefined;

/**
 * The default temporary directory: one per user under `os.tmpdir()` (`dl-<uid>`), so another local user
 * can neither read the downloads nor plant a symlink or a file under a name dl will write.
 */
export function defaultTempDir(): string {
  const uid = currentUid();
  return join(tmpdir(), uid === undefined ? 'dl' : `dl-${uid}`);
}

/**
 * Creates `dir` with mode 0700 if it is missing, then checks what is really there (without following a
 * symlink): a directory, owned by this user, with no group or other permission bits. Anything else — a
 * symlink, a file, someone else's directory, a directory others may enter — is refused with FILE_SYSTEM
 * naming the problem, because files written there could be read or replaced by another user.
 */
export async function ensurePrivateDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw toFileSystemError(error, dir);
  }
  let stats: Awaited<ReturnType<typeof lstat>>;
  try {
    stats = await lstat(dir);
  } catch (error) {
    throw toFileSystemError(error, dir);
  }
  const refuse = (problem: string) => fileSystemError(`unsafe temporary directory ${dir}: ${problem}`);
  if (stats.isSymbolicLink()) throw refuse('it is a symbolic link');
  if (!stats.isDirectory()) throw refuse('it is not a directory');
  const uid = currentUid();
  if (uid === undefined) return; // Windows: per-user temp directories are private already.
  if (stats.uid !== uid) throw refuse(`it is owned by uid ${stats.uid}, not ${uid}`);
  if ((stats.mode & 0o077) !== 0)
    throw refuse(`its mode is ${(stats.mode & 0o777).toString(8)}, not private (700)`);
}

/**
 * The temporary directory of one downloader, checked once and then trusted until it disappears:
 * `get()` resolves to the directory, `forget()` makes the next `get()` create and check it again.
 */
export class TempDir {
  #ready: Promise<string> | undefined;

  /** @param strict check ownership and mode (the default directory); a caller's own is only created. */
  constructor(
    readonly path: string,
    private readonly strict: boolean,
  ) {}

  get(): Promise<string> {
    if (!this.#ready) {
      const ready = this.strict
        ? ensurePrivateDir(this.path)
        : mkdir(this.path, { recursive: true }).then(
            () => {},
            (error: unknown) => {
              throw toFileSystemError(error, this.path);
            },
          );
      this.#ready = ready.then(() => this.path);
      // A failure is not cached: the next task tries again (the directory may have been fixed).
      this.#ready.catch(() => {
        this.#ready = undefined;
      });
    }
    return this.#ready;
  }

  forget(): void {
    this.#ready = undefined;
  }
}
