/** The run as Markdown (tables of medians and ratios, machine notes) and its place in docs/performance.md. */
import type { Panel } from './chart';
import { replaceSection } from './doc-section';
import type { MachineNotes } from './machine';
import { type SuiteResult, type Summary, summarize } from './results';

export const START = '<!-- bench:latest:start -->';
export const END = '<!-- bench:latest:end -->';

export const BASELINES = {
  large: 'fetch → Readable.fromWeb → fs stream',
  many: 'fetch → Readable.fromWeb → fs stream',
  overhead: 'hand-written loop (undici.request + part file + rename)',
} as const;

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const ratio = (value: number, base: number | undefined) =>
  base === undefined ? '–' : `${(value / base).toFixed(2)}×`;
const sizeLabel = (bytes: number) => (bytes >= 2 ** 20 ? `${bytes / 2 ** 20} MiB` : `${bytes / 2 ** 10} KiB`);
const count = (n: number) => n.toLocaleString('en-US');

function figureOf(rows: Summary[], name: string): number | undefined {
  return rows.find((row) => row.name === name)?.value;
}

function cpuOf(rows: Summary[], name: string): number | undefined {
  return rows.find((row) => row.name === name)?.cpuPerItem;
}

const cpuCell = (row: Summary, digits = 0) =>
  row.cpuPerItem === undefined ? '–' : row.cpuPerItem.toFixed(digits);

function largeTable(result: SuiteResult): string[] {
  const rows = summarize(result);
  const base = figureOf(rows, BASELINES.large);
  const lines = [
    `### One large file to disk (${sizeLabel(result.size)})`,
    '',
    `| contender | MB/s | vs ${BASELINES.large} | CPU s | peak RSS above start |`,
    '|---|---:|---:|---:|---:|',
  ];
  for (const row of rows) {
    if (row.value === undefined) {
      lines.push(`| ${row.name} | – | – | – | ${row.skipped} |`);
      continue;
    }
    const memory =
      row.peakRss === undefined
        ? '–'
        : row.wholeProcess
          ? `${mib(row.peakRss)} (whole process)`
          : mib(row.peakRss);
    const cpu = row.cpuPerItem === undefined ? '–' : (row.cpuPerItem / 1e6).toFixed(2);
    lines.push(`| ${row.name} | ${row.value.toFixed(0)} | ${ratio(row.value, base)} | ${cpu} | ${memory} |`);
  }
  return lines;
}

function manyTable(small: SuiteResult, big: SuiteResult, concurrency: number): string[] {
  const a = summarize(small);
  const b = summarize(big);
  const baseA = figureOf(a, BASELINES.many);
  const baseB = figureOf(b, BASELINES.many);
  const head = (result: SuiteResult) => `${count(result.count)} × ${sizeLabel(result.size)}`;
  const lines = [
    `### Many files, ${concurrency} at once`,
    '',
    `| contender | ${head(small)}: files/s | vs baseline | CPU µs/file | ${head(big)}: files/s | vs baseline | CPU µs/file |`,
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const row of a) {
    const other = b.find((entry) => entry.name === row.name);
    const cell = (entry: Summary | undefined, base: number | undefined) =>
      entry?.value === undefined
        ? `– | ${entry?.skipped ?? '–'} | –`
        : `${entry.value.toFixed(0)} | ${ratio(entry.value, base)} | ${cpuCell(entry)}`;
    lines.push(`| ${row.name} | ${cell(row, baseA)} | ${cell(other, baseB)} |`);
  }
  lines.push(
    '',
    `Baseline: ${BASELINES.many}. @dl/node gets every task at once and its queue runs ${concurrency}; the peers run a pool of ${concurrency}.`,
  );
  return lines;
}

function overheadTable(result: SuiteResult, concurrency: number): string[] {
  const rows = summarize(result);
  const base = figureOf(rows, BASELINES.overhead);
  const baseCpu = cpuOf(rows, BASELINES.overhead);
  const lines = [
    `### Per-task overhead: ${count(result.count)} empty bodies, ${concurrency} at once`,
    '',
    '| contender | µs per task | vs hand-written loop | CPU µs per task | vs hand-written loop |',
    '|---|---:|---:|---:|---:|',
  ];
  for (const row of rows) {
    if (row.value === undefined) lines.push(`| ${row.name} | – | ${row.skipped} | – | – |`);
    else
      lines.push(
        `| ${row.name} | ${row.value.toFixed(1)} | ${ratio(row.value, base)} | ${cpuCell(row, 1)} | ${row.cpuPerItem === undefined ? '–' : ratio(row.cpuPerItem, baseCpu)} |`,
      );
  }
  lines.push(
    '',
    "Lower is better. CPU time counts every thread of the process (the file-system calls run on libuv's pool).",
  );
  return lines;
}

