import { mkdir, readdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { diskSandbox } from '@dl/conformance/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlobUtilBackend } from '../src/backends/blob-util';
import { createDownloader } from '../src/portable';
import { createBlobUtilEmulator } from './emulator/blob-util-emulator';

const { root } = await diskSandbox('dl-rn-redirect-targets');
const cacheDir = join(root, 'cache');
await mkdir(cacheDir);

// Download links often end in an app-store redirect: a server that answers every request with one.
let server: Server;
let base = '';
const requests: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const location = new URL(req.url ?? '/', 'http://x').searchParams.get('to') ?? '';
    res.writeHead(302, { Location: location }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe.each(['android', 'ios'] as const)('a redirect to somewhere dl does not go (%s)', (platform) => {
  const blobUtil = createBlobUtilEmulator({ cacheDir, documentDir: root, platform });
  const { downloadFile } = createDownloader({ backend: createBlobUtilBackend(blobUtil) });

  it.each([
    ['another scheme', 'market://details?id=app', /scheme other than http/],
    ['an unusable Location', 'http://[::1/x', /invalid redirect location/],
  ])(
    '%s fails the task with NETWORK, throws nothing into the native callback, leaves no file',
    async (_kind, to, message) => {
      const uncaught: unknown[] = [];
      const record = (error: unknown) => uncaught.push(error);
      process.on('uncaughtException', record);
      try {
        const url = `${base}/start?to=${encodeURIComponent(to)}`;
        await expect(downloadFile({ url })).rejects.toMatchObject({
          code: 'NETWORK',
          errMsg: expect.stringMatching(message),
        });
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(uncaught).toEqual([]);
        expect(requests.filter((r) => r.startsWith('/start')).length).toBeGreaterThan(0);
        expect(await readdir(cacheDir)).toEqual([]);
      } finally {
        process.off('uncaughtException', record);
      }
    },
  );
});
