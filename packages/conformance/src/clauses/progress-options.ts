import { describe, expect } from 'vitest';
import { clause, type SuiteContext } from '../context';

/** Contract §4 (options): `progressStep` and `progressInterval` thin the events; the final one always comes. */
export function progressOptionClauses(ctx: SuiteContext): void {
  describe('progress options', () => {
    clause(
      ctx,
      'progressStep: events only when the percent moved by at least the step',
      'progressOptions',
      async () => {
        const size = 1_000_000;
        const { progress, error } = await ctx.run({
          url: ctx.file({ size, chunk: 8192, delay: 2 }),
          progressStep: 10,
        });
        expect(error).toBeUndefined();
        const percents = progress.map((p) => p.progress);
        expect(percents.at(-1)).toBe(100);
        for (let i = 1; i < percents.length - 1; i++) {
          expect(
            percents[i]! - percents[i - 1]!,
            `step from ${percents[i - 1]} to ${percents[i]}`,
          ).toBeGreaterThanOrEqual(10);
        }
        expect(percents.length).toBeLessThanOrEqual(11);
      },
      ['progressUpdate'],
    );

    clause(
      ctx,
      'progressInterval: events at least that far apart',
      'progressOptions',
      async () => {
        const times: number[] = [];
        const { progress, error } = await ctx.run(
          { url: ctx.file({ size: 800_000, chunk: 8192, delay: 8 }), progressInterval: 150 },
          (task) => task.onProgressUpdate(() => times.push(Date.now())),
        );
        expect(error).toBeUndefined();
        expect(progress.at(-1)?.progress).toBe(100);
        const gaps = times.slice(1, -1).map((t, i) => t - times[i]!);
        expect(gaps.length, 'several events came').toBeGreaterThan(1);
        for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(140);
      },
      ['progressUpdate'],
    );

    clause(ctx, 'bad progress options are refused', ['progressOptions', 'badInput'], async () => {
      expect((await ctx.run({ url: ctx.file({}), progressStep: 0 })).error?.code).toBe('INVALID_ARGUMENT');
      expect((await ctx.run({ url: ctx.file({}), progressInterval: -5 })).error?.code).toBe(
        'INVALID_ARGUMENT',
      );
    });
  });
}
