/** The size run as Markdown, and its place in docs/performance.md (right after the Node run's section). */
import { replaceSection } from '../doc-section';
import { END as NODE_END } from '../report';
import type { Breakdown, SizeRow } from './measure';

export const START = '<!-- bench:size:start -->';
export const END = '<!-- bench:size:end -->';

/** The performance issue's targets for `downloadFile` alone, min+gzip. */
export const TARGETS: Record<string, number> = { '@dl/weapp': 4 * 1024, '@dl/h5': 5 * 1024 };

const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} kB`;

function sizeTable(rows: SizeRow[]): string[] {
  const lines = ['| library | what the app imports | minified | min+gzip |', '|---|---|---:|---:|'];
  for (const row of rows) {
    const target = TARGETS[row.name];
    const note = target === undefined ? '' : ` (target ${kb(target)})`;
    lines.push(`| ${row.name} | \`${row.imports}\` | ${kb(row.minified)} | ${kb(row.gzipped)}${note} |`);
  }
  return lines;
}

/** One row per source file, a column per adapter: minified bytes and their share of that bundle. */
function breakdownTable(breakdowns: Breakdown[]): string[] {
  const files = new Map<string, number>();
  for (const b of breakdowns)
    for (const f of b.files) files.set(f.file, Math.max(files.get(f.file) ?? 0, f.bytes));
  const order = [...files.entries()].sort((a, b) => b[1] - a[1]).map(([file]) => file);
  const lines = [
    `| source file | ${breakdowns.map((b) => `${b.name} (bytes, share)`).join(' | ')} |`,
    `|---|${breakdowns.map(() => '---:|').join('')}`,
  ];
  for (const file of order) {
    const cells = breakdowns.map((b) => {
      const share = b.files.find((f) => f.file === file);
      return share ? `${share.bytes} (${((share.bytes / b.minified) * 100).toFixed(0)} %)` : '–';
    });
    lines.push(`| \`${file}\` | ${cells.join(' | ')} |`);
  }
  lines.push(
    `| **whole bundle** | ${breakdowns.map((b) => `${b.minified} min, ${b.gzipped} min+gzip`).join(' | ')} |`,
  );
  return lines;
}

export function sizeMarkdown(date: string, rows: SizeRow[], breakdowns: Breakdown[]): string {
  return [
    START,
    '### Size — what an app bundles',
    '',
    `${date}. Each import bundled with esbuild as an app's bundler would (dl's packages as published, the others as installed), minified, gzipped at level 9. A mini-program's own \`downloadFile\` costs nothing to bundle: it is the platform's.`,
    '',
    ...sizeTable(rows),
    '',
    "Where `downloadFile`'s bytes go: each source file's minified bytes in the bundle (bundled from the sources at the published targets, ES2015 for mini-programs, ES2020 for the web).",
    '',
    ...breakdownTable(breakdowns),
    END,
  ].join('\n');
}

/** Puts the section in place of the previous size run, or (the first time) right after the Node run's section. */
export async function updateSizeSection(path: string, section: string): Promise<void> {
  await replaceSection(path, { start: START, end: END }, section, (doc) => {
    const after = doc.indexOf(NODE_END);
    const at = after < 0 ? doc.length : after + NODE_END.length;
    return `${doc.slice(0, at)}\n\n${section}${doc.slice(at)}`;
  });
}
