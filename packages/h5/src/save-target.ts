import { partFileName } from '@dl/core';
import { createObjectUrl, releaseFile } from './object-url';
import { opfsDirectoryOf, toOpfsError } from './opfs';

/** Where a download's bytes go while they arrive, and how they become the task's result. */
export interface SaveTarget {
  write(chunk: Uint8Array | Blob): void | Promise<void>;
  /** The bytes are all there: make them the caller's file. */
  commit(contentType: string | undefined): Promise<{ tempFilePath: string } | { filePath: string }>;
  /** The download failed or was aborted: drop what was written. Never throws. */
  discard(): Promise<void>;
}

/** Without `filePath`: chunks kept in memory, turned into one object URL at the end. */
class ObjectUrlTarget implements SaveTarget {
  #parts: BlobPart[] = [];

  write(chunk: Uint8Array | Blob): void {
    this.#parts.push(chunk as BlobPart);
  }

  async commit(contentType: string | undefined) {
    const tempFilePath = createObjectUrl(this.#parts, contentType);
    this.#parts = [];
    return { tempFilePath };
  }

  async discard(): Promise<void> {
    this.#parts = [];
  }
}

/**
 * With `filePath`: streamed into the Origin Private File System under a hidden temporary name in the
 * target's directory, and moved onto the caller's name only once complete, so that name never holds a
 * partial file. Where `move()` is missing the finished bytes are written to the caller's name through
 * one `createWritable()`, which browsers also commit all at once on `close()`.
 */
class OpfsTarget implements SaveTarget {
  #closed = false;

  private constructor(
    private readonly dir: FileSystemDirectoryHandle,
    private readonly part: FileSystemFileHandle,
    private readonly partName: string,
    private readonly writable: FileSystemWritableFileStream,
    private readonly name: string,
    readonly filePath: string,
  ) {}

  static async create(filePath: string): Promise<OpfsTarget> {
    const { dir, name } = await opfsDirectoryOf(filePath);
    const partName = partFileName(name);
    try {
      const part = await dir.getFileHandle(partName, { create: true });
      try {
        return new OpfsTarget(dir, part, partName, await part.createWritable(), name, filePath);
      } catch (error) {
        await dir.removeEntry(partName).catch(() => {});
        throw error;
      }
    } catch (error) {
      throw toOpfsError(error, filePath);
    }
  }

  async write(chunk: Uint8Array | Blob): Promise<void> {
    try {
      await this.writable.write(chunk as FileSystemWriteChunkType);
    } catch (error) {
      throw toOpfsError(error, this.filePath);
    }
  }

  async commit() {
    try {
      this.#closed = true;
      await this.writable.close();
      const movable = this.part as FileSystemFileHandle & { move?: (name: string) => Promise<void> };
      if (typeof movable.move === 'function') {
        await movable.move(this.name);
      } else {
        const target = await this.dir.getFileHandle(this.name, { create: true });
        const writable = await target.createWritable();
        await writable.write(await this.part.getFile());
        await writable.close();
        await this.dir.removeEntry(this.partName);
      }
    } catch (error) {
      await this.dir.removeEntry(this.partName).catch(() => {});
      throw toOpfsError(error, this.filePath);
    }
    return { filePath: this.filePath };
  }

  async discard(): Promise<void> {
    if (!this.#closed) {
      this.#closed = true;
      await this.writable.abort().catch(() => {});
    }
    await this.dir.removeEntry(this.partName).catch(() => {});
  }
}

/** The target for one job: OPFS when the caller named a `filePath`, an object URL otherwise. */
export function openSaveTarget(filePath: string | undefined): Promise<SaveTarget> {
  return filePath ? OpfsTarget.create(filePath) : Promise.resolve(new ObjectUrlTarget());
}

/** Removes a saved file nobody will get (the task was aborted as it finished). */
export async function discardSaved(saved: { tempFilePath?: string; filePath?: string }): Promise<void> {
  if (saved.tempFilePath) releaseFile(saved.tempFilePath);
  if (saved.filePath) {
    const { dir, name } = await opfsDirectoryOf(saved.filePath);
    await dir.removeEntry(name);
  }
}
