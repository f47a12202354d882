import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServerProcess } from '@dl/test-server/process';
import { type FaultKind, faultUrl, fileUrl, redirectUrl, refusedUrl } from '@dl/test-server/scenarios';
import type { DownloadFileOptions, DownloadTaskPromise } from '@dl/types';
import { createDownloader } from '../src/index';

/** One sample of what a long run must keep flat. */
export interface SoakSample {
  atMs: number;
  rssMb: number;
  heapMb: number;
  /** `process.getActiveResourcesInfo().length`: sockets, timers, file handles, … */
  handles: number;
  /** Entries in the downloader's temporary directory plus the filePath targets' directory. */
  files: number;
  done: number;
}

export interface SoakReport {
  durationMs: number;
  downloads: number;
  byOutcome: Record<string, number>;
  /** Outcomes a scenario must not have (a wrong code, a hang, a wrong byte count). */
  unexpected: string[];
  samples: SoakSample[];
  /** Baseline (after warm-up) and end figures, each metric's growth, and whether it stayed flat. */
  verdict: Array<{ metric: string; start: number; end: number; max: number; limit: number; flat: boolean }>;
  flat: boolean;
}

export interface SoakOptions {
  /** How long to keep downloading. @default 60000 */
  durationMs?: number;
  /** Downloads in flight at once (the downloader queues beyond its 10). @default 24 */
  inFlight?: number;
  /** Milliseconds between samples. @default 1000 */
  sampleEveryMs?: number;
  /** Random seed for the scenario mix. @default 1 */
  seed?: number;
  log?: (line: string) => void;
}

/** A small deterministic PRNG (mulberry32), so a run can be repeated. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

/**
 * Thousands of downloads against loopback servers with random faults and aborts, for a bounded time,
 * sampling memory, open handles and files; at the end everything in flight settles and the figures are
 * compared with the baseline taken after a warm-up.
 */
