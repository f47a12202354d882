/**
 * The run as one SVG of horizontal bars, written by hand (no charting dependency): one panel per
 * figure, @dl/node's bars in their own colour.
 */
import type { Summary } from './results';

export interface Panel {
  title: string;
  unit: string;
  rows: Summary[];
  /** Which number of a row the bar shows. */
  pick: (row: Summary) => number | undefined;
  digits?: number;
}

const WIDTH = 860;
const LABEL = 390;
const BAR = 16;
const GAP = 6;

const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function barChart(title: string, panels: Panel[]): string {
  const parts: string[] = [];
  let y = 28;
  parts.push(`<text x="10" y="20" class="title">${xml(title)}</text>`);
  for (const panel of panels) {
    const rows = panel.rows.filter((row) => panel.pick(row) !== undefined);
    if (rows.length === 0) continue;
    y += 22;
    parts.push(`<text x="10" y="${y}" class="panel">${xml(panel.title)}</text>`);
    y += 8;
    const max = Math.max(...rows.map((row) => panel.pick(row) as number));
    const room = WIDTH - LABEL - 90;
    for (const row of rows) {
      const value = panel.pick(row) as number;
      const width = max > 0 ? Math.max(1, (value / max) * room) : 1;
      const dl = row.name.startsWith('@dl/node');
      parts.push(
        `<text x="${LABEL - 8}" y="${y + BAR - 4}" class="label">${xml(row.name)}</text>`,
        `<rect x="${LABEL}" y="${y}" width="${width.toFixed(1)}" height="${BAR}" class="${dl ? 'dl' : 'peer'}"/>`,
        `<text x="${(LABEL + width + 6).toFixed(1)}" y="${y + BAR - 4}" class="value">${value.toFixed(panel.digits ?? 0)} ${xml(panel.unit)}</text>`,
      );
      y += BAR + GAP;
    }
  }
  const height = y + 10;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, sans-serif">`,
    `<title>${xml(title)}</title>`,
    '<style>.title{font-size:15px;font-weight:600}.panel{font-size:13px;font-weight:600}.label{font-size:12px;text-anchor:end}.value{font-size:12px}.dl{fill:#2f6fde}.peer{fill:#a3acb9}</style>',
    `<rect width="${WIDTH}" height="${height}" fill="#fff"/>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}
