import {
  contentBytes,
  fetchLog,
  fileUrl,
  type LoggedRequest,
  newRequestId,
  redirectUrl,
} from '@dl/test-server/scenarios';
import type { AdapterCapabilities, DownloadFileOptions, DownloadTaskPromise } from '@dl/types';
import { expect, it, type TaskMeta } from 'vitest';
import { type BooleanCapability, CLAUSE_META, type ClauseMeta, type Feature } from './features';

export type { BooleanCapability } from './features';

import { expectContractTimeline } from './invariants';
import { type Recording, record, type TaskEvent } from './record';
import type { ConformanceTarget } from './target';

type FileParams = Parameters<typeof fileUrl>[1];
type RedirectParams = Parameters<typeof redirectUrl>[1];

/** What every clause module gets: the target plus the suite's helpers. */
export interface SuiteContext {
  target: ConformanceTarget;
  /** A unique id for one test's requests, so the server log can be read for exactly them. */
  newId(): string;
  /** A `/file` URL on the test server. */
  file(params: FileParams): string;
  /** A `/redirect` URL on the test server. */
  redirect(params: RedirectParams): string;
  /** Runs a download, records its timeline, and checks the rules every download obeys. */
  run(
    options: DownloadFileOptions,
    during?: (task: DownloadTaskPromise, events: TaskEvent[]) => void | Promise<void>,
  ): Promise<Recording>;
  /** The server's own log of requests carrying this id. */
  log(id: string): Promise<LoggedRequest[]>;
  /** Reads the saved file back and compares it, byte for byte, with what the server sent. */
  expectSavedBytes(path: string, size: number, seed: number, start?: number): Promise<void>;
  /** Resolves once the server saw the client hang up on this id's request. */
  waitForClientAbort(id: string): Promise<LoggedRequest>;
  /** Snapshot of the temporary area; `expectNoLeftovers` compares against it. */
  tempSnapshot(): Promise<string[]>;
  expectNoLeftovers(before: string[]): Promise<void>;
  /** Records a figure a clause measured (printed with the test's output). */
  note?(text: string): void;
}

/** What each capability a clause may need means, printed beside a clause skipped for lacking it. */
const CAPABILITY_MEANING: Record<keyof AdapterCapabilities, string> = {
  abort: 'task.abort() stops the request',
  headersReceived: 'the headers event',
  progressUpdate: 'progress events',
  unknownSizeProgress: 'progress events while a body of unknown size streams',
  filePath: 'saving to a caller-chosen filePath',
  atomicFilePath: 'writing filePath atomically',
  requestHeaders: 'custom request headers',
  abortSignal: 'the signal option',
  maxRedirects: 'a redirect limit',
  redirectLimit: 'reporting a chain past the redirect limit as TOO_MANY_REDIRECTS',
  maxConcurrent: 'a concurrency limit',
  cookieHeader: 'setting the Cookie request header',
  decodingErrors: 'failing a body with a corrupt Content-Encoding as NETWORK rather than hanging',
  resume: 'continuing saved bytes with a Range request (pause/resume, retries)',
  persistentResume: 'resumeData that outlives the app',
  integrity: 'the integrity option',
};

/**
 * Registers a test that proves the `proves` rows of the support table (features.ts), or skips it with the
 * manifest's reason when the adapter lacks a capability it `needs` — the only way a clause is skipped: a
 * target cannot switch clauses off by name. The test's `meta` records both for the support table.
 */
export function clause(
  ctx: SuiteContext,
  name: string,
  proves: Feature | Feature[],
  fn: () => Promise<void>,
  needs: BooleanCapability[] = [],
): void {
  const { adapter } = ctx.target;
  const lacking = needs.filter((cap) => !adapter.capabilities[cap]);
  const why = (cap: BooleanCapability) => adapter.reasons?.[cap] ?? 'the manifest gives no reason';
  const meta: ClauseMeta = {
    adapter: adapter.name,
    target: ctx.target.name,
    proves: typeof proves === 'string' ? [proves] : proves,
    ...(lacking.length
      ? { skipped: lacking.map((capability) => ({ capability, reason: why(capability) })) }
      : {}),
  };
  const options = { meta: { [CLAUSE_META]: meta } as Partial<TaskMeta> };
  if (lacking.length) {
    const reasons = lacking.map((cap) => `${cap} (${CAPABILITY_MEANING[cap]}): ${why(cap)}`);
    it.skip(`${name} — skipped: ${ctx.target.name} lacks ${reasons.join('; ')}`, options, fn);
    return;
  }
  it(name, options, fn);
}

export function createContext(target: ConformanceTarget): SuiteContext {
  const ctx: SuiteContext = {
    target,
    newId: () => newRequestId(),
    file: (params) => fileUrl(target.serverUrl(), params),
    redirect: (params) => redirectUrl(target.serverUrl(), params),
    async run(options, during) {
      const recording = await record(target, options, during);
      expectContractTimeline(recording);
      return recording;
    },
    log: (id) => fetchLog(target.serverUrl(), id),
    async expectSavedBytes(path, size, seed, start = 0) {
      const saved = await target.readSaved(path);
      expect(saved.byteLength, 'saved size').toBe(size);
      const expected = contentBytes(seed, start, start + size);
      // Compare in one pass but report the first differing offset, not a megabyte diff.
      let firstDiff = -1;
      for (let i = 0; i < size; i++) {
        if (saved[i] !== expected[i]) {
          firstDiff = i;
          break;
        }
      }
      expect(firstDiff, 'offset of the first byte that differs from what the server sent').toBe(-1);
    },
    async waitForClientAbort(id) {
      const deadline = Date.now() + 3_000;
      for (;;) {
        const entries = await ctx.log(id);
        const file = entries.find((e) => e.path === '/file' && e.method === 'GET');
        if (file && (file.clientAborted || Date.now() > deadline)) return file;
        if (Date.now() > deadline) throw new Error(`the server never saw a request for ${id}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    tempSnapshot: () => target.tempEntries(),
    note: (text) => console.info(`[${target.name}] ${text}`),
    async expectNoLeftovers(before) {
      const after = await target.tempEntries();
      expect(
        after.filter((name) => !before.includes(name)),
        'files left in the temporary area',
      ).toEqual([]);
    },
  };
  return ctx;
}
