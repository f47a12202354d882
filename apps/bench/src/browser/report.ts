/** The Chromium run as Markdown, and its place in docs/performance.md (below the Node run's section). */
import { replaceSection } from '../doc-section';
import type { MachineNotes } from '../machine';
import { END as NODE_END } from '../report';
import { median } from '../stats';

export const START = '<!-- bench:chromium:start -->';
export const END = '<!-- bench:chromium:end -->';

const BLOB_BASE = 'fetch reader → new Blob(chunks)';
const XHR_BASE = "XHR responseType 'blob'";
const OPFS_BASE = 'fetch body.pipeTo(OPFS createWritable)';

/** One contender's measured rounds: seconds, and peak bytes above the start (renderers, browser process, all). */
export interface BrowserMeasured {
  name: string;
  seconds: number[];
  renderer: number[];
  browser: number[];
  all: number[];
  failed?: string | undefined;
}

/** One contender's seconds for a whole batch of small files. */
export interface ManyMeasured {
  name: string;
  seconds: number[];
  failed?: string | undefined;
}

export interface ManyRun {
  suite: 'many4k' | 'overhead';
  count: number;
  size: number;
  measured: ManyMeasured[];
}

export interface BrowserRun {
  machine: MachineNotes;
  rounds: number;
  size: number;
  chromium: string;
  measured: BrowserMeasured[];
  many: ManyRun[];
}

const MANY_BASE = 'fetch → response.blob()';

/** Files per second (and µs per file for empty bodies), against a pool of fetch → response.blob(). */
function manyTable(run: ManyRun): string[] {
  const perFile = (entry: ManyMeasured) => median(entry.seconds) / run.count;
  const base = run.measured.find((m) => m.name === MANY_BASE);
  const baseTime = base && base.seconds.length > 0 ? perFile(base) : undefined;
  const title =
    run.size === 0
      ? `#### Per task: ${run.count.toLocaleString('en')} empty bodies, 10 at once`
      : `#### Many files: ${run.count.toLocaleString('en')} × ${run.size / 1024} KiB to \`blob:\` URLs, 10 at once`;
  const lines = [
    title,
    '',
    '| contender | files/s | µs per file | time vs fetch → response.blob() |',
    '|---|---:|---:|---:|',
  ];
  for (const entry of run.measured) {
    if (entry.seconds.length === 0) {
      lines.push(`| ${entry.name} | – | – | ${entry.failed ?? 'no rounds'} |`);
      continue;
    }
    const time = perFile(entry);
    const ratio = baseTime === undefined ? '–' : `${(time / baseTime).toFixed(2)}×`;
    lines.push(`| ${entry.name} | ${(1 / time).toFixed(0)} | ${(time * 1e6).toFixed(0)} | ${ratio} |`);
  }
  lines.push(
    '',
    '@dl/h5 gets every task at once and its queue runs 10; the others run a pool of 10. Lower time is better. Each file is its own request (a distinct query).',
  );
  return lines;
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

function table(run: BrowserRun, names: string[], bases: string[]): string[] {
  const rate = (name: string) => {
    const entry = run.measured.find((m) => m.name === name);
    return entry && entry.seconds.length > 0 ? run.size / median(entry.seconds) / 1e6 : undefined;
  };
  const lines = [
    `| contender | MB/s | ${bases.map((base) => `vs ${base}`).join(' | ')} | renderer peak | browser process peak | all processes |`,
    `|---|---:|${bases.map(() => '---:|').join('')}---:|---:|---:|`,
  ];
  for (const name of names) {
    const entry = run.measured.find((m) => m.name === name) as BrowserMeasured;
    const value = rate(name);
    if (value === undefined) {
      lines.push(
        `| ${name} | – | ${bases.map(() => '–').join(' | ')} | ${entry.failed ?? 'no rounds'} | – | – |`,
      );
      continue;
    }
    const ratios = bases.map((base) => {
      const b = rate(base);
      return b === undefined ? '–' : `${(value / b).toFixed(2)}×`;
    });
    lines.push(
      `| ${name} | ${value.toFixed(0)} | ${ratios.join(' | ')} | ${mib(median(entry.renderer))} | ${mib(median(entry.browser))} | ${mib(median(entry.all))} |`,
    );
  }
  return lines;
}

export function browserMarkdown(run: BrowserRun): string {
  const m = run.machine;
  const size = `${run.size / 2 ** 20} MiB`;
  const blobNames = run.measured.map((e) => e.name).filter((name) => !/OPFS/.test(name));
  const opfsNames = run.measured.map((e) => e.name).filter((name) => /OPFS/.test(name));
  return [
    START,
    '### Chromium — `pnpm bench:browser`',
    '',
    `${m.date}, ${run.chromium} (headless), 2 cores; 1-minute load ${m.loadAtStart.toFixed(2)} when measuring began${m.quiet ? '' : ' (**not quiet**: other work was running)'}.`,
    '',
    `Method (\`apps/bench/src/browser.ts\`): a fresh headless Chromium per run, its page on the test server's origin; an unmeasured 1 MiB download first, then one ${size} body; the contenders interleaved, order rotated each round, round 0 discarded, medians of ${run.rounds} rounds. Time runs from the call until the saved result's size was read back (a \`blob:\` URL's Content-Length, an OPFS file's size). Memory: each process's kernel high-water mark (VmHWM) above its resident size just before the measured download, while the result is still held — the renderer (the page), the browser process (where Chromium keeps Blob data) and the sum over every process of the browser. Many files: a fresh browser per run too, an unmeasured batch first; the time covers every file of the batch, whose sizes are read back afterwards (untimed).`,
    '',
    `#### ${size} to a \`blob:\` URL`,
    '',
    ...table(run, blobNames, [BLOB_BASE, XHR_BASE]),
    '',
    `#### ${size} to the Origin Private File System`,
    '',
    ...table(run, opfsNames, [OPFS_BASE]),
    ...run.many.flatMap((many) => ['', ...manyTable(many)]),
    END,
  ].join('\n');
}

/** Puts the section in place of the previous Chromium run, or (the first time) right after the Node run's section. */
export async function updateBrowserSection(path: string, section: string): Promise<void> {
  await replaceSection(path, { start: START, end: END }, section, (doc) => {
    const after = doc.indexOf(NODE_END);
    const at = after < 0 ? doc.length : after + NODE_END.length;
    return `${doc.slice(0, at)}\n\n${section}${doc.slice(at)}`;
  });
}
