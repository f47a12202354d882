import { describe, expect, it } from 'vitest';
import { memoryPartialIds } from '../../src/memory-partials';
import { dropPartial, openSaveTarget, partialSize } from '../../src/save-target';

// One attempt writes a partial at a time; the task's drop of a partial whose attempt is still winding
// down (it outlived the abort grace period) frees it once that attempt lets go, not before.
describe('who may write a partial', () => {
  it('a partial dropped while its attempt still writes it is freed when the attempt lets go', async () => {
    const target = await openSaveTarget({});
    await target.startAt(0);
    await target.write(new Uint8Array(10));
    await dropPartial(target.partial);
    expect(memoryPartialIds()).toContain(target.partial);
    await target.close();
    expect(memoryPartialIds()).not.toContain(target.partial);
    expect(await partialSize(target.partial)).toBeUndefined();
  });

  it('a partial being written is not sized (after a short wait) nor continued by a second attempt', async () => {
    const target = await openSaveTarget({});
    await target.write(new Uint8Array(10));
    const started = Date.now();
    expect(await partialSize(target.partial), 'busy past the wait').toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    await expect(openSaveTarget({ resume: { partial: target.partial, offset: 10 } })).rejects.toMatchObject({
      code: 'FILE_SYSTEM',
    });
    await target.close();
    expect(await partialSize(target.partial)).toBe(10);
    const again = await openSaveTarget({ resume: { partial: target.partial, offset: 10 } });
    await again.startAt(10);
    await again.write(new Uint8Array([1, 2]));
    const saved = await again.complete(undefined);
    expect(saved.size).toBe(12);
    await again.close();
    expect(memoryPartialIds()).toEqual([]);
  });
});
