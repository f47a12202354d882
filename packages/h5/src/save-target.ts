import { type DownloadJob, fileSystemError, partFileName } from '@dl/core';
import { dropMemoryPartial, isMemoryPartial, MemoryWriter, memoryPartialSize } from './memory-partials';
import { createObjectUrl, releaseFile } from './object-url';
import {
  isPartNameOf,
  opfsDirectoryOf,
  opfsPartSize,
  removeOpfsPart,
  splitOpfsPath,
  toOpfsError,
} from './opfs';
import { afterRelease, claimPartial, isWriting, released, releasePartial } from './partial-writers';

/**
 * Where a download's bytes go while they arrive, and how they become the task's result. The bytes are
 * the task's partial (`DownloadJob.saving`): when an attempt fails or is stopped they are closed and
 * kept, and the task continues them (pause, retry, resumeData) or drops them (`dropPartial`).
 */
export interface SaveTarget {
  /** The handle of the partial: a memory id, or the OPFS path of the part file. */
  readonly partial: string;
  /** Where this response's body goes: after `offset` saved bytes (`continuesAt`), or from 0 over them. */
  startAt(offset: number): void | Promise<void>;
  write(chunk: Uint8Array | Blob): void | Promise<void>;
  /** The bytes are all there: closed, and handed back to be hashed. */
  complete(contentType: string | undefined): Promise<Blob>;
  /** Makes the completed bytes the caller's file. */
  commit(): Promise<{ tempFilePath: string } | { filePath: string }>;
  /** The attempt failed or was stopped: the bytes stay, for the task to continue or drop. Never throws. */
  close(): Promise<void>;
}

/** Without `filePath`: chunks kept in memory (the partial), turned into one object URL at the end. */
class ObjectUrlTarget implements SaveTarget {
  #blob: Blob | undefined;

  constructor(private readonly writer: MemoryWriter) {}

  get partial(): string {
    return this.writer.id;
  }

  startAt(offset: number): void {
    this.writer.truncate(offset);
  }

  write(chunk: Uint8Array | Blob): void {
    this.writer.write(chunk);
  }

  async complete(contentType: string | undefined): Promise<Blob> {
    // The partial leaves the store here: from now on only this Blob holds the bytes.
    this.#blob = this.writer.take(contentType);
    return this.#blob;
  }

  async commit() {
    const tempFilePath = createObjectUrl(this.#blob as Blob);
    this.#blob = undefined;
    releasePartial(this.partial);
    return { tempFilePath };
  }

  async close(): Promise<void> {
    this.#blob = undefined;
    this.writer.compact();
    releasePartial(this.partial);
  }
}

/**
 * With `filePath`: streamed into the Origin Private File System under a hidden part file in the
 * target's directory, and moved onto the caller's name only once complete, so that name never holds a
 * partial file. Where `move()` is missing the finished bytes are written to the caller's name through
 * one `createWritable()`, which browsers also commit all at once on `close()`. A writable stream's bytes
 * reach the part file on `close()` (an aborted one leaves the file as it was), so a stopped attempt
 * closes it: the part file then holds what arrived, and survives a reload.
 */
class OpfsTarget implements SaveTarget {
  #closed = false;

  private constructor(
    private readonly dir: FileSystemDirectoryHandle,
    private readonly part: FileSystemFileHandle,
    readonly partial: string,
    private readonly writable: FileSystemWritableFileStream,
    private readonly name: string,
    readonly filePath: string,
  ) {}

  /** A new part file beside `filePath`. */
  static async create(filePath: string): Promise<OpfsTarget> {
    const { dir, name } = await opfsDirectoryOf(filePath);
    const partName = partFileName(name);
    const partial = partialPath(filePath, partName);
    try {
      const part = await dir.getFileHandle(partName, { create: true });
      try {
        return new OpfsTarget(dir, part, partial, await part.createWritable(), name, filePath);
      } catch (error) {
        await dir.removeEntry(partName).catch(() => {});
        throw error;
      }
    } catch (error) {
      throw toOpfsError(error, filePath);
    }
  }

  /** The part file an earlier attempt left beside `filePath`, to continue: never any other file. */
  static async reopen(filePath: string, partial: string): Promise<OpfsTarget> {
    const { dir, name } = await opfsDirectoryOf(filePath);
    const partName = splitOpfsPath(partial).name;
    if (partialPath(filePath, partName) !== partial || !isPartNameOf(partName, name)) {
      throw fileSystemError('cannot continue a partial saved for another file');
    }
    try {
      const part = await dir.getFileHandle(partName);
      const writable = await part.createWritable({ keepExistingData: true });
      return new OpfsTarget(dir, part, partial, writable, name, filePath);
    } catch (error) {
      throw toOpfsError(error, filePath);
    }
  }

