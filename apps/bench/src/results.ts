import type { SuiteName } from './contenders/suites';
import { median } from './stats';

/** One contender's rounds in one suite. */
export interface Measured {
  name: string;
  seconds: number[];
  cpuSeconds: number[];
  peakRss: number[];
  /** The peak is the whole process's (a command-line tool), not above a start. */
  wholeProcess?: boolean | undefined;
  /** Why it did not run (a command that is not installed), or how it failed. */
  skipped?: string | undefined;
}

export interface SuiteResult {
  suite: SuiteName;
  /** Files saved per measured run, and each one's size. */
  count: number;
  size: number;
  contenders: Measured[];
}

/** Medians of a contender: its rate in the suite's unit, and its peak memory. */
export interface Summary {
  name: string;
  /** MB/s (large), files/s (many files) or µs per task (overhead); undefined when it did not run. */
  value?: number | undefined;
  /** Median CPU time of a run, in µs per file (per task): less shaken by other work than wall time. */
  cpuPerItem?: number | undefined;
  peakRss?: number | undefined;
  wholeProcess?: boolean | undefined;
  skipped?: string | undefined;
}

export function summarize(result: SuiteResult): Summary[] {
  return result.contenders.map((measured) => {
    if (measured.skipped || measured.seconds.length === 0)
      return { name: measured.name, skipped: measured.skipped ?? 'no rounds' };
    const seconds = median(measured.seconds);
    const value =
      result.suite === 'large'
        ? (result.size * result.count) / seconds / 1e6
        : result.suite === 'overhead'
          ? (seconds * 1e6) / result.count
          : result.count / seconds;
    const peakRss = measured.peakRss.length > 0 ? median(measured.peakRss) : undefined;
    const cpuPerItem =
      measured.cpuSeconds.length > 0 ? (median(measured.cpuSeconds) * 1e6) / result.count : undefined;
    return { name: measured.name, value, cpuPerItem, peakRss, wholeProcess: measured.wholeProcess };
  });
}
