/**
 * `pnpm soak [seconds]`: the node adapter under thousands of downloads with random faults and aborts for
 * a bounded time (default 60 s, or DL_SOAK_SECONDS), then a table of memory, handles and files; exits
 * non-zero unless they stayed flat and every outcome was the expected one.
 */
import { formatReport, runSoak } from './soak';

const seconds = Number(process.argv[2] ?? process.env.DL_SOAK_SECONDS ?? 60);
if (!Number.isFinite(seconds) || seconds <= 0) {
  console.error('usage: pnpm soak [seconds > 0]');
  process.exit(2);
}
const report = await runSoak({ durationMs: seconds * 1000, log: (line) => console.log(line) });
console.log(formatReport(report));
process.exitCode = report.flat ? 0 : 1;
