import { describe, expect, it } from 'vitest';
import { ProgressTracker, UNKNOWN_SIZE_INTERVAL_MS } from '../src/progress';

function feed(tracker: ProgressTracker, steps: Array<[number, number]>) {
  return steps.map(([w, e]) => tracker.update(w, e)).filter((event) => event !== undefined);
}

describe('ProgressTracker', () => {
  it('emits one event per integer percent change, floor rounding', () => {
    const events = feed(new ProgressTracker(), [
      [1, 1000],
      [5, 1000],
      [10, 1000],
      [19, 1000],
      [20, 1000],
      [333, 1000],
    ]);
    expect(events.map((e) => e.progress)).toEqual([0, 1, 2, 33]);
    expect(events.map((e) => e.totalBytesWritten)).toEqual([1, 10, 20, 333]);
  });

  it('keeps 100% for the final event alone', () => {
    const tracker = new ProgressTracker();
    const events = feed(tracker, [
      [50, 100],
      [100, 100],
    ]);
    expect(events.map((e) => e.progress)).toEqual([50]);
    expect(tracker.final(100)).toEqual({
      progress: 100,
      totalBytesWritten: 100,
      totalBytesExpectedToWrite: 100,
    });
  });

  it('never lets written decrease or exceed a known length', () => {
    const events = feed(new ProgressTracker(), [
      [60, 100],
      [30, 100], // a platform going backwards
      [150, 100], // a wrong Content-Length
      [160, 100],
    ]);
    expect(events).toEqual([{ progress: 60, totalBytesWritten: 60, totalBytesExpectedToWrite: 100 }]);
  });

  it('keeps the first announced length even if the platform changes it', () => {
    const events = feed(new ProgressTracker(), [
      [10, 100],
      [20, 50],
    ]);
    expect(events.map((e) => [e.progress, e.totalBytesExpectedToWrite])).toEqual([
      [10, 100],
      [20, 100],
    ]);
  });

  it('reports unknown size as 0% and at most every 50 ms', () => {
    let now = 1_000;
    const tracker = new ProgressTracker(() => now);
    const events = [];
    for (let i = 1; i <= 20; i++) {
      now += 10;
      const event = tracker.update(i * 100, 0);
      if (event) events.push({ ...event, at: now });
    }
    expect(events.every((e) => e.progress === 0 && e.totalBytesExpectedToWrite === 0)).toBe(true);
    for (let i = 1; i < events.length; i++) {
      expect(events[i]!.at - events[i - 1]!.at).toBeGreaterThanOrEqual(UNKNOWN_SIZE_INTERVAL_MS);
    }
    expect(events.length).toBe(4);
  });
});

describe('the caller-chosen progress options', () => {
  it('progressStep leaves out events until the percent moved by the step', () => {
    const tracker = new ProgressTracker(() => 0, 0, 25);
    const percents = [0, 10, 24, 25, 30, 50, 74, 75, 99].map((w) => tracker.update(w, 100)?.progress);
    expect(percents, 'a step counts from 0%').toEqual([
      undefined,
      undefined,
      undefined,
      25,
      undefined,
      50,
      undefined,
      75,
      undefined,
    ]);
  });

  it('progressInterval spaces events by the clock', () => {
    let now = 0;
    const tracker = new ProgressTracker(() => now, 100);
    const emitted: number[] = [];
    for (const [at, written] of [
      [0, 1],
      [50, 2],
      [100, 3],
      [150, 4],
      [260, 5],
    ] as const) {
      now = at;
      if (tracker.update(written, 100)) emitted.push(at);
    }
    expect(emitted).toEqual([0, 100, 260]);
  });
});
