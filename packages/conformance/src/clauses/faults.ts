import { type FaultKind, faultUrl, maxOpenAtOnce, refusedUrl } from '@dl/test-server/scenarios';
import type { AdapterCapabilities, DownloadErrorCode } from '@dl/types';
import { describe, expect } from 'vitest';
import { type BooleanCapability, clause, type SuiteContext } from '../context';
import type { Feature } from '../features';
import { sleep } from '../record';

interface Fault {
  name: string;
  /** The URL, made fresh per run (each run tags its own id). */
  url(ctx: SuiteContext, id: string): Promise<string> | string;
  /** The code the task must fail with, by the adapter's capabilities. */
  code(caps: AdapterCapabilities): DownloadErrorCode;
  timeout?: number;
  needs?: BooleanCapability[];
  /** The row of the support table it proves, when not `failures`. */
  proves?: Feature;
}

const fault =
  (kind: FaultKind, params: { size?: number; at?: number } = {}) =>
  (ctx: SuiteContext, id: string) =>
    faultUrl(ctx.target.serverUrl(), kind, { ...params, id });
const network = () => 'NETWORK' as const;
/** Where the adapter counts redirects it reports the limit; where the platform hides them, NETWORK. */
const redirectFailure = (caps: AdapterCapabilities) =>
  caps.redirectLimit ? ('TOO_MANY_REDIRECTS' as const) : ('NETWORK' as const);

/**
 * The fault matrix: every way a server or a connection can fail a download, each with the code the task
 * fails with. Each is run twice: to a temporary file (nothing left in the temporary area) and onto a
 * caller's existing `filePath` (the old file untouched, nothing else in the directory).
 */
const FAULTS: Fault[] = [
  { name: 'a refused connection', url: (ctx) => refusedUrl(ctx.target.serverUrl()), code: network },
  { name: 'a reset before the headers', url: fault('reset-headers'), code: network },
  { name: 'an empty reply (closed before the headers)', url: fault('close-headers'), code: network },
  { name: 'a reset at 0% of the body', url: fault('reset-body', { size: 100_000, at: 0 }), code: network },
  {
    name: 'a reset at 50% of the body',
    url: fault('reset-body', { size: 100_000, at: 50_000 }),
    code: network,
  },
  {
    name: 'a reset at 99% of the body',
    url: fault('reset-body', { size: 100_000, at: 99_000 }),
    code: network,
  },
  {
    name: 'a Content-Length longer than the body',
    url: fault('long-length', { size: 100_000, at: 60_000 }),
    code: network,
  },
  {
    name: 'an invalid gzip body',
    url: fault('bad-gzip', { size: 50_000, at: 0 }),
    code: network,
    needs: ['decodingErrors'],
    proves: 'decodingErrors',
  },
  {
    name: 'a gzip body corrupt in the middle',
    url: fault('bad-gzip', { size: 50_000, at: 2 }),
    code: network,
    needs: ['decodingErrors'],
    proves: 'decodingErrors',
  },
  {
    name: 'a stall before the headers (timeout 400 ms)',
    url: (ctx, id) => ctx.file({ size: 1000, wait: 10_000, id }),
    code: () => 'TIMEOUT',
    timeout: 400,
    proves: 'timeout',
  },
  {
    name: 'a stall mid-body (timeout 400 ms)',
    url: (ctx, id) => ctx.file({ size: 100_000, stallAt: 30_000, id }),
    code: () => 'TIMEOUT',
    timeout: 400,
    proves: 'timeout',
  },
  { name: 'a redirect loop', url: (ctx, id) => ctx.redirect({ loop: 1, id }), code: redirectFailure },
  // Where the platform follows redirects itself (browsers: up to 20), 16 hops may succeed.
  {
    name: '16 redirects',
    url: (ctx, id) => ctx.redirect({ n: 16, size: 100, id }),
    code: redirectFailure,
    needs: ['redirectLimit'],
    proves: 'redirectLimit',
  },
  {
    name: '40 redirects',
    url: (ctx, id) => ctx.redirect({ n: 40, size: 100, id }),
    code: redirectFailure,
  },
  {
    name: 'a redirect to a data: URL',
    url: (ctx, id) => ctx.redirect({ location: 'data:application/octet-stream,hello', id }),
    code: network,
  },
  {
    name: 'a redirect to a file: URL',
    url: (ctx, id) => ctx.redirect({ location: 'file:///etc/passwd', id }),
    code: network,
  },
];

