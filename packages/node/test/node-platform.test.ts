import { createHash } from 'node:crypto';
import { getEventListeners } from 'node:events';
import { createReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { testServerUrl } from '@dl/conformance';

import { contractCapabilities } from '@dl/core';
import { contentBytes, fileUrl } from '@dl/test-server/scenarios';
import { describe, expect, it } from 'vitest';
import { adapter, downloadFile } from '../src/index';

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function sha256OfContent(seed: number, size: number): string {
  const hash = createHash('sha256');
  for (let at = 0; at < size; at += 1 << 20)
    hash.update(contentBytes(seed, at, Math.min(size, at + (1 << 20))));
  return hash.digest('hex');
}

describe('@dl/node platform specifics', () => {
  it('saves temporary files under os.tmpdir() by default', async () => {
    const result = await downloadFile({ url: fileUrl(testServerUrl(), { size: 10 }) });
    expect(result.tempFilePath!.startsWith(tmpdir())).toBe(true);
    await rm(result.tempFilePath!);
  });

  it('a signal shared by many downloads keeps no listener once they settle', async () => {
    const controller = new AbortController();
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        downloadFile({ url: fileUrl(testServerUrl(), { size: 1000, seed: i }), signal: controller.signal }),
      ),
    );
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    await Promise.all(results.map((r) => rm(r.tempFilePath!)));
  });

  it('names itself node and claims the whole contract', () => {
    expect(adapter.name).toBe('node');
    expect(adapter.capabilities).toEqual(contractCapabilities());
  });

  it('streams a 256 MB body to disk with memory that does not grow with its size', async () => {
    const size = 256 * 1024 * 1024;
    const seed = 77;
    globalThis.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const task = downloadFile({ url: fileUrl(testServerUrl(), { size, seed }) });
    task.onProgressUpdate(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    });
    const result = await task;
    try {
      expect((await stat(result.tempFilePath!)).size).toBe(size);
      expect(await sha256OfFile(result.tempFilePath!)).toBe(sha256OfContent(seed, size));
      // Server and client share this process; both stream, so the peak stays far below the body's size.
      expect(peak - baseline).toBeLessThan(96 * 1024 * 1024);
    } finally {
      await rm(result.tempFilePath!, { force: true });
    }
  }, 60_000);
});
