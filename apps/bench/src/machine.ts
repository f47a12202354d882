/** What the figures were measured on, and waiting for a quiet machine before measuring. */
import { cpus, loadavg, release, totalmem } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

export interface MachineNotes {
  date: string;
  node: string;
  cores: number;
  cpu: string;
  memoryGiB: number;
  kernel: string;
  /** 1-minute load average when measuring began, and whether it was below the threshold by then. */
  loadAtStart: number;
  quiet: boolean;
  /** 1-minute load averages when each suite began (the bench itself keeps one core busy). */
  loadPerSuite: Record<string, number>;
}

export const oneMinuteLoad = () => loadavg()[0] as number;

/**
 * Waits until the 1-minute load is below `threshold`, checking every 15 s for at most `maxMinutes`.
 * Resolves with the load it saw last and whether it was quiet.
 */
export async function waitForQuiet(
  threshold: number,
  maxMinutes: number,
): Promise<{ load: number; quiet: boolean }> {
  const until = Date.now() + maxMinutes * 60_000;
  for (;;) {
    const load = oneMinuteLoad();
    if (load < threshold) return { load, quiet: true };
    if (Date.now() >= until) return { load, quiet: false };
    console.log(`load ${load.toFixed(2)} ≥ ${threshold}: waiting for a quieter machine…`);
    await sleep(15_000);
  }
}

export function machineNotes(loadAtStart: number, quiet: boolean): MachineNotes {
  const all = cpus();
  return {
    date: new Date().toISOString().slice(0, 10),
    node: process.version,
    cores: all.length,
    cpu: all[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    kernel: `${process.platform} ${release()}`,
    loadAtStart,
    quiet,
    loadPerSuite: {},
  };
}
