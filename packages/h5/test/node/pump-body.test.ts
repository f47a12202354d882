import { describe, expect, it } from 'vitest';
import { type BodyChunks, pumpBody } from '../../src/transports/pump-body';

/** A body of `chunks`, then its end or the failure `endWith`, recording each stop's reason. */
function scriptedBody(chunks: Uint8Array[], endWith?: Error) {
  const stops: unknown[] = [];
  const body: BodyChunks = {
    async next() {
      if (stops.length) throw new Error('read after stop');
      const chunk = chunks.shift();
      if (chunk) return chunk;
      if (endWith) throw endWith;
      return undefined;
    },
    async stop(reason) {
      stops.push(reason);
    },
  };
  return { body, stops };
}

const bytes = (n: number, fill: number) => new Uint8Array(n).fill(fill);

describe('pumpBody', () => {
  it('writes every chunk in order and reports cumulative progress after each; the body is not stopped', async () => {
    const { body, stops } = scriptedBody([bytes(3, 1), bytes(0, 0), bytes(5, 2)]);
    const written: number[] = [];
    const progress: Array<[number, number]> = [];
    const { signal } = new AbortController();
    const total = await pumpBody(
      body,
      (chunk) => void written.push(...chunk),
      { signal, progress: (w, e) => progress.push([w, e]) },
      8,
    );
    expect(total).toBe(8);
    expect(written).toEqual([1, 1, 1, 2, 2, 2, 2, 2]);
    expect(progress).toEqual([
      [3, 8],
      [3, 8],
      [8, 8],
    ]);
    expect(stops).toEqual([]);
  });

  it('continues a file at `offset`: each chunk written at its position, progress counted from there', async () => {
    const { body } = scriptedBody([bytes(2, 1), bytes(3, 2)]);
    const writes: Array<[number, number]> = [];
    const progress: number[] = [];
    const { signal } = new AbortController();
    const job = { signal, progress: (written: number) => progress.push(written) };
    const end = await pumpBody(body, (chunk, at) => void writes.push([at, chunk.byteLength]), job, 15, 10);
    expect(end).toBe(15);
    expect(writes).toEqual([
      [10, 2],
      [12, 3],
    ]);
    expect(progress).toEqual([12, 15]);
  });

  it('a body that fails is stopped, and the pump rejects with its error only after the stop settled', async () => {
    const cut = new Error('cut');
    const order: string[] = [];
    const { body } = scriptedBody([bytes(4, 1)], cut);
    const stop = body.stop;
    body.stop = async (reason) => {
      await stop(reason);
      await new Promise((resolve) => setTimeout(resolve, 10));
      order.push('stopped');
    };
    const { signal } = new AbortController();
    const pumping = pumpBody(body, () => {}, { signal, progress: () => {} }, 0).catch((error: unknown) => {
      order.push('rejected');
      return error;
    });
    expect(await pumping).toBe(cut);
    expect(order).toEqual(['stopped', 'rejected']);
  });

  it('a failed write stops the body and rejects with the write error', async () => {
    const { body, stops } = scriptedBody([bytes(1, 1), bytes(1, 2)]);
    const full = new Error('disk full');
    const { signal } = new AbortController();
    await expect(pumpBody(body, () => Promise.reject(full), { signal, progress: () => {} }, 2)).rejects.toBe(
      full,
    );
    expect(stops).toEqual([full]);
  });

  it("an abort stops the body at once with the signal's reason, and the pump rejects with it", async () => {
    const source = new AbortController();
    const reason = new Error('aborted by the caller');
    const stops: unknown[] = [];
    let release: ((chunk: Uint8Array | undefined) => void) | undefined;
    const body: BodyChunks = {
      next: () => new Promise((resolve) => (release = resolve)),
      stop(why) {
        stops.push(why);
        // The platform ends a stopped read (here with one last chunk already under way).
        release?.(bytes(2, 9));
      },
    };
    const progress: number[] = [];
    const pumping = pumpBody(
      body,
      () => {},
      { signal: source.signal, progress: (w) => progress.push(w) },
      10,
    );
    await new Promise((resolve) => setTimeout(resolve, 5));
    source.abort(reason);
    expect(stops).toEqual([reason]);
    await expect(pumping).rejects.toBe(reason);
    // The chunk that arrived after the abort was neither written nor reported.
    expect(progress).toEqual([]);
  });
});
