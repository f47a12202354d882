/** The platforms dl ships an adapter for. */
export type AdapterName = 'h5' | 'weapp' | 'rn' | 'node';

/**
 * What an adapter can do, checked by `@dl/conformance` (a feature marked `false` is skipped there with
 * the reason) and readable by apps that must branch on it. The goal is that every adapter claims all.
 */
export interface AdapterCapabilities {
  /** `task.abort()` stops the request and fails the task with `ABORTED`. */
  abort: boolean;
  /** `onHeadersReceived` / `offHeadersReceived`. */
  headersReceived: boolean;
  /** `onProgressUpdate` / `offProgressUpdate`. */
  progressUpdate: boolean;
  /**
   * Progress events (with the bytes written so far) while a body of unknown size streams. Without it
   * such a body gives only the final 100% event, which the contract allows; with it the events come at
   * most every 50 ms.
   */
  unknownSizeProgress: boolean;
  /** The `filePath` option saves to a caller-chosen location. */
  filePath: boolean;
  /** `filePath` is written atomically: a failed download leaves nothing under that name. */
  atomicFilePath: boolean;
  /** Custom request headers reach the server. */
  requestHeaders: boolean;
  /** The `signal` option. */
  abortSignal: boolean;
  /** The most redirects followed before `TOO_MANY_REDIRECTS` (the contract says 15). */
  maxRedirects: number;
  /** Whether a redirect chain longer than `maxRedirects` is reported as `TOO_MANY_REDIRECTS`. */
  redirectLimit: boolean;
  /** Downloads that run at once before the rest queue (the contract says 10). */
  maxConcurrent: number;
  /**
   * A `Cookie` request header reaches the server. Browsers forbid pages to set it (they send their own
   * cookie jar's, by the `credentials` mode), so on the web it is dropped.
   */
  cookieHeader: boolean;
  /**
   * A body whose Content-Encoding is corrupt fails with `NETWORK` at once. Node's own fetch (undici), which
   * `@dl/h5` uses when run in Node, can instead leave such a body hanging until the timeout.
   */
  decodingErrors: boolean;
  /**
   * `pause()` keeps the saved bytes and `resume()` (and a retry) continues them with a Range request.
   * Without it a resumed or retried task starts again from zero.
   */
  resume: boolean;
  /** `resumeData()` survives the app: a later run can continue from the saved bytes. */
  persistentResume: boolean;
  /** The `integrity` option is checked. */
  integrity: boolean;
}

/** Exported by every adapter as `adapter`. */
export interface AdapterInfo {
  name: AdapterName;
  capabilities: AdapterCapabilities;
  /** Platform notes a user should know (e.g. a limit the platform imposes), one sentence each. */
  notes?: readonly string[];
  /**
   * Why each capability that is `false` is so, one sentence each: `@dl/conformance` prints it beside a
   * clause it skips for that capability, and dl's support table shows it in place of ✔.
   */
  reasons?: { readonly [K in keyof AdapterCapabilities]?: string };
}
