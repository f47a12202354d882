import { expect } from 'vitest';
import type { Recording } from './record';

/**
 * The rules every single download must obey, whatever the scenario: checked on every recording the suite
 * makes, so each clause's test also re-proves order and progress arithmetic under its own conditions.
 */
export function expectContractTimeline(recording: Recording): void {
  const { events, syncEvents } = recording;
  const types = events.map((e) => e.type);
  expect(syncEvents, 'nothing fires before downloadFile returns').toBe(0);

  // Exactly one outcome, then complete, then the promise; nothing after.
  const outcomes = types.filter((t) => t === 'success' || t === 'fail');
  expect(outcomes.length, `exactly one of success/fail in ${types.join(',')}`).toBe(1);
  const outcome = outcomes[0];
  const tail = types.slice(types.indexOf(outcome!));
  expect(tail, 'success/fail, then complete, then the promise, then nothing').toEqual([
    outcome,
    'complete',
    outcome === 'success' ? 'resolve' : 'reject',
  ]);

  // Headers at most once, before any progress event.
  const headerAt = types.indexOf('headers');
  expect(types.filter((t) => t === 'headers').length, 'headers fire at most once').toBeLessThanOrEqual(1);
  const firstProgress = types.indexOf('progress');
  if (firstProgress >= 0 && outcome === 'success') {
    expect(headerAt, 'headers come before the first progress event').toBeGreaterThanOrEqual(0);
    expect(headerAt).toBeLessThan(firstProgress);
  }

  const progress = recording.progress;
  let lastWritten = -1;
  for (const p of progress) {
    expect(Number.isInteger(p.progress), `integer progress (${p.progress})`).toBe(true);
    expect(p.progress).toBeGreaterThanOrEqual(0);
    expect(p.progress).toBeLessThanOrEqual(100);
    expect(p.totalBytesWritten, 'totalBytesWritten never decreases').toBeGreaterThanOrEqual(lastWritten);
    lastWritten = p.totalBytesWritten;
    if (p.totalBytesExpectedToWrite > 0) {
      expect(p.totalBytesWritten).toBeLessThanOrEqual(p.totalBytesExpectedToWrite);
      expect(p.progress).toBe(Math.floor((p.totalBytesWritten * 100) / p.totalBytesExpectedToWrite));
    } else if (p !== progress[progress.length - 1] || outcome !== 'success') {
      expect(p.progress, 'unknown size: 0% until the end').toBe(0);
    }
  }
  for (let i = 1; i < progress.length; i++) {
    const previous = progress[i - 1]!;
    const current = progress[i]!;
    if (current.totalBytesExpectedToWrite > 0 && previous.totalBytesExpectedToWrite > 0) {
      expect(current.progress, 'a new event only when the percent changes').not.toBe(previous.progress);
    }
  }

  const hundreds = progress.filter((p) => p.progress === 100);
  if (outcome === 'success') {
    const result = recording.result!;
    expect(hundreds.length, 'exactly one 100% event').toBe(1);
    const last = progress[progress.length - 1]!;
    expect(last, 'the final event is 100% of the saved size').toEqual({
      progress: 100,
      totalBytesWritten: result.dataLength,
      totalBytesExpectedToWrite: result.dataLength,
    });
    expect(types.lastIndexOf('progress')).toBeLessThan(types.indexOf('success'));
    expect(result.errMsg).toBe('downloadFile:ok');
  } else {
    expect(hundreds.length, 'no 100% event when the task fails').toBe(0);
    const error = recording.error!;
    expect(error.isError, 'the promise rejects with an Error').toBe(true);
    expect(error.name).toBe('DownloadError');
    const failed = events.find((e) => e.type === 'fail')!.value as { errMsg: string; code: string };
    expect(error.errMsg).toBe(failed.errMsg);
    expect(error.code).toBe(failed.code);
    expect(error.errMsg).toMatch(/^downloadFile:fail /);
  }
}