/** Reads a file back as text-free bytes, or undefined when it is not there. */
async function readOrNone(ctx: SuiteContext, path: string): Promise<Uint8Array | undefined> {
  try {
    return await ctx.target.readSaved(path);
  } catch {
    return undefined;
  }
}

export function faultClauses(ctx: SuiteContext): void {
  describe('faults', () => {
    for (const f of FAULTS) {
      clause(
        ctx,
        `${f.name}: the right code, no file, no temporary file left`,
        f.proves ?? 'failures',
        async () => {
          const expected = f.code(ctx.target.adapter.capabilities);
          const before = await ctx.tempSnapshot();
          const { error, progress } = await ctx.run({
            url: await f.url(ctx, ctx.newId()),
            ...(f.timeout ? { timeout: f.timeout } : {}),
          });
          expect(error?.code, `${f.name} fails with ${expected}`).toBe(expected);
          expect(progress.every((p) => p.progress < 100)).toBe(true);
          await ctx.expectNoLeftovers(before);
        },
        f.needs,
      );

      clause(
        ctx,
        `${f.name} onto an existing filePath: the old file untouched, nothing else left`,
        ['atomicFilePath', f.proves ?? 'failures'],
        async () => {
          const expected = f.code(ctx.target.adapter.capabilities);
          const dir = await ctx.target.freshDir();
          const filePath = ctx.target.join(dir, 'existing.bin');
          await ctx.run({ url: ctx.file({ size: 3000, seed: 61, id: ctx.newId() }), filePath });
          const before = await ctx.tempSnapshot();
          const { error } = await ctx.run({
            url: await f.url(ctx, ctx.newId()),
            filePath,
            ...(f.timeout ? { timeout: f.timeout } : {}),
          });
          expect(error?.code).toBe(expected);
          await ctx.expectSavedBytes(filePath, 3000, 61);
          expect(await ctx.target.list(dir)).toEqual(['existing.bin']);
          await ctx.expectNoLeftovers(before);
        },
        [...(f.needs ?? []), 'filePath', 'atomicFilePath'],
      );
    }

    clause(
      ctx,
      'a Content-Length shorter than the body: the declared bytes are saved, and the kept-alive connection is not read as the next response',
      'promise',
      async () => {
        const before = await ctx.tempSnapshot();
        const base = ctx.target.serverUrl();
        // The fault listener keeps connections alive: the next requests may reuse this one.
        const { result } = await ctx.run({
          url: await faultUrl(base, 'short-length', { size: 20_000, at: 5000, seed: 62, id: ctx.newId() }),
        });
        expect(result!.dataLength).toBe(5000);
        await ctx.expectSavedBytes(result!.tempFilePath!, 5000, 62);
        for (let i = 0; i < 3; i++) {
          const next = await ctx.run({
            url: await faultUrl(base, 'ok', { size: 7000 + i, seed: 63 + i, id: ctx.newId() }),
          });
          expect(next.error, 'the download after it').toBeUndefined();
          await ctx.expectSavedBytes(next.result!.tempFilePath!, 7000 + i, 63 + i);
        }
        expect(before).toBeDefined();
      },
    );

    clause(
      ctx,
      'a redirect to another origin drops Authorization for the rest of the chain and keeps other headers',
      ['header', 'redirects'],
      async () => {
        const id = ctx.newId();
        const other = ctx.target.serverUrl().replace('127.0.0.1', 'localhost');
        const { result } = await ctx.run({
          url: ctx.redirect({ n: 2, to: other, size: 100, seed: 64, id }),
          header: { Authorization: 'Bearer secret-token', 'X-Dl-Keep': 'kept' },
        });
        await ctx.expectSavedBytes(result!.tempFilePath!, 100, 64);
        const log = await ctx.log(id);
        const gets = log.filter((e) => e.method === 'GET');
        expect(gets.map((e) => e.path)).toEqual(['/redirect', '/redirect', '/file']);
        expect(gets[0]!.headers.authorization).toBe('Bearer secret-token');
        expect(gets[2]!.headers.host).toMatch(/^localhost:/);
        expect(gets[2]!.headers.authorization, 'Authorization sent to another origin').toBeUndefined();
        expect(gets[2]!.headers['x-dl-keep']).toBe('kept');
      },
      ['requestHeaders'],
    );

    clause(
      ctx,
      'a redirect to another origin drops Cookie for the rest of the chain',
      'cookieHeader',
      async () => {
        const id = ctx.newId();
        const other = ctx.target.serverUrl().replace('127.0.0.1', 'localhost');
        await ctx.run({
          url: ctx.redirect({ n: 1, to: other, size: 100, id }),
          header: { Cookie: 'session=secret' },
        });
        const gets = (await ctx.log(id)).filter((e) => e.method === 'GET');
        expect(gets.map((e) => e.path)).toEqual(['/redirect', '/file']);
        expect(gets[0]!.headers.cookie).toBe('session=secret');
        expect(gets[1]!.headers.cookie, 'Cookie sent to another origin').toBeUndefined();
      },
      ['requestHeaders', 'cookieHeader'],
    );

    const phases: Array<{
      name: string;
      params: Parameters<SuiteContext['file']>[0];
      stop(task: {
        abort(): void;
        onHeadersReceived(f: () => void): void;
        onProgressUpdate(f: () => void): void;
      }): Promise<void> | void;
    }> = [
      { name: 'right after the call', params: { size: 50_000 }, stop: (task) => task.abort() },
      {
        name: 'before the headers',
        params: { size: 50_000, wait: 2000 },
        stop: async (task) => {
          await sleep(100);
          task.abort();
        },
      },
      {
        name: 'in the headers listener',
        params: { size: 2_000_000, chunk: 16_384, delay: 20 },
        stop: (task) => task.onHeadersReceived(() => task.abort()),
      },
      {
        name: 'at the first progress event',
        params: { size: 2_000_000, chunk: 16_384, delay: 20 },
        stop: (task) => task.onProgressUpdate(() => task.abort()),
      },
    ];
    for (const phase of phases) {
      clause(
        ctx,
        `abort() ${phase.name}: ABORTED, the old filePath untouched, nothing left`,
        'atomicFilePath',
        async () => {
          const dir = await ctx.target.freshDir();
          const filePath = ctx.target.join(dir, 'kept.bin');
          await ctx.run({ url: ctx.file({ size: 2000, seed: 65, id: ctx.newId() }), filePath });
          const before = await ctx.tempSnapshot();
          const { error } = await ctx.run(
            { url: ctx.file({ ...phase.params, seed: 66, id: ctx.newId() }), filePath },
            (task) => phase.stop(task),
          );
          expect(error?.code).toBe('ABORTED');
          await ctx.expectSavedBytes(filePath, 2000, 65);
          expect(await ctx.target.list(dir)).toEqual(['kept.bin']);
          await ctx.expectNoLeftovers(before);
        },
        ['abort', 'filePath', 'atomicFilePath', 'headersReceived', 'progressUpdate'],
      );
    }

    clause(
      ctx,
      'abort() racing the commit onto an existing filePath, 30 times: new bytes with success or old bytes with ABORTED',
      'atomicFilePath',
      async () => {
        const dir = await ctx.target.freshDir();
        const filePath = ctx.target.join(dir, 'raced.bin');
        await ctx.run({ url: ctx.file({ size: 4000, seed: 67, id: ctx.newId() }), filePath });
        const outcomes = { success: 0, aborted: 0 };
        let current = 67;
        for (let i = 0; i < 30; i++) {
          const seed = 68 + i;
          const { result, error } = await ctx.run(
            { url: ctx.file({ size: 4000, seed, chunk: 1000, delay: 5, id: ctx.newId() }), filePath },
            (task) => {
              // Abort around the end: from the last progress events up to a few ms after 100%.
              task.onProgressUpdate(({ progress }) => {
                if (progress >= 50 + (i % 5) * 10) setTimeout(() => task.abort(), i % 4);
              });
            },
          );
          const saved = await readOrNone(ctx, filePath);
          expect(saved, 'a file is always under the name').toBeDefined();
          if (result) {
            outcomes.success++;
            current = seed;
            await ctx.expectSavedBytes(filePath, 4000, seed);
          } else {
            expect(error?.code).toBe('ABORTED');
            outcomes.aborted++;
            await ctx.expectSavedBytes(filePath, 4000, current);
          }
          // Whatever the outcome, the file is whole: one download's bytes.
          expect(saved!.byteLength).toBe(4000);
          expect(await ctx.target.list(dir)).toEqual(['raced.bin']);
        }
        expect(outcomes.success + outcomes.aborted).toBe(30);
        ctx.note?.(`commit race: ${outcomes.success} succeeded, ${outcomes.aborted} aborted`);
      },
      ['abort', 'filePath', 'atomicFilePath', 'progressUpdate'],
    );

    clause(
      ctx,
      'the same filePath for 5 concurrent downloads ends with one complete file, the bytes of one of them',
      'atomicFilePath',
      async () => {
        const dir = await ctx.target.freshDir();
        const filePath = ctx.target.join(dir, 'shared.bin');
        const seeds = [71, 72, 73, 74, 75];
        const outcomes = await Promise.all(
          seeds.map((seed, i) =>
            ctx.target
              .downloadFile({
                url: ctx.file({ size: 30_000 + i, seed, chunk: 5000, delay: 5, id: ctx.newId() }),
                filePath,
              })
              .then(
                () => ({ seed, size: 30_000 + i, ok: true, code: '' }),
                (error: { code: string }) => ({ seed, size: 30_000 + i, ok: false, code: error.code }),
              ),
          ),
        );
        const succeeded = outcomes.filter((o) => o.ok);
        expect(succeeded.length, 'at least one download succeeds').toBeGreaterThan(0);
        for (const o of outcomes) if (!o.ok) expect(['FILE_SYSTEM', 'NETWORK']).toContain(o.code);
        expect(await ctx.target.list(dir)).toEqual(['shared.bin']);
        const saved = await ctx.target.readSaved(filePath);
        const match = succeeded.find((o) => o.size === saved.byteLength);
        expect(match, `the file (${saved.byteLength} bytes) is one succeeded download's`).toBeDefined();
        await ctx.expectSavedBytes(filePath, match!.size, match!.seed);
      },
      ['filePath', 'atomicFilePath'],
    );

    clause(
      ctx,
      'aborted downloads free their queue slot only once their request is closed: the server never sees more open than the limit',
      ['queue', 'abort'],
      async () => {
        const limit = ctx.target.adapter.capabilities.maxConcurrent;
        const id = ctx.newId();
        const total = 100;
        const codes = await Promise.all(
          Array.from({ length: total }, (_, i) => {
            const slowStart = i % 2 === 0;
            const task = ctx.target.downloadFile({
              url: ctx.file({
                size: 1_000_000,
                chunk: 1000,
                delay: 20,
                ...(slowStart ? { wait: 300 } : {}),
                seed: i,
                id,
              }),
            });
            if (slowStart) setTimeout(() => task.abort(), 40 + (i % 11));
            else task.onHeadersReceived(() => setTimeout(() => task.abort(), 5 + (i % 7)));
            return task.then(
              () => 'ok',
              (error: { code: string }) => error.code,
            );
          }),
        );
        expect(new Set(codes)).toEqual(new Set(['ABORTED']));
        await sleep(300);
        const gets = (await ctx.log(id)).filter((e) => e.method === 'GET');
        ctx.note?.(`max open ${maxOpenAtOnce(gets)}`);
        expect(maxOpenAtOnce(gets), 'requests open at once at the server').toBeLessThanOrEqual(limit);
      },
      ['abort', 'headersReceived'],
    );
  });
}
