import type { SuiteName } from './contenders/suites';

/** What the parent asks a child process to run. */
export interface ChildJob {
  suite: SuiteName;
  contender: string;
  url: string;
  /** The unmeasured warm-up's URL and file count (JIT, connections, file system). */
  warmUrl: string;
  warmCount: number;
  /** Files saved in the measured run, each `size` bytes. */
  count: number;
  size: number;
  concurrency: number;
  /** An empty directory of this run's own. */
  dir: string;
}

/**
 * A measured run: wall time, CPU time (user + system, every thread of the process; none for a CLI), and
 * peak RSS above the child's start (a CLI: the whole process's peak).
 */
export type ChildResult =
  | {
      seconds: number;
      cpuSeconds?: number | undefined;
      peakRss?: number | undefined;
      wholeProcess?: boolean | undefined;
      error?: undefined;
    }
  | { error: string };
