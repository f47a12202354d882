import { lstat, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { testServerUrl } from '@dl/conformance';

import type { DownloadFileOptions } from '@dl/types';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDownloader } from '../src/index';

/**
 * Property-based: whatever options a caller passes, a download either completes or fails with
 * INVALID_ARGUMENT (or, where the input makes it so, the one failure that input means: TIMEOUT for a tiny
 * timeout, FILE_SYSTEM for a path that cannot be written, NETWORK for TLS spoken to a plain port). It
 * never throws synchronously, never hangs (each run is bounded), and never writes outside its target.
 */
let root: string;
let target: string;
let temp: string;
let downloadFile: ReturnType<typeof createDownloader>['downloadFile'];
const BOUND_MS = 10_000;
const RUNS = Number(process.env.DL_PROPERTY_RUNS ?? 60);

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-node-properties-'));
  target = join(root, 'a', 'b', 'target');
  temp = join(root, 'temp');
  await mkdir(target, { recursive: true });
  ({ downloadFile } = createDownloader({ tempDir: temp }));
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** Every file under `dir`, recursively, as paths relative to it. */
async function tree(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) for (const inner of await tree(path)) out.push(join(entry.name, inner));
    else out.push(entry.name);
  }
  return out.sort();
}

type Outcome =
  | { ok: true; filePath?: string | undefined; tempFilePath?: string | undefined }
  | { ok: false; code: string };

/** Runs one download: a synchronous throw or a run past the bound fails the property. */
async function attempt(options: DownloadFileOptions): Promise<Outcome> {
  let task: ReturnType<typeof downloadFile>;
  try {
    task = downloadFile(options as Parameters<typeof downloadFile>[0]);
  } catch (error) {
    throw new Error(`downloadFile threw synchronously: ${String(error)}`);
  }
  let timer: NodeJS.Timeout | undefined;
  const bounded = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      task.abort();
      reject(new Error(`no outcome within ${BOUND_MS} ms`));
    }, BOUND_MS);
  });
  try {
    return await Promise.race([
      task.then(
        (result) => ({ ok: true as const, filePath: result.filePath, tempFilePath: result.tempFilePath }),
        (error: { code: string }) => ({ ok: false as const, code: error.code }),
      ),
      bounded,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

const fileUrlOf = (host: string, tail: string) => `http://${host}/file?size=64${tail}`;
const oddText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom(
    ' ',
    '%',
    '%zz',
    '%00',
    '#',
    '?',
    '\\',
    '..',
    '/../',
    '\u0000',
    '\r\n',
    'é',
    '😀',
    '\t',
    '@',
    ':',
    '[',
    ']',
  ),
);

describe('@dl/node: properties over options, against a real server', () => {
  it('URLs: any scheme, host form and odd characters download or fail with INVALID_ARGUMENT', async () => {
    const port = new URL(testServerUrl()).port;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          'http',
          'HTTP',
          'https',
          'ftp',
          'file',
          'data',
          'javascript',
          'ws',
          '',
          'http:/',
          'mailto',
        ),
        fc.constantFrom(
          `127.0.0.1:${port}`,
          `localhost:${port}`,
          `LOCALHOST:${port}`,
          `user:pw@127.0.0.1:${port}`,
        ),
        fc.array(oddText, { maxLength: 3 }),
        async (scheme, host, parts) => {
          const tail = parts.join('');
          const url = `${scheme}://${host}/file?size=64&x=${tail}`;
          const outcome = await attempt({ url, timeout: 5000 });
          const allowed =
            scheme.toLowerCase() === 'https' ? ['NETWORK', 'INVALID_ARGUMENT'] : ['INVALID_ARGUMENT'];
          if (!outcome.ok)
            expect(allowed, `${JSON.stringify(url)} → ${outcome.code}`).toContain(outcome.code);
          else {
            expect(['http', 'HTTP']).toContain(scheme);
            expect(host.includes('@')).toBe(false);
          }
        },
      ),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('header names and values download or fail with INVALID_ARGUMENT', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.oneof(
            fc.string({ minLength: 0, maxLength: 10 }),
            fc.constantFrom(
              'Content-Length',
              'Transfer-Encoding',
              'Connection',
              'Host',
              'Expect',
              'Upgrade',
              'Keep-Alive',
              'TE',
              'Trailer',
              'Accept-Encoding',
              'Range',
              'X-Ok',
              'Bad Name',
              'Bad:Name',
              'Ünï',
            ),
          ),
          fc.oneof(
            fc.string({ maxLength: 16 }),
            fc.string({ unit: 'binary', maxLength: 8 }),
            fc.integer(),
            fc.double(),
            fc.boolean(),
            fc.constantFrom(
              '5',
              'chunked',
              'close',
              '100-continue',
              'a\r\nX-Injected: 1',
              'bytes=0-3',
              'gzip',
            ),
            fc.constant(null),
            fc.constant(undefined),
            fc.constant({} as unknown as string),
          ),
          { maxKeys: 4 },
        ),
        async (header) => {
          const outcome = await attempt({
            url: fileUrlOf(new URL(testServerUrl()).host, ''),
            header: header as Record<string, string>,
            timeout: 5000,
          });
          if (!outcome.ok) expect(['INVALID_ARGUMENT'], JSON.stringify(header)).toContain(outcome.code);
        },
      ),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('timeouts of any number (or not a number) download, time out, or fail with INVALID_ARGUMENT', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.integer({ min: -10, max: 3000 }),
          fc.double(),
          fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 2 ** 31, 2 ** 53, 0.5),
          fc.constantFrom('100', null, true, {}) as fc.Arbitrary<unknown>,
        ),
        async (timeout) => {
          const outcome = await attempt({
            url: fileUrlOf(new URL(testServerUrl()).host, '&chunk=16&delay=5'),
            timeout: timeout as number,
          });
          if (outcome.ok) return;
          const tiny = typeof timeout === 'number' && timeout > 0 && timeout < 2000;
          expect(tiny ? ['INVALID_ARGUMENT', 'TIMEOUT'] : ['INVALID_ARGUMENT'], String(timeout)).toContain(
            outcome.code,
          );
        },
      ),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('file paths: saved exactly where asked or failed, never anything else written anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.constantFrom('..', '.', '', 'sub', 'x.bin', '.hidden', ' '), oddText), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.boolean(),
        async (segments, absolute) => {
          // At most two levels up from the target: still inside the sandbox, so any write is seen.
          const rel = segments.join('/');
          const filePath = absolute ? join(target, rel) : relative(process.cwd(), join(target, rel));
          const resolved = resolve(filePath);
          if (!resolved.startsWith(root)) return;
          const before = await tree(root);
          const outcome = await attempt({
            url: fileUrlOf(new URL(testServerUrl()).host, ''),
            filePath,
            timeout: 5000,
          });
          const after = await tree(root);
          const added = after.filter((p) => !before.includes(p));
          if (outcome.ok) {
            expect(outcome.filePath).toBe(filePath);
            expect((await lstat(resolved)).isFile()).toBe(true);
            for (const p of added) expect(join(root, p), 'a file written elsewhere').toBe(resolved);
            await rm(resolved, { force: true });
          } else {
            expect(
              ['INVALID_ARGUMENT', 'FILE_SYSTEM'],
              `${JSON.stringify(filePath)} → ${outcome.code}`,
            ).toContain(outcome.code);
            expect(added, 'files left by a failed download').toEqual([]);
          }
        },
      ),
      { numRuns: RUNS },
    );
  }, 120_000);
});
