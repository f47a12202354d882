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

export interface BrowserRun {
  machine: MachineNotes;
  rounds: number;
  size: number;
  chromium: string;
  measured: BrowserMeasured[];
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
    `Method (\`apps/bench/src/browser.ts\`): a fresh headless Chromium per run, its page on the test server's origin; an unmeasured 1 MiB download first, then one ${size} body; the contenders interleaved, order rotated each round, round 0 discarded, medians of ${run.rounds} rounds. Time runs from the call until the saved result's size was read back (a \`blob:\` URL's Content-Length, an OPFS file's size). Memory: each process's kernel high-water mark (VmHWM) above its resident size just before the measured download, while the result is still held — the renderer (the page), the browser process (where Chromium keeps Blob data) and the sum over every process of the browser.`,
    '',
    `#### ${size} to a \`blob:\` URL`,
    '',
    ...table(run, blobNames, [BLOB_BASE, XHR_BASE]),
    '',
    `#### ${size} to the Origin Private File System`,
    '',
    ...table(run, opfsNames, [OPFS_BASE]),
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
