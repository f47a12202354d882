import type { AdapterCapabilities } from '@dl/types';

/**
 * The rows of dl's support table (docs/support.md and the README), in order: every clause names the rows
 * it proves, and a row shows ✔ for an adapter only when each of those clauses passed on every variant of
 * that adapter. A new row is one line here, then its name in the clauses that prove it.
 */
export const features = {
  abort: '`DownloadTask.abort`',
  onProgressUpdate: '`DownloadTask.onProgressUpdate`',
  offProgressUpdate: '`DownloadTask.offProgressUpdate`',
  onHeadersReceived: '`DownloadTask.onHeadersReceived`',
  offHeadersReceived: '`DownloadTask.offHeadersReceived`',
  aliases: "`DownloadTask.progress`, `DownloadTask.headersReceive` (Taro's names)",
  pause: '`DownloadTask.pause`, `DownloadTask.resume`',
  resume: 'resuming from the saved bytes (`Range`, `If-Range`)',
  persistentResume: '`DownloadTask.resumeData`: resuming in a later run of the app',
  promise: '`await task`: the result, the bytes saved',
  callbacks: '`success`, `fail`, `complete` (no unhandled rejection)',
  anyStatus: 'any HTTP status is a success',
  header: '`header`',
  cookieHeader: '`header`: `Cookie`',
  timeout: '`timeout`',
  signal: '`signal`',
  filePath: '`filePath`',
  atomicFilePath: '`filePath` written atomically (a failure keeps the old file)',
  retry: '`retry`, `DownloadTask.onRetry`',
  integrity: '`integrity`',
  maxBytes: '`maxBytes`',
  progressOptions: '`progressStep`, `progressInterval`',
  unknownSizeProgress: 'progress while a body of unknown size streams',
  redirects: 'redirects followed (up to 15)',
  redirectLimit: 'too many redirects: `TOO_MANY_REDIRECTS`',
  queue: 'at most 10 at once, the rest queued',
  badInput: 'bad input fails without a request',
  failures: 'network failures: `NETWORK`, nothing left behind',
  decodingErrors: 'a corrupt `Content-Encoding`: `NETWORK`',
} as const;

/** A row of the support table: a task method, an option or a behaviour of the contract. */
export type Feature = keyof typeof features;

/** The capabilities a clause can need: the yes-or-no ones (limits are checked by the clauses themselves). */
export type BooleanCapability = {
  [K in keyof AdapterCapabilities]: AdapterCapabilities[K] extends boolean ? K : never;
}[keyof AdapterCapabilities];

/**
 * The rows each capability stands for. Where an adapter's manifest declines a capability, the clauses
 * needing it are skipped and these rows show the manifest's reason; elsewhere such a clause proves nothing.
 */
export const capabilityRows: Record<BooleanCapability, Feature[]> = {
  abort: ['abort'],
  headersReceived: ['onHeadersReceived', 'offHeadersReceived'],
  progressUpdate: ['onProgressUpdate', 'offProgressUpdate'],
  unknownSizeProgress: ['unknownSizeProgress'],
  filePath: ['filePath'],
  atomicFilePath: ['atomicFilePath'],
  requestHeaders: ['header'],
  abortSignal: ['signal'],
  redirectLimit: ['redirectLimit'],
  cookieHeader: ['cookieHeader'],
  decodingErrors: ['decodingErrors'],
  resume: ['resume'],
  persistentResume: ['persistentResume'],
  integrity: ['integrity'],
};

/**
 * What the suite records on each clause's test (vitest `meta`, under {@link CLAUSE_META}) for the support
 * table's reporter: which adapter and variant ran it, what it proves, and why it was skipped if it was.
 */
export interface ClauseMeta {
  /** The adapter's manifest name (`node`, `h5`, `weapp`, `rn`). */
  adapter: string;
  /** The target's name: the variant of the adapter (`h5 (chromium, fetch)`). */
  target: string;
  /** The rows of the support table the clause proves. */
  proves: Feature[];
  /** Set when the manifest declines capabilities the clause needs: each, with the manifest's reason. */
  skipped?: Array<{ capability: BooleanCapability; reason: string }>;
}

/** The key of {@link ClauseMeta} in a test's `meta`. */
export const CLAUSE_META = 'dlClause';