export interface Run {
  machine: MachineNotes;
  rounds: number;
  concurrency: number;
  /** Each suite's result (a partial run, `--only`, lacks some). */
  large?: SuiteResult;
  many4k?: SuiteResult;
  many256k?: SuiteResult;
  overhead?: SuiteResult;
  /** Command-line peers that were not installed, and other notes on who did not run. */
  notes: string[];
}

export function chartPanels(run: Run): Panel[] {
  const panels: Panel[] = [];
  const files = (result: SuiteResult) =>
    `${count(result.count)} × ${sizeLabel(result.size)}, ${run.concurrency} at once (higher is better)`;
  if (run.large)
    panels.push({
      title: `One ${sizeLabel(run.large.size)} file to disk (higher is better)`,
      unit: 'MB/s',
      rows: summarize(run.large),
      pick: (r) => r.value,
    });
  for (const result of [run.many4k, run.many256k])
    if (result)
      panels.push({ title: files(result), unit: 'files/s', rows: summarize(result), pick: (r) => r.value });
  if (run.overhead)
    panels.push({
      title: `Per task, ${count(run.overhead.count)} empty bodies (lower is better)`,
      unit: 'µs',
      rows: summarize(run.overhead),
      pick: (r) => r.value,
      digits: 1,
    });
  if (run.large)
    panels.push({
      title: `Peak RSS above start while saving the ${sizeLabel(run.large.size)} file (lower is better)`,
      unit: 'MiB',
      rows: summarize(run.large).filter((r) => !r.wholeProcess),
      pick: (r) => (r.peakRss === undefined ? undefined : r.peakRss / 2 ** 20),
      digits: 1,
    });
  return panels;
}

export function markdown(run: Run, chartFile: string): string {
  const m = run.machine;
  const suiteLoads = Object.entries(m.loadPerSuite)
    .map(([suite, load]) => `${suite} ${load.toFixed(2)}`)
    .join(', ');
  const quietNote = m.quiet
    ? `1-minute load ${m.loadAtStart.toFixed(2)} when measuring began`
    : `**the machine never got quiet**: 1-minute load ${m.loadAtStart.toFixed(2)} when measuring began (other work was running), so the spread is wider than usual`;
  return [
    START,
    '## Latest run — `pnpm bench`',
    '',
    `${m.date}, Node ${m.node}, ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, ${m.kernel}; ${quietNote}; load as each suite began: ${suiteLoads} (the bench itself keeps about one core busy).`,
    '',
    `Method (\`apps/bench\`): the test server runs in its own process; every measured run is a fresh child process per contender (an unmeasured warm-up download in it first), the contenders interleaved and their order rotated each round; round 0 is discarded, the figures are medians of ${run.rounds} rounds. Peak RSS is the child's kernel high-water mark above its resident size once its modules were loaded.`,
    '',
    `![The latest run as bars](${chartFile})`,
    '',
    ...(run.large ? [...largeTable(run.large), ''] : []),
    ...(run.many4k && run.many256k ? [...manyTable(run.many4k, run.many256k, run.concurrency), ''] : []),
    ...(run.overhead ? overheadTable(run.overhead, run.concurrency) : []),
    ...(run.notes.length > 0 ? ['', ...run.notes.map((note) => `- ${note}`)] : []),
    END,
  ].join('\n');
}

/**
 * Puts the section into the doc: in place of the previous latest run, or (the first time) before the
 * first section, so the history below stays as it was.
 */
export async function updateDoc(path: string, section: string): Promise<void> {
  await replaceSection(path, { start: START, end: END }, section, (doc) => {
    const first = doc.indexOf('\n## ');
    return first < 0
      ? `${doc.trimEnd()}\n\n${section}\n`
      : `${doc.slice(0, first + 1)}${section}\n\n${doc.slice(first + 1)}`;
  });
}
