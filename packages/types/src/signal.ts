/** The listener options dl passes to an abort signal; `once` is honoured. */
export interface AbortListenerOptions {
  once?: boolean;
}

/**
 * What dl reads of an abort signal, described by its shape so the types need no DOM library: a DOM or
 * Node `AbortSignal`, or a polyfill's, fits without a cast.
 */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: AbortListenerOptions): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}
