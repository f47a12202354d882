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
  promise: '`await task`: the result, the bytes saved',
  callbacks: '`success`, `fail`, `complete` (no unhandled rejection)',
  anyStatus: 'any HTTP status is a success',
  header: '`header`',
  cookieHeader: '`header`: `Cookie`',
  timeout: '`timeout`',
  signal: '`signal`',
  filePath: '`filePath`',
  atomicFilePath: '`filePath` written atomically (a failure keeps the old file)',
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

/**
 * What the suite records on each clause's test (vitest `meta`, under {@link CLAUSE_META}) for the support
 * table's reporter: which adapter and variant ran it, what it proves, and why it was skipped if it was.
 */
export interface ClauseMeta {
  /** The adapter's manifest name (`node`, `h5`, `weapp`, `rn`). */
  adapter: string;
  /** The target's name: the variant of the adapter (`h5 (chromium, fetch)`). */
  target: string;
  proves: Feature[];
  /** Set when the manifest lacks a capability the clause needs: the first one, and the manifest's reason. */
  skipped?: { capability: string; reason: string };
}

/** The key of {@link ClauseMeta} in a test's `meta`. */
export const CLAUSE_META = 'dlClause';
