import { setTimeout as sleep } from 'node:timers/promises';
import { BLOCK_SIZE, contentBlock } from './scenarios/content';

export interface BodySpec {
  seed: number;
  start: number;
  end: number;
  chunk: number;
  /** Milliseconds to wait between chunks. */
  delay: number;
  /** Stops the generator early (the client left). */
  signal: AbortSignal;
}

/**
 * The body as chunks, generated block by block so memory stays at one block whatever the size.
 * Pulled by the sender only as fast as the socket drains, which is the backpressure.
 */
export async function* bodyChunks(spec: BodySpec): AsyncGenerator<Uint8Array> {
  let offset = spec.start;
  let cachedIndex = -1;
  let cached: Uint8Array = new Uint8Array(0);
  let first = true;
  while (offset < spec.end && !spec.signal.aborted) {
    if (!first && spec.delay > 0) await sleep(spec.delay, undefined, { signal: spec.signal }).catch(() => {});
    first = false;
    if (spec.signal.aborted) return;
    const take = Math.min(spec.chunk, spec.end - offset);
    if (take === BLOCK_SIZE && offset % BLOCK_SIZE === 0) {
      // The common case (default chunk size, aligned): the block itself, no second copy.
      yield contentBlock(spec.seed, offset / BLOCK_SIZE);
      offset += take;
      continue;
    }
    const out = new Uint8Array(take);
    let filled = 0;
    while (filled < take) {
      const at = offset + filled;
      const index = Math.floor(at / BLOCK_SIZE);
      if (index !== cachedIndex) {
        cached = contentBlock(spec.seed, index);
        cachedIndex = index;
      }
      const within = at - index * BLOCK_SIZE;
      const piece = Math.min(BLOCK_SIZE - within, take - filled);
      out.set(cached.subarray(within, within + piece), filled);
      filled += piece;
    }
    offset += take;
    yield out;
  }
}
