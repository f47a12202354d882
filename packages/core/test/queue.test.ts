import { describe, expect, it } from 'vitest';
import { ConcurrencyQueue } from '../src/queue';

describe('ConcurrencyQueue', () => {
  it('runs at most `limit` at once and starts the rest in arrival order', () => {
    const queue = new ConcurrencyQueue(2);
    const started: number[] = [];
    const tickets = [0, 1, 2, 3].map((i) => queue.enqueue(() => started.push(i)));
    expect(started).toEqual([0, 1]);
    tickets[1]!.release();
    expect(started).toEqual([0, 1, 2]);
    tickets[1]!.release(); // twice is a no-op
    expect(queue.running).toBe(2);
    tickets[0]!.release();
    expect(started).toEqual([0, 1, 2, 3]);
  });

  it('a cancelled waiter never starts and takes no slot', () => {
    const queue = new ConcurrencyQueue(1);
    const started: number[] = [];
    const first = queue.enqueue(() => started.push(1));
    const second = queue.enqueue(() => started.push(2));
    queue.enqueue(() => started.push(3));
    second.cancel();
    first.release();
    expect(started).toEqual([1, 3]);
    expect(queue.waiting).toBe(0);
  });

  it('rejects a limit that is not a positive integer', () => {
    expect(() => new ConcurrencyQueue(0)).toThrow(RangeError);
  });
});
