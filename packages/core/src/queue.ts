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
  private active = 0;
  private queued: Array<() => void> = [];

  constructor(readonly limit: number = DEFAULT_MAX_CONCURRENT) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`queue limit must be a positive integer, got ${limit}`);
  }

  get running(): number {
    return this.active;
  }

  get waiting(): number {
    return this.queued.length;
  }

  /**
   * `start` runs when a slot is free (perhaps at once, inside this call) and receives the ticket, which
   * frees the slot or leaves the queue.
   */
  enqueue(start: (ticket: QueueTicket) => void): QueueTicket {
    let state: 'waiting' | 'running' | 'done' = 'waiting';
    const run = () => {
      state = 'running';
      this.active++;
      start(ticket);
    };
    const ticket: QueueTicket = {
      cancel: () => {
        if (state !== 'waiting') return;
        state = 'done';
        this.queued = this.queued.filter((entry) => entry !== run);
      },
      release: () => {
        if (state !== 'running') return;
        state = 'done';
        this.active--;
        this.next();
      },
    };
    this.queued.push(run);
    this.next();
    return ticket;
  }

  private next(): void {
    while (this.active < this.limit && this.queued.length > 0) this.queued.shift()?.();
  }
}
