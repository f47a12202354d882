import { expect, it } from 'vitest';
import { formatReport, runSoak } from '../soak/soak';

// The seconds-long version of `pnpm soak`: the same mix, short, so every `pnpm test` re-proves it.
it('a short soak: every outcome as expected, no temporary file left, handles flat', async () => {
  const report = await runSoak({ durationMs: 4000, sampleEveryMs: 500, inFlight: 12 });
  console.info(formatReport(report));
  expect(report.unexpected).toEqual([]);
  expect(report.downloads).toBeGreaterThan(50);
  const files = report.verdict.find((v) => v.metric === 'files')!;
  expect(files.end, 'temporary and part files left').toBe(0);
  const handles = report.verdict.find((v) => v.metric === 'handles')!;
  expect(handles.flat, formatReport(report)).toBe(true);
}, 60_000);
