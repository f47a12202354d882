/**
 * `pnpm bench`: @dl/node against the code Node users write instead — one large file, many small and
 * medium files, and the cost of a task itself — every contender in its own child process, interleaved
 * in one run against one test server in a process of its own. Writes the medians and ratios, the machine
 * notes and a chart into docs/performance.md (a `--quick` run only prints).
 *
 * Flags: `--quick` (small sizes, 2 rounds), `--rounds=N`, `--max-wait=MINUTES` (for a 1-minute load
 * below 1.5 before measuring; default 10, 0 with --quick), `--only=large,overhead,size` (some suites;
 * only prints, but for the size section), `--no-write`. The size suite times nothing: it bundles dl and the web's download libraries
 * as apps do and reports their min+gzip sizes, and where dl's bytes go.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestServerProcess } from '@dl/test-server/process';
import { fileUrl } from '@dl/test-server/scenarios';
import { flag, maxWait, option, quick, rounds } from './args';
import { barChart } from './chart';
import { type SuiteName, suites } from './contenders/suites';
import { isCli } from './contenders/types';
import { machineNotes, oneMinuteLoad, waitForQuiet } from './machine';
import type { ChildJob } from './protocol';
import { chartPanels, markdown, type Run, updateDoc } from './report';
import type { Measured, SuiteResult } from './results';
import { runChild } from './run-child';
import { measureBreakdowns, measureSizes } from './size/measure';
import { sizeMarkdown, updateSizeSection } from './size/report';

const only = option('only')?.split(',');
const write = !quick && !only && !flag('no-write');
const CONCURRENCY = 10;
const LOAD_THRESHOLD = 1.5;

interface SuitePlan {
  suite: SuiteName;
  count: number;
  size: number;
  warmCount: number;
  warmSize: number;
}

const plans: SuitePlan[] = quick
  ? [
      { suite: 'large', count: 1, size: 32 * 2 ** 20, warmCount: 1, warmSize: 4 * 2 ** 20 },
      { suite: 'many4k', count: 200, size: 4096, warmCount: 50, warmSize: 4096 },
      { suite: 'many256k', count: 50, size: 256 * 1024, warmCount: 20, warmSize: 256 * 1024 },
      { suite: 'overhead', count: 1000, size: 0, warmCount: 200, warmSize: 0 },
    ]
  : [
      { suite: 'large', count: 1, size: 256 * 2 ** 20, warmCount: 1, warmSize: 32 * 2 ** 20 },
      { suite: 'many4k', count: 2000, size: 4096, warmCount: 200, warmSize: 4096 },
      { suite: 'many256k', count: 500, size: 256 * 1024, warmCount: 50, warmSize: 256 * 1024 },
      { suite: 'overhead', count: 10_000, size: 0, warmCount: 1000, warmSize: 0 },
    ];

/** Why a command-line contender cannot run here, or undefined when it can. */
function missingCommand(command: string): string | undefined {
  const probe = spawnSync(command, ['--version'], { stdio: 'ignore' });
  return probe.error ? `skipped: \`${command}\` is not installed` : undefined;
}

async function runSuite(plan: SuitePlan, serverUrl: string, notes: string[]): Promise<SuiteResult> {
  const contenders = suites[plan.suite];
  const measured: Measured[] = contenders.map((contender) => ({
    name: contender.name,
    seconds: [],
    cpuSeconds: [],
    peakRss: [],
    skipped: isCli(contender) ? missingCommand(contender.command) : undefined,
  }));
  for (const entry of measured) if (entry.skipped) notes.push(`${entry.name}: ${entry.skipped}.`);
  const url = fileUrl(serverUrl, { size: plan.size, seed: 7 });
  const warmUrl = fileUrl(serverUrl, { size: plan.warmSize, seed: 8 });
  for (let round = 0; round <= rounds; round++) {
    // Rotated each round, so no contender always runs right after the same neighbour.
    const order = measured.map((_, i) => (i + round) % measured.length);
    for (const index of order) {
      const entry = measured[index] as Measured;
      if (entry.skipped) continue;
      const dir = await mkdtemp(join(tmpdir(), 'dl-bench-'));
      const job: ChildJob = {
        suite: plan.suite,
        contender: entry.name,
        url,
        warmUrl,
        warmCount: plan.warmCount,
        count: plan.count,
        size: plan.size,
        concurrency: CONCURRENCY,
        dir,
      };
      try {
        const result = await runChild(job);
        if (result.error !== undefined) throw new Error(result.error);
        // Round 0 warms the server, the disk and the page cache up: discarded.
        if (round > 0) {
          entry.seconds.push(result.seconds);
          if (result.cpuSeconds !== undefined) entry.cpuSeconds.push(result.cpuSeconds);
          if (result.peakRss !== undefined) entry.peakRss.push(result.peakRss);
          entry.wholeProcess = result.wholeProcess;
        }
      } catch (error) {
        entry.skipped = `failed: ${String(error).split('\n')[0]}`;
        notes.push(`${entry.name} (${plan.suite}) ${entry.skipped}`);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
    process.stdout.write(`${plan.suite}: round ${round}/${rounds} done\n`);
  }
  return { suite: plan.suite, count: plan.count, size: plan.size, contenders: measured };
}

const docs = fileURLToPath(new URL('../../../docs/', import.meta.url));
if (!only || only.includes('size')) {
  const section = sizeMarkdown(
    new Date().toISOString().slice(0, 10),
    await measureSizes(),
    await measureBreakdowns(),
  );
  console.log(`\n${section}\n`);
  // Sizes are not timed and do not depend on the machine: an `--only=size` run writes them too.
  if (!quick && !flag('no-write')) await updateSizeSection(join(docs, 'performance.md'), section);
}
const timed = plans.filter((plan) => !only || only.includes(plan.suite));
if (timed.length === 0) process.exit(0);

const { load, quiet } = await waitForQuiet(LOAD_THRESHOLD, maxWait);
if (!quiet) console.log(`load ${load.toFixed(2)}: measuring anyway, the report says so`);
const machine = machineNotes(load, quiet);
const server = await startTestServerProcess();
const notes: string[] = [];
const results = {} as Record<SuiteName, SuiteResult>;
try {
  for (const plan of timed) {
    machine.loadPerSuite[plan.suite] = oneMinuteLoad();
    results[plan.suite] = await runSuite(plan, server.url, notes);
  }
} finally {
  await server.stop();
}

const run: Run = { machine, rounds, concurrency: CONCURRENCY, ...results, notes };
const chartFile = 'performance-latest.svg';
const section = markdown(run, chartFile);
console.log(`\n${section}\n`);
if (write) {
  await writeFile(
    join(docs, chartFile),
    barChart(`pnpm bench, ${machine.date}, Node ${machine.node}`, chartPanels(run)),
  );
  await updateDoc(join(docs, 'performance.md'), section);
  console.log(`wrote docs/performance.md and docs/${chartFile}`);
}