export async function runSoak(options: SoakOptions = {}): Promise<SoakReport> {
  const durationMs = options.durationMs ?? 60_000;
  const inFlight = options.inFlight ?? 24;
  const sampleEveryMs = options.sampleEveryMs ?? 1000;
  const rand = random(options.seed ?? 1);
  const log = options.log ?? (() => {});
  // The server in its own process: its request log grows with every download, and this process's
  // memory must be dl's alone.
  const server = await startTestServerProcess();
  const root = await mkdtemp(join(tmpdir(), 'dl-soak-'));
  const tempDir = join(root, 'temp');
  const targets = join(root, 'targets');
  await mkdir(targets, { recursive: true });
  const { downloadFile } = createDownloader({ tempDir });
  const refused = await refusedUrl(server.url);
  const fault = (kind: FaultKind, params: { size?: number; at?: number }) =>
    faultUrl(server.url, kind, params);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const size = () => 1 + Math.floor(rand() * 200_000);

  type Scenario = {
    name: string;
    options(): Promise<DownloadFileOptions>;
    expect: string[];
    abortAfterMs?: number;
  };
  const scenarios: Scenario[] = [
    { name: 'ok', options: async () => ({ url: fileUrl(server.url, { size: size() }) }), expect: ['ok'] },
    {
      name: 'ok to filePath',
      // Few names for many downloads: concurrent ones share a filePath.
      options: async () => ({
        url: fileUrl(server.url, { size: size() }),
        filePath: join(targets, `f${Math.floor(rand() * 4)}.bin`),
      }),
      expect: ['ok'],
    },
    {
      name: 'gzip',
      options: async () => ({ url: fileUrl(server.url, { size: size(), gzip: 1 }) }),
      expect: ['ok'],
    },
    {
      name: 'chunked',
      options: async () => ({ url: fileUrl(server.url, { size: size(), length: 'none' }) }),
      expect: ['ok'],
    },
    {
      name: 'redirects',
      options: async () => ({ url: redirectUrl(server.url, { n: 1 + Math.floor(rand() * 5), size: 1000 }) }),
      expect: ['ok'],
    },
    {
      name: 'redirect loop',
      options: async () => ({ url: redirectUrl(server.url, { loop: 1 }) }),
      expect: ['TOO_MANY_REDIRECTS'],
    },
    {
      name: 'cut',
      options: async () => ({
        url: fileUrl(server.url, { size: 100_000, cutAt: Math.floor(rand() * 99_000) }),
      }),
      expect: ['NETWORK'],
    },
    {
      name: 'stall + timeout',
      options: async () => ({ url: fileUrl(server.url, { size: 100_000, stallAt: 1000 }), timeout: 150 }),
      expect: ['TIMEOUT'],
    },
    {
      name: 'slow headers + timeout',
      options: async () => ({ url: fileUrl(server.url, { size: 10, wait: 2000 }), timeout: 100 }),
      expect: ['TIMEOUT'],
    },
    { name: 'refused', options: async () => ({ url: refused }), expect: ['NETWORK'] },
    {
      name: 'reset before headers',
      options: async () => ({ url: await fault('reset-headers', {}) }),
      expect: ['NETWORK'],
    },
    {
      name: 'reset mid-body',
      options: async () => ({
        url: await fault('reset-body', { size: 50_000, at: Math.floor(rand() * 49_000) }),
      }),
      expect: ['NETWORK'],
    },
    {
      name: 'length longer than body',
      options: async () => ({ url: await fault('long-length', { size: 50_000, at: 20_000 }) }),
      expect: ['NETWORK'],
    },
    {
      name: 'length shorter than body',
      options: async () => ({ url: await fault('short-length', { size: 20_000, at: 5000 }) }),
      expect: ['ok'],
    },
    {
      name: 'bad gzip',
      options: async () => ({ url: await fault('bad-gzip', { size: 20_000, at: Math.floor(rand() * 3) }) }),
      expect: ['NETWORK'],
    },
    {
      name: 'kept-alive ok',
      options: async () => ({ url: await fault('ok', { size: 5000 }) }),
      expect: ['ok'],
    },
    {
      name: 'abort at a random time',
      options: async () => ({ url: fileUrl(server.url, { size: 300_000, chunk: 16_384, delay: 5 }) }),
      expect: ['ok', 'ABORTED'],
      abortAfterMs: 1,
    },
    {
      name: 'abort to filePath',
      options: async () => ({
        url: fileUrl(server.url, { size: 100_000, chunk: 8192, delay: 2 }),
        filePath: join(targets, `a${Math.floor(rand() * 4)}.bin`),
      }),
      expect: ['ok', 'ABORTED'],
      abortAfterMs: 1,
    },
  ];

  const byOutcome: Record<string, number> = {};
  const unexpected: string[] = [];
  const samples: SoakSample[] = [];
  const started = Date.now();
  let done = 0;
  const countFiles = async () =>
    (await readdir(tempDir).catch(() => [] as string[])).length + (await readdir(targets)).length;
  const sample = async () => {
    gc?.();
    const memory = process.memoryUsage();
    samples.push({
      atMs: Date.now() - started,
      rssMb: mb(memory.rss),
      heapMb: mb(memory.heapUsed),
      handles: process.getActiveResourcesInfo().length,
      files: await countFiles(),
      done,
    });
  };

  async function one(): Promise<void> {
    const scenario = pick(scenarios);
    const options = await scenario.options();
    const task: DownloadTaskPromise = downloadFile(options as Parameters<typeof downloadFile>[0]);
    let timer: NodeJS.Timeout | undefined;
    if (scenario.abortAfterMs !== undefined) timer = setTimeout(() => task.abort(), Math.floor(rand() * 120));
    const guard = new Promise<string>((resolve) => {
      const hang = setTimeout(() => resolve('hung'), 15_000);
      task.then(
        () => clearTimeout(hang),
        () => clearTimeout(hang),
      );
    });
    let outcome: string;
    let saved: string | undefined;
    try {
      outcome = await Promise.race([
        task.then((result) => {
          saved = result.tempFilePath;
          return 'ok';
        }),
        guard,
      ]);
    } catch (error) {
      outcome = (error as { code?: string }).code ?? 'THROWN';
    }
    clearTimeout(timer);
    if (outcome === 'hung') task.abort();
    byOutcome[outcome] = (byOutcome[outcome] ?? 0) + 1;
    if (!scenario.expect.includes(outcome) && unexpected.length < 20)
      unexpected.push(`${scenario.name}: ${outcome}`);
    // What an app does with a temporary file it got: use it, then remove it.
    if (saved) await rm(saved, { force: true });
    done += 1;
  }

  async function worker(deadline: number): Promise<void> {
    while (Date.now() < deadline) await one();
  }

  await sample();
  const sampler = setInterval(() => {
    sample().catch(() => {});
  }, sampleEveryMs);
  const deadline = started + durationMs;
  await Promise.all(Array.from({ length: inFlight }, () => worker(deadline)));
  clearInterval(sampler);
  // Settled: the filePath targets are the app's own files; remove them as an app would, then measure.
  await rm(targets, { recursive: true, force: true });
  await mkdir(targets);
  await new Promise((r) => setTimeout(r, 300));
  await sample();
  await server.stop();
  await rm(root, { recursive: true, force: true });

  // Baseline: the first sample after a warm-up of a fifth of the run (pools, JIT and caches filled).
  const warm = samples.find((s) => s.atMs >= durationMs / 5) ?? samples[0]!;
  const end = samples[samples.length - 1]!;
  const max = (key: keyof SoakSample) =>
    Math.max(...samples.filter((s) => s.atMs >= warm.atMs).map((s) => s[key]));
  const row = (metric: keyof SoakSample, limit: number, endValue = end[metric]) => ({
    metric,
    start: warm[metric],
    end: endValue,
    max: max(metric),
    limit,
    flat: endValue - warm[metric] <= limit,
  });
  const verdict = [
    // Without --expose-gc the heap is sampled between collections, so it gets a wider margin.
    row('heapMb', gc ? 8 : 24),
    row('rssMb', 64),
    // The end sample follows the last download: a few keep-alive sockets may still be pooled.
    row('handles', 8),
    {
      metric: 'files',
      start: warm.files,
      end: end.files,
      max: max('files'),
      limit: 0,
      flat: end.files === 0,
    },
  ];
  const flat = verdict.every((v) => v.flat) && unexpected.length === 0;
  log(`soak: ${done} downloads in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { durationMs, downloads: done, byOutcome, unexpected, samples, verdict, flat };
}

/** The report as a small table. */
export function formatReport(report: SoakReport): string {
  const lines = [
    `downloads: ${report.downloads} in ${(report.durationMs / 1000).toFixed(0)} s`,
    `outcomes: ${Object.entries(report.byOutcome)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    '',
    '| metric | after warm-up | end | max | allowed growth | flat |',
    '|---|---:|---:|---:|---:|---|',
    ...report.verdict.map(
      (v) => `| ${v.metric} | ${v.start} | ${v.end} | ${v.max} | ${v.limit} | ${v.flat ? 'yes' : 'NO'} |`,
    ),
  ];
  if (report.unexpected.length)
    lines.push('', 'unexpected outcomes:', ...report.unexpected.map((u) => `  ${u}`));
  lines.push('', report.flat ? 'FLAT' : 'NOT FLAT');
  return lines.join('\n');
}
