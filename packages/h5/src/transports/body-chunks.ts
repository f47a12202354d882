import type { BodyChunks } from './pump-body';

/**
 * A fetch body as `pumpBody` reads it. Stopping cancels the reader once, and that is
 * awaited: only then has fetch let go of the request.
 */
export function readerChunks(body: ReadableStream<Uint8Array>): BodyChunks & { release(): void } {
  const reader = body.getReader();
  let cancelled: Promise<void> | undefined;
  return {
    async next() {
      const { done, value } = await reader.read();
      return done ? undefined : value;
    },
    stop(reason) {
      cancelled ??= reader.cancel(reason).catch(() => {});
      return cancelled;
    },
    release: () => reader.releaseLock?.(),
  };
}
