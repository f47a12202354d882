/**
 * One contender's measured run, in a process of its own (so one contender's memory and JIT state never
 * touch another's): an unmeasured warm-up, then the measured run, then the saved files are checked.
 * The job comes as JSON in argv[2]; the result goes back over IPC.
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { findContender } from './contenders/suites';
import { type CliContender, isCli, type NodeContender } from './contenders/types';
import { PeakRssAboveStart, watchPeakRss } from './memory';
import type { ChildJob, ChildResult } from './protocol';

const job = JSON.parse(process.argv[2] as string) as ChildJob;

const pathsIn = (dir: string, count: number) =>
  Array.from({ length: count }, (_, i) => join(dir, `f${i}.bin`));

async function checkSaved(dir: string, count: number, size: number): Promise<void> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.bin'));
  if (names.length !== count) throw new Error(`saved ${names.length} files, not ${count}`);
  for (const name of names) {
    const { size: saved } = await stat(join(dir, name));
    if (saved !== size) throw new Error(`${name} has ${saved} bytes, not ${size}`);
  }
}

async function runNode(contender: NodeContender): Promise<ChildResult> {
  const memory = new PeakRssAboveStart();
  memory.start();
  const warmDir = join(job.dir, 'warm');
  await mkdir(warmDir);
  await contender.saveAll(job.warmUrl, pathsIn(warmDir, job.warmCount), job.concurrency);
  await rm(warmDir, { recursive: true });
  const dir = join(job.dir, 'run');
  await mkdir(dir);
  const cpu = process.cpuUsage();
  const started = performance.now();
  await contender.saveAll(job.url, pathsIn(dir, job.count), job.concurrency);
  const seconds = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(cpu);
  const peakRss = memory.stop();
  if (contender.writesFiles !== false) await checkSaved(dir, job.count, job.size);
  return { seconds, cpuSeconds: (user + system) / 1e6, peakRss };
}

function runCli(contender: CliContender): Promise<ChildResult> {
  const path = join(job.dir, 'f0.bin');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(contender.command, contender.args(job.url, path), { stdio: 'inherit' });
    const memory = child.pid === undefined ? undefined : watchPeakRss(child.pid, contender.command);
    child.once('error', reject);
    child.once('exit', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const peakRss = memory?.stop();
      if (code !== 0) return reject(new Error(`${contender.command} exited with ${code}`));
      checkSaved(job.dir, 1, job.size).then(() => resolve({ seconds, peakRss, wholeProcess: true }), reject);
    });
  });
}

const contender = findContender(job.suite, job.contender);
(isCli(contender) ? runCli(contender) : runNode(contender)).then(
  (result) => process.send?.(result, () => process.exit(0)),
  (error: unknown) => {
    process.send?.({ error: String((error as Error)?.stack ?? error) }, () => process.exit(1));
  },
);
