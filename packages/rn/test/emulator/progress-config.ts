/** A progress event as the native side sends it to `fetch.js`. */
export interface ProgressEvent {
  taskId: string;
  written: number;
  total: number;
}

/**
 * When the library sends a progress event: `ReactNativeBlobUtilProgressConfig.shouldReport` (Android) and
 * `ReactNativeBlobUtilProgress shouldReport:` (iOS) apply the same rule. Progress is a `float` on both, so
 * `progress × count` is computed in single precision. (iOS starts `tick` at 1 and compares with `>=`;
 * Android starts at 0 and compares with `>`: the same test.)
 */
export class ProgressConfig {
  #tick = 0;
  #lastTick = 0;
  constructor(
    /** Milliseconds (iOS keeps seconds: `interval / 1000`). */
    private readonly interval: number,
    private readonly count: number,
  ) {}

  shouldReport(progress: number): boolean {
    const p = Math.fround(progress);
    let checkCount = true;
    if (this.count > 0 && p > 0) checkCount = Math.floor(Math.fround(p * this.count)) > this.#tick;
    const now = Date.now();
    // Completion is always reported.
    const result = (now - this.#lastTick > this.interval && checkCount) || p >= 1;
    if (result) {
      this.#tick++;
      this.#lastTick = now;
    }
    return result;
  }
}
