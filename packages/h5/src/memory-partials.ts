/**
 * The received bytes of downloads without `filePath`, kept in memory under an id (the task's partial)
 * so that `pause()`, a retry or `resumeData` in the same page can continue them. Nothing here survives
 * a reload. Every entry leaves the store when its download completes (`take`) or when the task drops it
 * (`dropMemoryPartial`): a paused task holds its bytes until it is resumed or aborted.
 */
interface MemoryPartial {
  /** The bytes so far as Blobs, which the browser keeps out of the page's heap. */
  parts: Blob[];
  /** Chunks that arrived since the last fold, still in the page's heap. */
  chunks: Uint8Array[];
  chunkBytes: number;
  size: number;
}

/**
 * Chunks are folded into a Blob once this many bytes gather: the browser then holds them (in its blob
 * storage, not the page), the page lets its copies go, and the finished Blob is assembled from Blobs
 * without copying the body again. Small enough that the page holds little, large enough that a body
 * becomes few Blobs.
 */
const FOLD_BYTES = 2 ** 20;

/** The pending chunks as one more Blob part. */
function fold(entry: MemoryPartial): void {
  if (entry.chunks.length === 0) return;
  entry.parts.push(new Blob(entry.chunks as BlobPart[]));
  entry.chunks = [];
  entry.chunkBytes = 0;
}

const partials = new Map<string, MemoryPartial>();
const PREFIX = 'dl-memory-';

/** An id nobody can guess: a forged `resumeData` cannot name another download's bytes. */
function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return PREFIX + Array.from(bytes, (byte) => (byte + 0x100).toString(16).slice(1)).join('');
}

/** Writes one attempt's bytes into a partial. */
export class MemoryWriter {
  private constructor(
    readonly id: string,
    private readonly entry: MemoryPartial,
  ) {}

  /** A new, empty partial. */
  static create(): MemoryWriter {
    const id = newId();
    const entry: MemoryPartial = { parts: [], chunks: [], chunkBytes: 0, size: 0 };
    partials.set(id, entry);
    return new MemoryWriter(id, entry);
  }

  /** The partial `id` to continue, or undefined when it is unknown or gone. */
  static reopen(id: string): MemoryWriter | undefined {
    const entry = partials.get(id);
    return entry ? new MemoryWriter(id, entry) : undefined;
  }

  /** Keeps the first `length` bytes (0: the server sent the whole resource again). */
  truncate(length: number): void {
    const entry = this.entry;
    if (length >= entry.size) return;
    fold(entry);
    entry.parts = length === 0 ? [] : [new Blob(entry.parts).slice(0, length)];
    entry.size = length;
  }

  write(chunk: Uint8Array | Blob): void {
    const entry = this.entry;
    if (chunk instanceof Blob) {
      fold(entry);
      entry.parts.push(chunk);
      entry.size += chunk.size;
      return;
    }
    entry.chunks.push(chunk);
    entry.chunkBytes += chunk.byteLength;
    entry.size += chunk.byteLength;
    if (entry.chunkBytes >= FOLD_BYTES) fold(entry);
  }

  /** The attempt stopped: the bytes stay, as one Blob (held by the browser, outside the page's heap). */
  compact(): void {
    fold(this.entry);
    if (this.entry.parts.length > 1) this.entry.parts = [new Blob(this.entry.parts)];
  }

  /**
   * The download completed: its bytes as one Blob typed `type`, and the partial leaves the store. One Blob
   * made from the folded parts and the chunks since: Chromium registers each Blob with its browser process
   * synchronously, a cost that shows per file when files are small.
   */
  take(type: string | undefined): Blob {
    const { parts, chunks } = this.entry;
    const blob = new Blob([...parts, ...(chunks as BlobPart[])], type ? { type } : undefined);
    dropMemoryPartial(this.id);
    return blob;
  }
}

/** Whether `id` is shaped as a memory partial's (it may still be gone). */
export function isMemoryPartial(id: string): boolean {
  return id.startsWith(PREFIX);
}

/** A partial's size in bytes; undefined when it is unknown or gone. */
export function memoryPartialSize(id: string): number | undefined {
  return partials.get(id)?.size;
}

/** Frees a partial's bytes. */
export function dropMemoryPartial(id: string): void {
  const entry = partials.get(id);
  if (!entry) return;
  entry.parts = [];
  entry.chunks = [];
  entry.chunkBytes = 0;
  entry.size = 0;
  partials.delete(id);
}

/** The ids of partials held in memory now (tests check that none outlives its task). */
export function memoryPartialIds(): string[] {
  return [...partials.keys()];
}
