import { describe, expect } from 'vitest';
import { clause, type SuiteContext } from '../context';

/** Contract §3: any HTTP status is a success, with the body saved. */
export function statusClauses(ctx: SuiteContext): void {
  describe('any HTTP status is a success', () => {
    for (const status of [404, 500, 403, 201]) {
      clause(
        ctx,
        `a ${status} response completes with success, its statusCode and its body saved`,
        'anyStatus',
        async () => {
          const { result } = await ctx.run({
            url: ctx.file({ size: 1500, seed: status, status, id: ctx.newId() }),
          });
          expect(result!.statusCode).toBe(status);
          expect(result!.dataLength).toBe(1500);
          await ctx.expectSavedBytes(result!.tempFilePath!, 1500, status);
        },
      );
    }
  });
}
