import { type ClauseMeta, capabilityRows, type Feature, features } from './features';

/** One clause's test as a run reported it: what the suite recorded on it, and how it ended. */
export interface ClauseOutcome extends ClauseMeta {
  /** The test's state at the end of the run (`skipped` by the manifest when `skipped` is set). */
  state: 'passed' | 'failed' | 'skipped' | 'pending';
}

/** The support table: one row per feature (features.ts), one cell per adapter. */
export interface SupportTable {
  /** The adapters' manifest names, in column order. */
  adapters: string[];
  /** A row per feature, in the order of `features`: its label and each adapter's cell (Markdown). */
  rows: Array<{ feature: Feature; label: string; cells: Record<string, string> }>;
  /** Each adapter's variants (the targets that ran the suite for it), whose results its cells combine. */
  variants: Record<string, string[]>;
}

/** dl's own adapters come first, in the seed API page's order; any other adapter follows by name. */
const ADAPTER_ORDER = ['weapp', 'h5', 'rn', 'node'];

/**
 * What one variant of an adapter shows for one feature. A clause the manifest skipped counts only in the
 * rows of the capabilities it lacked (`capabilityRows`), which show the manifest's reason instead of ✔.
 * Otherwise: ✘ when a clause proving the feature failed or did not run (a skip that is not the manifest's
 * proves nothing), ✔ when they all passed, and `✘ not proved` when none ran.
 */
function verdict(feature: Feature, outcomes: ClauseOutcome[]): string {
  const reasons = new Set<string>();
  for (const o of outcomes)
    for (const { capability, reason } of o.skipped ?? [])
      if (capabilityRows[capability].includes(feature)) reasons.add(`no \`${capability}\`: ${reason}`);
  const ran = outcomes.filter((o) => !o.skipped && o.proves.includes(feature));
  if (ran.some((o) => o.state !== 'passed')) return '✘';
  if (reasons.size) return `— ${[...reasons].join('; ')}`;
  return ran.length ? '✔' : '✘ not proved';
}

/** `h5 (chromium, fetch)` → `chromium, fetch`: a variant's name without its adapter's. */
function variantLabel(adapter: string, target: string): string {
  const prefix = `${adapter} (`;
  return target.startsWith(prefix) && target.endsWith(')') ? target.slice(prefix.length, -1) : target;
}

/**
 * Names a group of variants shortly: where a group holds every variant that starts like one of its own
 * (`webkit, fetch` and `webkit, xhr`), that start (`webkit`) stands for them.
 */
function nameGroup(group: string[], all: string[]): string {
  const head = (label: string) => label.split(', ')[0]!;
  const names: string[] = [];
  for (const label of group) {
    const whole = all.filter((l) => head(l) === head(label)).every((l) => group.includes(l));
    const name = whole ? head(label) : label;
    if (!names.includes(name)) names.push(name);
  }
  return names.join('; ');
}

/** One cell: the verdict every variant shares, or each verdict with the variants that gave it. */
function cell(adapter: string, byTarget: Map<string, string>): string {
  const groups = new Map<string, string[]>();
  for (const [target, text] of byTarget) {
    groups.set(text, [...(groups.get(text) ?? []), variantLabel(adapter, target)]);
  }
  if (groups.size === 1) return [...groups.keys()][0]!;
  const all = [...byTarget.keys()].map((target) => variantLabel(adapter, target));
  const rank = (text: string) => (text.startsWith('✘') ? 0 : text.startsWith('—') ? 1 : 2);
  return [...groups]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([text, group]) => `${nameGroup(group, all)}: ${text}`)
    .join('<br>');
}

/** Builds the support table from a run's clause outcomes (every adapter, every variant). */
export function supportTable(outcomes: readonly ClauseOutcome[]): SupportTable {
  const variants: Record<string, string[]> = {};
  for (const o of outcomes) {
    const list = variants[o.adapter] ?? [];
    if (!list.includes(o.target)) variants[o.adapter] = [...list, o.target];
  }
  const rankOf = (a: string) => (ADAPTER_ORDER.includes(a) ? ADAPTER_ORDER.indexOf(a) : ADAPTER_ORDER.length);
  const adapters = Object.keys(variants).sort((a, b) => rankOf(a) - rankOf(b) || a.localeCompare(b));
  for (const adapter of adapters) variants[adapter]!.sort();
  const rows = (Object.keys(features) as Feature[]).map((feature) => {
    const cells: Record<string, string> = {};
    for (const adapter of adapters) {
      const byTarget = new Map<string, string>();
      for (const target of variants[adapter]!) {
        const ofTarget = outcomes.filter((o) => o.adapter === adapter && o.target === target);
        byTarget.set(target, verdict(feature, ofTarget));
      }
      cells[adapter] = cell(adapter, byTarget);
    }
    return { feature, label: features[feature], cells };
  });
  return { adapters, rows, variants };
}

const escapeCell = (text: string) => text.replace(/\|/g, '\\|');

/** The table as Markdown: a row per feature, a column per adapter (`@dl/<name>`). */
export function renderSupportTable(table: SupportTable): string {
  const lines = [
    `| | ${table.adapters.map((a) => `\`@dl/${a}\``).join(' | ')} |`,
    `| :--- |${table.adapters.map(() => ' :---: |').join('')}`,
    ...table.rows.map(
      (row) =>
        `| ${escapeCell(row.label)} | ${table.adapters.map((a) => escapeCell(row.cells[a]!)).join(' | ')} |`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/** The first Markdown table in `text`: its column headers, row labels, and cells keyed `row × column`. */
function parseTable(text: string): { columns: string[]; rows: string[]; cells: Map<string, string> } {
  const split = (line: string) =>
    line
      .trim()
      .replace(/^\||\|$/g, '')
      .split(/(?<!\\)\|/)
      .map((c) => c.trim());
  const lines = text.split('\n').filter((line) => line.trim().startsWith('|'));
  const [header = '', , ...body] = lines;
  const columns = split(header).slice(1);
  const rows: string[] = [];
  const cells = new Map<string, string>();
  for (const line of body) {
    const [label = '', ...values] = split(line);
    rows.push(label);
    for (const [i, value] of values.entries())
      cells.set(`${label} × ${columns[i] ?? `column ${i + 2}`}`, value);
  }
  return { columns, rows, cells };
}

/**
 * Where two renderings of the table disagree: a column or a row present in only one of them, then one
 * line per differing cell (`row × column: checked in "…", measured "…"`). Empty when they agree.
 */
export function diffSupportTables(checkedIn: string, measured: string): string[] {
  const before = parseTable(checkedIn);
  const after = parseTable(measured);
  const onlyIn = (a: string[], b: string[]) => a.filter((x) => !b.includes(x));
  const columns = after.columns.filter((c) => before.columns.includes(c));
  const rows = after.rows.filter((r) => before.rows.includes(r));
  return [
    ...onlyIn(before.columns, after.columns).map((c) => `column ${c}: checked in, not measured`),
    ...onlyIn(after.columns, before.columns).map((c) => `column ${c}: measured, not checked in`),
    ...onlyIn(before.rows, after.rows).map((r) => `row ${r}: checked in, not measured`),
    ...onlyIn(after.rows, before.rows).map((r) => `row ${r}: measured, not checked in`),
    ...rows.flatMap((row) =>
      columns
        .map((column) => `${row} × ${column}`)
        .filter((key) => before.cells.get(key) !== after.cells.get(key))
        .map((key) => `${key}: checked in "${before.cells.get(key)}", measured "${after.cells.get(key)}"`),
    ),
  ];
}
