/**
 * Memory of a Chromium process tree, from Linux's /proc: every process descended from the browser, its
 * kind (`--type=renderer`, `gpu-process`, …; the browser process has none), and its peak RSS since
 * `resetPeaks()` (VmHWM, reset by writing 5 to clear_refs, so no short spike is missed).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function parentOf(pid: number): number | undefined {
  const stat = read(`/proc/${pid}/stat`);
  // The command name may hold spaces and parentheses: the fields after the last ')' are fixed.
  const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields ? Number(fields[1]) : undefined;
}

/** The browser process and every process below it. */
export function processTree(root: number): number[] {
  const all = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
  const parents = new Map(all.map((pid) => [pid, parentOf(pid)]));
  const tree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, parent] of parents)
      if (parent !== undefined && tree.has(parent) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
  }
  return [...tree];
}

/** `renderer`, `gpu-process`, `utility`, `zygote`, … or `browser` for the process with no `--type`. */
export function kindOf(pid: number): string {
  const cmdline = read(`/proc/${pid}/cmdline`) ?? '';
  return /--type=([^\s\0]+)/.exec(cmdline)?.[1] ?? 'browser';
}

function statusField(pid: number, field: 'VmHWM' | 'VmRSS'): number | undefined {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(read(`/proc/${pid}/status`) ?? '');
  return match ? Number(match[1]) * 1024 : undefined;
}

export interface Snapshot {
  /** Resident bytes per process when the snapshot was taken. */
  rss: Map<number, number>;
}

/** Resets every process's high-water mark and notes its resident size now. */
export function resetPeaks(pids: readonly number[]): Snapshot {
  const rss = new Map<number, number>();
  for (const pid of pids) {
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
    } catch {}
    const now = statusField(pid, 'VmRSS');
    if (now !== undefined) rss.set(pid, now);
  }
  return { rss };
}

/** Peak bytes above the snapshot: the renderers' and the whole tree's (each process's peak, summed). */
export function peaksAbove(
  snapshot: Snapshot,
  pids: readonly number[],
): { renderer: number; browser: number; all: number } {
  const out = { renderer: 0, browser: 0, all: 0 };
  for (const pid of pids) {
    const peak = statusField(pid, 'VmHWM');
    if (peak === undefined) continue;
    const above = Math.max(0, peak - (snapshot.rss.get(pid) ?? 0));
    out.all += above;
    const kind = kindOf(pid);
    if (kind === 'renderer') out.renderer += above;
    else if (kind === 'browser') out.browser += above;
  }
  return out;
}
