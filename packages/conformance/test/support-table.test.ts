import { describe, expect, it } from 'vitest';
import {
  type ClauseOutcome,
  capabilityRows,
  diffSupportTables,
  type Feature,
  features,
  renderSupportTable,
  supportTable,
} from '../src/index';

/** A clause outcome: one variant of one adapter, the rows it proves, how it ended. */
function outcome(
  target: string,
  proves: Feature[],
  state: ClauseOutcome['state'] = 'passed',
  skipped?: ClauseOutcome['skipped'],
): ClauseOutcome {
  const adapter = target.split(' ')[0]!;
  return { adapter, target, proves, state, ...(skipped ? { skipped } : {}) };
}

const noOpfs = { capability: 'filePath', reason: 'this runtime has no Origin Private File System' } as const;
const noCookie = { capability: 'cookieHeader', reason: 'a | b' } as const;

/** Every row proved and passed by one clause on each of these variants. */
function allPassing(targets: string[]): ClauseOutcome[] {
  return targets.map((target) => outcome(target, Object.keys(features) as Feature[]));
}

const cellOf = (outcomes: ClauseOutcome[], feature: Feature, adapter: string) =>
  supportTable(outcomes).rows.find((row) => row.feature === feature)!.cells[adapter];

describe('support table', () => {
  it('has a row per feature, in order, and the adapters in the seed page order', () => {
    const table = supportTable(
      allPassing(['node', 'rn (ios)', 'h5 (chromium, fetch)', 'weapp (wx emulator)']),
    );
    expect(table.rows.map((row) => row.feature)).toEqual(Object.keys(features));
    expect(table.adapters).toEqual(['weapp', 'h5', 'rn', 'node']);
    expect(table.rows.every((row) => Object.values(row.cells).every((c) => c === '✔'))).toBe(true);
  });

  it('every capability stands for rows of the table', () => {
    for (const rows of Object.values(capabilityRows)) {
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(Object.keys(features)).toContain(row);
    }
  });

  it('a failing clause turns ✔ into ✘, naming the variant where it failed', () => {
    const outcomes = [
      ...allPassing(['h5 (chromium, fetch)', 'h5 (webkit, fetch)']),
      outcome('h5 (webkit, fetch)', ['abort'], 'failed'),
    ];
    // Each engine's only variant here: the engine names it.
    expect(cellOf(outcomes, 'abort', 'h5')).toBe('webkit: ✘<br>chromium: ✔');
    expect(cellOf(outcomes, 'signal', 'h5')).toBe('✔');

    // Failing on one of webkit's two variants: that one is named, in full.
    const onXhr = [
      ...allPassing(['h5 (chromium, fetch)', 'h5 (webkit, fetch)', 'h5 (webkit, xhr)']),
      outcome('h5 (webkit, xhr)', ['abort'], 'failed'),
    ];
    expect(cellOf(onXhr, 'abort', 'h5')).toBe('webkit, xhr: ✘<br>chromium; webkit, fetch: ✔');
  });

  it("a clause skipped by the manifest shows the manifest's reason instead of ✔", () => {
    const outcomes = [...allPassing(['h5 (node)']), outcome('h5 (node)', ['filePath'], 'skipped', [noOpfs])];
    expect(cellOf(outcomes, 'filePath', 'h5')).toBe(
      '— no `filePath`: this runtime has no Origin Private File System',
    );
  });

  it('the reason shows in the rows of the capability that was lacking, and nowhere else', () => {
    const outcomes = [
      outcome('h5 (node)', ['abort']),
      outcome('h5 (node)', ['abort', 'atomicFilePath'], 'skipped', [noOpfs]),
      outcome('h5 (node)', ['queue'], 'skipped', [noOpfs, noCookie]),
    ];
    expect(cellOf(outcomes, 'abort', 'h5')).toBe('✔');
    expect(cellOf(outcomes, 'filePath', 'h5')).toBe(
      '— no `filePath`: this runtime has no Origin Private File System',
    );
    expect(cellOf(outcomes, 'cookieHeader', 'h5')).toBe('— no `cookieHeader`: a | b');
    // Its only clauses were skipped for other capabilities: nothing proves it here.
    expect(cellOf(outcomes, 'atomicFilePath', 'h5')).toBe('✘ not proved');
    expect(cellOf(outcomes, 'queue', 'h5')).toBe('✘ not proved');
  });

  it('a skip the manifest did not ask for proves nothing: ✘', () => {
    const outcomes = [...allPassing(['node']), outcome('node', ['timeout'], 'skipped')];
    expect(cellOf(outcomes, 'timeout', 'node')).toBe('✘');
  });

  it('combines the variants: one verdict when they agree, else each with the variants that gave it', () => {
    const targets = [
      'h5 (node)',
      'h5 (chromium, fetch)',
      'h5 (chromium, xhr)',
      'h5 (webkit, fetch)',
      'h5 (webkit, xhr)',
    ];
    const outcomes = [
      ...allPassing(targets),
      outcome('h5 (node)', ['filePath'], 'skipped', [noOpfs]),
      outcome('h5 (webkit, fetch)', ['filePath'], 'skipped', [noOpfs]),
      outcome('h5 (webkit, xhr)', ['filePath'], 'skipped', [noOpfs]),
    ];
    // Both webkit variants (fetch and xhr) lack it: "webkit" names them.
    expect(cellOf(outcomes, 'filePath', 'h5')).toBe(
      'node; webkit: — no `filePath`: this runtime has no Origin Private File System<br>chromium: ✔',
    );
    expect(supportTable(outcomes).variants.h5).toEqual([...targets].sort());
  });

  it('renders Markdown whose cells a second rendering is compared with, cell by cell', () => {
    const passing = allPassing(['node', 'weapp (wx emulator)']);
    const before = renderSupportTable(supportTable(passing));
    expect(before.split('\n')[0]).toBe('| | `@dl/weapp` | `@dl/node` |');
    expect(before).toContain('| `DownloadTask.abort` | ✔ | ✔ |');
    expect(diffSupportTables(before, before)).toEqual([]);

    const after = renderSupportTable(
      supportTable([...passing, outcome('weapp (wx emulator)', ['cookieHeader'], 'skipped', [noCookie])]),
    );
    expect(after).toContain('a \\| b');
    expect(diffSupportTables(before, after)).toEqual([
      '`header`: `Cookie` × `@dl/weapp`: checked in "✔", measured "— no `cookieHeader`: a \\| b"',
    ]);
    expect(diffSupportTables(before, renderSupportTable(supportTable(allPassing(['node']))))).toEqual([
      'column `@dl/weapp`: checked in, not measured',
    ]);
    expect(diffSupportTables(before.replace(/\| `header` \|[^\n]*\n/, ''), before)).toEqual([
      'row `header`: measured, not checked in',
    ]);
  });
});
