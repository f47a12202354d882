/** WeChat runs at most 10 network tasks at once; the contract makes that every adapter's default. */
export const DEFAULT_MAX_CONCURRENT = 10;

/** A place in the queue: `cancel()` before it starts removes it; `release()` after frees its slot. */
export interface QueueTicket {
  cancel(): void;
  release(): void;
}

/**
 * Runs at most `limit` jobs at once, the rest in arrival order. Queueing instead of failing is the point:
 * a task never fails because too many are running.
 */
export class ConcurrencyQueue {
  #running = 0;
  #waiting: Array<() => void> = [];

  constructor(readonly limit: number = DEFAULT_MAX_CONCURRENT) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`queue limit must be a positive integer, got ${limit}`);
  }

  get running(): number {
    return this.#running;
  }

  get waiting(): number {
    return this.#waiting.length;
  }

  /** `start` runs when a slot is free (perhaps at once); the ticket frees the slot or leaves the queue. */
  enqueue(start: () => void): QueueTicket {
    let state: 'waiting' | 'running' | 'done' = 'waiting';
    const run = () => {
      state = 'running';
      this.#running++;
      start();
    };
    const ticket: QueueTicket = {
      cancel: () => {
        if (state !== 'waiting') return;
        state = 'done';
        this.#waiting = this.#waiting.filter((entry) => entry !== run);
      },
      release: () => {
        if (state !== 'running') return;
        state = 'done';
        this.#running--;
        this.#next();
      },
    };
    this.#waiting.push(run);
    this.#next();
    return ticket;
  }

  #next(): void {
    while (this.#running < this.limit && this.#waiting.length > 0) this.#waiting.shift()?.();
  }
}
