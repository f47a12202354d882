import { DownloadError, ERRNO, fileSystemError } from '@dl/core';

/** Navigator's storage entry point, where the platform has one. */
type StorageWithDirectory = { getDirectory?: () => Promise<FileSystemDirectoryHandle> };

/** Whether this runtime has an Origin Private File System (where `filePath` saves). */
export function hasOriginPrivateFileSystem(): boolean {
  const storage = (globalThis as { navigator?: { storage?: StorageWithDirectory } }).navigator?.storage;
  return typeof storage?.getDirectory === 'function';
}

/** The OPFS root, or a FILE_SYSTEM error that says why there is none. */
async function opfsRoot(): Promise<FileSystemDirectoryHandle> {
  if (!hasOriginPrivateFileSystem()) {
    throw fileSystemError(
      'filePath needs the Origin Private File System (navigator.storage.getDirectory), which this runtime lacks',
    );
  }
  try {
    return await (navigator.storage as StorageWithDirectory).getDirectory!();
  } catch (error) {
    throw toOpfsError(error, '/');
  }
}

/** `a/b/c.bin` or `/a/b/c.bin` as directory names and a file name; `.`/`..`/empty parts are refused. */
export function splitOpfsPath(filePath: string): { dirs: string[]; name: string } {
  const parts = filePath.split('/').filter((part) => part !== '');
  const name = parts.pop();
  if (!name || [...parts, name].some((part) => part === '.' || part === '..')) {
    throw fileSystemError(`invalid OPFS path: ${filePath}`);
  }
  return { dirs: parts, name };
}

/** The directory a `filePath` lives in; it must exist (like a file system, dl creates no directories). */
export async function opfsDirectoryOf(
  filePath: string,
): Promise<{ dir: FileSystemDirectoryHandle; name: string }> {
  const { dirs, name } = splitOpfsPath(filePath);
  return { dir: await opfsDirectory(dirs, filePath), name };
}

/** An existing directory of the OPFS, by its names from the root. */
async function opfsDirectory(dirs: readonly string[], filePath: string): Promise<FileSystemDirectoryHandle> {
  let dir = await opfsRoot();
  for (const part of dirs) {
    try {
      dir = await dir.getDirectoryHandle(part);
    } catch (error) {
      throw toOpfsError(error, filePath);
    }
  }
  return dir;
}

// What partFileName() makes: `.<name>.<12 hex>.part`. A partial handed back in `resumeData` is only
// touched (sized, continued, removed) when it has this shape, never any other file a caller names.
const PART_NAME = /^\..+\.[0-9a-f]{12}\.part$/;

/** Whether `name` is the part-file name dl gives the file `finalName` while it downloads. */
export function isPartNameOf(name: string, finalName: string): boolean {
  return PART_NAME.test(name) && name.startsWith(`.${finalName}.`) && name.length === finalName.length + 19;
}

/** The directory and handle of a part file dl wrote, named by its OPFS path; undefined for anything else. */
async function opfsPartFile(
  path: string,
): Promise<{ dir: FileSystemDirectoryHandle; name: string; file: FileSystemFileHandle } | undefined> {
  if (!hasOriginPrivateFileSystem()) return undefined;
  try {
    const { dir, name } = await opfsDirectoryOf(path);
    if (!PART_NAME.test(name)) return undefined;
    return { dir, name, file: await dir.getFileHandle(name) };
  } catch {
    return undefined;
  }
}

/** The size of a part file in the OPFS, or undefined when it is gone or not one of dl's. */
export async function opfsPartSize(path: string): Promise<number | undefined> {
  const part = await opfsPartFile(path);
  return part ? (await part.file.getFile()).size : undefined;
}

/** Removes a part file from the OPFS; nothing happens for one that is gone or not one of dl's. */
export async function removeOpfsPart(path: string): Promise<void> {
  const part = await opfsPartFile(path);
  await part?.dir.removeEntry(part.name).catch(() => {});
}

/** A DOMException from OPFS as the task's FILE_SYSTEM error; a missing directory gets its own errno. */
export function toOpfsError(error: unknown, path: string): DownloadError {
  if (error instanceof DownloadError) return error;
  const name = (error as { name?: string } | undefined)?.name ?? 'Error';
  const errno =
    name === 'NotFoundError' || name === 'TypeMismatchError' ? ERRNO.FILE_SYSTEM_NO_DIR : ERRNO.FILE_SYSTEM;
  const message = (error as { message?: string } | undefined)?.message;
  return fileSystemError(`${name}: cannot write ${path}${message ? ` (${message})` : ''}`, errno, error);
}