  async startAt(offset: number): Promise<void> {
    try {
      await this.writable.truncate(offset);
      if (offset > 0) await this.writable.seek(offset);
    } catch (error) {
      throw toOpfsError(error, this.filePath);
    }
  }

  async write(chunk: Uint8Array | Blob): Promise<void> {
    try {
      await this.writable.write(chunk as FileSystemWriteChunkType);
    } catch (error) {
      throw toOpfsError(error, this.filePath);
    }
  }

  async complete(): Promise<Blob> {
    try {
      this.#closed = true;
      await this.writable.close();
      return await this.part.getFile();
    } catch (error) {
      throw toOpfsError(error, this.filePath);
    }
  }

  async commit() {
    try {
      const movable = this.part as FileSystemFileHandle & { move?: (name: string) => Promise<void> };
      if (typeof movable.move === 'function') {
        await movable.move(this.name);
      } else {
        const target = await this.dir.getFileHandle(this.name, { create: true });
        const writable = await target.createWritable();
        await writable.write(await this.part.getFile());
        await writable.close();
        await this.dir.removeEntry(splitOpfsPath(this.partial).name);
      }
    } catch (error) {
      await removeOpfsPart(this.partial);
      throw toOpfsError(error, this.filePath);
    } finally {
      releasePartial(this.partial);
    }
    return { filePath: this.filePath };
  }

  async close(): Promise<void> {
    if (!this.#closed) {
      this.#closed = true;
      // A stream that failed cannot close; aborting it leaves the part file as the last close did.
      await this.writable.close().catch(() => this.writable.abort().catch(() => {}));
    }
    releasePartial(this.partial);
  }
}

/** The OPFS path of the part file `partName` beside `filePath` (no leading `/`). */
function partialPath(filePath: string, partName: string): string {
  return [...splitOpfsPath(filePath).dirs, partName].join('/');
}

/**
 * The target for one attempt: the partial it continues (`job.resume`), else a new one — OPFS when the
 * caller named a `filePath`, memory otherwise.
 */
export async function openSaveTarget(job: Pick<DownloadJob, 'filePath' | 'resume'>): Promise<SaveTarget> {
  const { filePath, resume } = job;
  if (!resume) {
    const target = filePath ? await OpfsTarget.create(filePath) : new ObjectUrlTarget(MemoryWriter.create());
    claimPartial(target.partial);
    return target;
  }
  const { partial } = resume;
  if (!claimPartial(partial)) throw fileSystemError('the saved bytes are being written by another download');
  try {
    if (filePath) return await OpfsTarget.reopen(filePath, partial);
    const writer = isMemoryPartial(partial) ? MemoryWriter.reopen(partial) : undefined;
    if (!writer) throw fileSystemError('the saved bytes to continue are gone');
    return new ObjectUrlTarget(writer);
  } catch (error) {
    releasePartial(partial);
    throw error;
  }
}

/** How long the size of a partial still being written waits for its attempt to let go. */
const RELEASE_WAIT_MS = 1_000;

/** The size of a partial this adapter saved; undefined when it is gone, busy or not one of its own. */
export async function partialSize(partial: string): Promise<number | undefined> {
  if (!(await released(partial, RELEASE_WAIT_MS))) return undefined;
  return isMemoryPartial(partial) ? memoryPartialSize(partial) : opfsPartSize(partial);
}

function removePartial(partial: string): Promise<void> {
  if (!isMemoryPartial(partial)) return removeOpfsPart(partial);
  dropMemoryPartial(partial);
  return Promise.resolve();
}

/** Removes a partial nobody will continue; nothing happens for one that is gone or not one of its own. */
export async function dropPartial(partial: string): Promise<void> {
  // One whose attempt is still winding down goes once that attempt lets go; the task need not wait.
  if (isWriting(partial)) afterRelease(partial, () => void removePartial(partial));
  else await removePartial(partial);
}

/** Removes a saved file nobody will get (the task was aborted as it finished). */
export async function discardSaved(saved: { tempFilePath?: string; filePath?: string }): Promise<void> {
  if (saved.tempFilePath) releaseFile(saved.tempFilePath);
  if (saved.filePath) {
    const { dir, name } = await opfsDirectoryOf(saved.filePath);
    await dir.removeEntry(name);
  }
}
