import type { AbortSignalLike } from '@dl/types';

/** A signal of the driver's own that follows the job's, and that the driver can also abort itself. */
export interface AbortLink {
  readonly signal: AbortSignalLike;
  /** Aborts this signal only (the job's is untouched). */
  abort(reason: unknown): void;
  /** Stops following the job's signal. */
  unlink(): void;
}

/**
 * The request's signal: aborted with the job's, or by the driver when the file cannot be opened (the
 * request then stops at once without the task being aborted).
 */
export function linkAbort(parent: AbortSignalLike): AbortLink {
  let listeners: Array<() => void> = [];
  const signal = {
    aborted: false,
    reason: undefined as unknown,
    addEventListener(_type: 'abort', listener: () => void) {
      if (!signal.aborted) listeners.push(listener);
    },
    removeEventListener(_type: 'abort', listener: () => void) {
      listeners = listeners.filter((entry) => entry !== listener);
    },
  };
  const abort = (reason: unknown) => {
    if (signal.aborted) return;
    signal.aborted = true;
    signal.reason = reason;
    const current = listeners;
    listeners = [];
    for (const listener of current) listener();
  };
  const follow = () => abort(parent.reason);
  if (parent.aborted) follow();
  else parent.addEventListener('abort', follow, { once: true });
  return { signal, abort, unlink: () => parent.removeEventListener('abort', follow) };
}
