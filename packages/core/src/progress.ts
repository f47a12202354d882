import type { OnProgressUpdateCallbackResult } from '@dl/types';

/** Unknown-size progress is emitted no more often than this. */
export const UNKNOWN_SIZE_INTERVAL_MS = 50;

/**
 * Turns the raw counts a platform reports into the contract's progress events:
 * integer percent, never above 100, `written` never decreasing and never above a known `expected`,
 * one event per percent change (or per 50 ms when the size is unknown), and exactly one final 100%
 * event carrying the saved size. Platforms that report a wrong length or go past 100% are tamed here,
 * so no adapter has to.
 */
export class ProgressTracker {
  private written = 0;
  private expected = 0;
  private lastPercent = -1;
  private lastWritten = -1;
  private lastEmitAt = Number.NEGATIVE_INFINITY;
  /** The platform's length proved wrong (more bytes than announced): only the final event remains. */
  private lengthWrong = false;

  /**
   * @param interval the caller's minimum milliseconds between events (`progressInterval`)
   * @param step the caller's minimum percent between events of a known size (`progressStep`)
   */
  constructor(
    private readonly now: () => number = Date.now,
    private readonly interval = 0,
    private readonly step = 1,
  ) {}

  /** Feed the platform's cumulative counts; returns the event to emit, if one is due. */
  update(written: number, expected: number): OnProgressUpdateCallbackResult | undefined {
    if (Number.isFinite(written) && written > this.written) this.written = Math.floor(written);
    // The first positive length the platform gives is the one events report; a later change would
    // make `progress` jump backwards, which the contract forbids.
    if (this.expected === 0 && this.lastWritten < 0 && Number.isFinite(expected) && expected > 0) {
      this.expected = Math.floor(expected);
    }
    if (this.written === this.lastWritten) return undefined;
    return this.expected > 0 ? this.known() : this.unknown();
  }

  /** The one final event: 100% of the saved size. */
  final(savedSize: number): OnProgressUpdateCallbackResult {
    const n = Math.max(savedSize, 0);
    this.lastPercent = 100;
    return { progress: 100, totalBytesWritten: n, totalBytesExpectedToWrite: n };
  }

  private known(): OnProgressUpdateCallbackResult | undefined {
    if (this.lengthWrong) return undefined;
    if (this.written > this.expected) {
      this.lengthWrong = true;
      return undefined;
    }
    const percent = Math.floor((this.written * 100) / this.expected);
    // 100% belongs to the final event alone; a body that reached its length is not saved yet.
    if (percent >= 100 || percent === this.lastPercent) return undefined;
    // A step counts from 0%: with a step of 10 the events are at 10, 20, … (and the final 100).
    if (this.step > 1 && percent - Math.max(this.lastPercent, 0) < this.step) return undefined;
    if (!this.intervalPassed()) return undefined;
    this.lastPercent = percent;
    this.lastWritten = this.written;
    return { progress: percent, totalBytesWritten: this.written, totalBytesExpectedToWrite: this.expected };
  }

  private intervalPassed(minimum = this.interval): boolean {
    if (minimum <= 0) return true;
    const at = this.now();
    if (at - this.lastEmitAt < minimum) return false;
    this.lastEmitAt = at;
    return true;
  }

  private unknown(): OnProgressUpdateCallbackResult | undefined {
    if (!this.intervalPassed(Math.max(this.interval, UNKNOWN_SIZE_INTERVAL_MS))) return undefined;
    this.lastWritten = this.written;
    return { progress: 0, totalBytesWritten: this.written, totalBytesExpectedToWrite: 0 };
  }
}
