import { access, copyFile, mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename } from 'node:path';
import { type Callbacks, deliver } from './callbacks';
import { fileSystemErrno } from './failures';
import type { Flavour } from './flavour';
import { PathOutsideSandbox, type PathSpace } from './paths';

/** The part of `wx.getFileSystemManager()` tests and adapters need; callback style, like the platform. */
export interface PlatformFileSystemManager {
  access(options: { path: string } & Callbacks): void;
  mkdir(options: { dirPath: string; recursive?: boolean } & Callbacks): void;
  readdir(options: { dirPath: string } & Callbacks): void;
  readFile(
    options: { filePath: string; encoding?: BufferEncoding; position?: number; length?: number } & Callbacks,
  ): void;
  unlink(options: { filePath: string } & Callbacks): void;
  rename(options: { oldPath: string; newPath: string } & Callbacks): void;
  stat(options: { path: string } & Callbacks): void;
  saveFile(options: { tempFilePath: string; filePath?: string } & Callbacks): void;
}

/** What `stat` reports, shaped like the platform's `Stats`. */
export interface PlatformStats {
  size: number;
  lastModifiedTime: number;
  isFile(): boolean;
  isDirectory(): boolean;
}

/**
 * A file-system manager over the emulator's sandbox: paths are platform paths, files are real. Writes are
 * allowed under `USER_DATA_PATH` only; temporary files may be read, removed, or moved out.
 */
export function createFileSystemManager(paths: PathSpace, flavour: Flavour): PlatformFileSystemManager {
  const readable = (path: string) => paths.resolve(path);
  const writable = (path: string) => paths.writable(path);

  /** Runs one call the platform's way: later, then `success` (with `errMsg` and `body`'s fields) or `fail`. */
  function run(api: string, options: Callbacks, body: () => Promise<object | void>): void {
    setTimeout(async () => {
      try {
        deliver(options, 'success', Object.assign({ errMsg: `${api}:ok` }, await body()));
      } catch (error) {
        const { errno, reason } =
          error instanceof PathOutsideSandbox
            ? { errno: 1300013, reason: `permission denied, ${error.path}` }
            : fileSystemErrno(error);
        deliver(options, 'fail', flavour.failure(api, 'file-system', reason, errno));
      }
    });
  }

  async function move(from: string, to: string): Promise<void> {
    try {
      await rename(from, to);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      await copyFile(from, to);
      await unlink(from);
    }
  }

  return {
    access: (o) => run('access', o, async () => access(readable(o.path))),
    mkdir: (o) =>
      run('mkdir', o, async () => {
        await mkdir(writable(o.dirPath), { recursive: o.recursive === true });
      }),
    readdir: (o) => run('readdir', o, async () => ({ files: await readdir(readable(o.dirPath)) })),
    readFile: (o) =>
      run('readFile', o, async () => {
        const path = readable(o.filePath);
        const ranged = flavour.readFileRanges && (o.position !== undefined || o.length !== undefined);
        const bytes = ranged ? await readRange(path, o.position, o.length) : await readFile(path);
        if (o.encoding) return { data: bytes.toString(o.encoding) };
        return { data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) };
      }),
    unlink: (o) => run('unlink', o, async () => unlink(readable(o.filePath))),
    rename: (o) => run('rename', o, async () => move(readable(o.oldPath), writable(o.newPath))),
    stat: (o) =>
      run('stat', o, async () => {
        const s = await stat(readable(o.path));
        const stats: PlatformStats = {
          size: s.size,
          lastModifiedTime: Math.floor(s.mtimeMs / 1000),
          isFile: () => s.isFile(),
          isDirectory: () => s.isDirectory(),
        };
        return { stats };
      }),
    saveFile: (o) =>
      run('saveFile', o, async () => {
        const savedFilePath = o.filePath ?? `${paths.style.userRoot}/${basename(readable(o.tempFilePath))}`;
        await move(readable(o.tempFilePath), writable(savedFilePath));
        return { savedFilePath };
      }),
  };
}

/** WeChat's "Invalid argument": a range outside the file (errno 1300022). */
class InvalidRange extends Error {
  readonly code = 'EINVAL';
}

/**
 * `[position, position + length)` of a file, as WeChat documents `readFile`'s range: `position` in
 * `[0, fileLength - 1]` (from the start when not given), `length` in `[1, fileLength]` (to the end when
 * not given). A range reaching past the end is refused rather than cut short (WeChat does not say which).
 */
async function readRange(path: string, position = 0, length?: number): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const count = length ?? size - position;
    const valid =
      Number.isInteger(position) &&
      Number.isInteger(count) &&
      position >= 0 &&
      position < size &&
      count >= 1 &&
      position + count <= size;
    if (!valid) throw new InvalidRange(`invalid argument, position ${position}, length ${length}`);
    const bytes = Buffer.alloc(count);
    let read = 0;
    while (read < count) {
      const { bytesRead } = await file.read(bytes, read, count - read, position + read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return bytes.subarray(0, read);
  } finally {
    await file.close();
  }
}
