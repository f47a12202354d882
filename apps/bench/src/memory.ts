/**
 * Peak resident memory, Linux first: the kernel's own high-water mark (VmHWM in /proc/<pid>/status),
 * which misses no short spike. Writing 5 to /proc/self/clear_refs resets it, so a contender's peak is
 * measured from the moment it starts; where that is not allowed, RSS is sampled every 5 ms instead.
 */
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * A process's VmHWM (peak RSS) in bytes, or undefined where /proc is not readable — or while the process
 * is not yet `name` (a just-spawned child is still a copy of its parent until it execs).
 */
export function peakRssOf(pid: number | 'self', name?: string): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    if (name !== undefined && /^Name:\s+(.*)$/m.exec(status)?.[1] !== name.slice(0, 15)) return undefined;
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Measures this process's peak RSS above what it held when `start()` was called. */
export class PeakRssAboveStart {
  #start = 0;
  #sampled = 0;
  #sampler: ReturnType<typeof setInterval> | undefined;

  start(): void {
    this.#start = process.memoryUsage.rss();
    let reset = false;
    try {
      writeFileSync('/proc/self/clear_refs', '5');
      reset = peakRssOf('self') !== undefined;
    } catch {}
    if (!reset) {
      this.#sampled = this.#start;
      this.#sampler = setInterval(() => {
        this.#sampled = Math.max(this.#sampled, process.memoryUsage.rss());
      }, 5);
    }
  }

  /** Bytes above the start (0 when memory fell). */
  stop(): number {
    clearInterval(this.#sampler);
    const peak = this.#sampler ? Math.max(this.#sampled, process.memoryUsage.rss()) : peakRssOf('self');
    return Math.max(0, (peak ?? 0) - this.#start);
  }
}

/** Watches another process's peak RSS until `stop()` (the last high-water mark read before it exited). */
export function watchPeakRss(pid: number, name: string): { stop(): number | undefined } {
  let peak: number | undefined;
  const read = () => {
    const value = peakRssOf(pid, name);
    if (value !== undefined) peak = Math.max(peak ?? 0, value);
  };
  read();
  const timer = setInterval(read, 5);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
