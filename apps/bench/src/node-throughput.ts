/**
 * Throughput of @dl/node against the code a Node user would write instead (fetch piped into a file
 * stream), both saving the same body from the same local server in the same run. The ratio is the
 * figure to watch; absolute MB/s depend on the machine.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createDownloader } from '@dl/node';
import { startTestServerProcess } from '@dl/test-server/process';
import { fileUrl } from '@dl/test-server/scenarios';

const SIZE = Number(process.env.BENCH_BYTES ?? 256 * 1024 * 1024);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

type Contender = (url: string, path: string) => Promise<void>;

const bareFetch: Contender = async (url, path) => {
  const response = await fetch(url);
  if (!response.body) throw new Error('no body');
  await pipeline(Readable.fromWeb(response.body as never), createWriteStream(path));
};

const { downloadFile } = createDownloader();
const dlNode: Contender = async (url, path) => {
  await downloadFile({ url, filePath: path, timeout: 0 });
};

const dlNodeWithProgress: Contender = async (url, path) => {
  const task = downloadFile({ url, filePath: path, timeout: 0 });
  task.onProgressUpdate(() => {});
  await task;
};

const contenders: Record<string, Contender> = {
  'fetch → fs stream (baseline)': bareFetch,
  '@dl/node downloadFile': dlNode,
  '@dl/node with a progress listener': dlNodeWithProgress,
};

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

const server = await startTestServerProcess();
const dir = await mkdtemp(join(tmpdir(), 'dl-bench-'));
try {
  const url = fileUrl(server.url, { size: SIZE, seed: 7 });
  const rates: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((n) => [n, []]));
  // Interleaved rounds, so drift in the machine's load hits every contender alike.
  for (let round = 0; round <= ROUNDS; round++) {
    for (const [name, run] of Object.entries(contenders)) {
      const path = join(dir, 'out.bin');
      const started = performance.now();
      await run(url, path);
      const seconds = (performance.now() - started) / 1000;
      if ((await stat(path)).size !== SIZE) throw new Error(`${name} saved the wrong size`);
      await rm(path);
      if (round > 0) rates[name]!.push(SIZE / seconds / 1e6); // round 0 warms up
    }
  }
  const baseline = median(rates['fetch → fs stream (baseline)']!);
  console.log(
    `\nSaving ${SIZE / 2 ** 20} MiB from a local server, median of ${ROUNDS} rounds (Node ${process.version})\n`,
  );
  console.log('| contender | MB/s | vs baseline |\n|---|---:|---:|');
  for (const [name, values] of Object.entries(rates)) {
    const rate = median(values);
    console.log(`| ${name} | ${rate.toFixed(0)} | ${(rate / baseline).toFixed(2)}× |`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
  await server.stop();
}
