import { describe, expect, it } from 'vitest';
import {
  type ClauseOutcome,
  diffSupportTables,
  features,
  renderSupportTable,
  supportTable,
} from '../src/index';

/** A clause outcome: one variant of one adapter, the rows it proves, how it ended. */
function outcome(
  target: string,
  proves: ClauseOutcome['proves'],
  state: ClauseOutcome['state'] = 'passed',
  skipped?: ClauseOutcome['skipped'],
): ClauseOutcome {
  const adapter = target.split(' ')[0]!;
  return { adapter, target, proves, state, ...(skipped ? { skipped } : {}) };
}

const noOpfs = { capability: 'filePath', reason: 'this runtime has no Origin Private File System' };

/** Every row proved and passed by one clause on each of these variants. */
function allPassing(targets: string[]): ClauseOutcome[] {
  return targets.map((target) => outcome(target, Object.keys(features) as ClauseOutcome['proves']));
}

const cellOf = (outcomes: ClauseOutcome[], feature: keyof typeof features, adapter: string) =>
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
    const outcomes = [...allPassing(['h5 (node)']), outcome('h5 (node)', ['filePath'], 'skipped', noOpfs)];
    expect(cellOf(outcomes, 'filePath', 'h5')).toBe(
      '— no `filePath`: this runtime has no Origin Private File System',
    );
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
      outcome('h5 (node)', ['filePath'], 'skipped', noOpfs),
      outcome('h5 (webkit, fetch)', ['filePath'], 'skipped', noOpfs),
      outcome('h5 (webkit, xhr)', ['filePath'], 'skipped', noOpfs),
    ];
    // Both webkit variants (fetch and xhr) lack it: "webkit" names them.
    expect(cellOf(outcomes, 'filePath', 'h5')).toBe(
      'node; webkit: — no `filePath`: this runtime has no Origin Private File System<br>chromium: ✔',
    );
    expect(supportTable(outcomes).variants.h5).toEqual([...targets].sort());
  });

  it('a row no clause proves is not claimed', () => {
    const outcomes = [outcome('node', ['abort'])];
    expect(cellOf(outcomes, 'abort', 'node')).toBe('✔');
    expect(cellOf(outcomes, 'timeout', 'node')).toBe('✘ no clause');
  });

  it('renders Markdown whose cells a second rendering is compared with, cell by cell', () => {
    const passing = allPassing(['node', 'weapp (wx emulator)']);
    const before = renderSupportTable(supportTable(passing));
    expect(before.split('\n')[0]).toBe('| | `@dl/weapp` | `@dl/node` |');
    expect(before).toContain('| `DownloadTask.abort` | ✔ | ✔ |');
    expect(diffSupportTables(before, before)).toEqual([]);

    const after = renderSupportTable(
      supportTable([
        ...passing,
        outcome('weapp (wx emulator)', ['header'], 'skipped', {
          capability: 'requestHeaders',
          reason: 'a | b',
        }),
      ]),
    );
    expect(after).toContain('a \\| b');
    expect(diffSupportTables(before, after)).toEqual([
      '`header` × `@dl/weapp`: checked in "✔", measured "— no `requestHeaders`: a \\| b"',
    ]);
    expect(diffSupportTables(before, renderSupportTable(supportTable(allPassing(['node']))))).toEqual([
      'column `@dl/weapp`: checked in, not measured',
    ]);
    expect(diffSupportTables(before.replace(/\| `header` \|[^\n]*\n/, ''), before)).toEqual([
      'row `header`: measured, not checked in',
    ]);
  });
});
