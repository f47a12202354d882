/**
 * The job's abort signal without `AbortController`, which mini-program logic layers do not have. It has
 * the part of `AbortSignal` drivers use (`aborted`, `reason`, `abort` listeners); adapters whose platform
 * APIs want a real `AbortSignal` (Node's http) bridge it themselves.
 */
import type { AbortListenerOptions, AbortSignalLike } from '@dl/types';
import { reportError } from './report-error';

/** A signal and the function that aborts it. */
export interface AbortSource {
  readonly signal: AbortSignalLike;
  /** Aborts once with `reason`; later calls do nothing. Listeners run in the order they were added. */
  abort(reason: unknown): void;
}

export function createAbortSource(): AbortSource {
  let listeners: Array<{ fn: () => void; once: boolean }> = [];
  const signal = {
    aborted: false,
    reason: undefined as unknown,
    addEventListener(type: 'abort', fn: () => void, options?: AbortListenerOptions) {
      if (type !== 'abort' || typeof fn !== 'function' || signal.aborted) return;
      if (listeners.some((entry) => entry.fn === fn)) return;
      listeners.push({ fn, once: options?.once === true });
    },
    removeEventListener(type: 'abort', fn: () => void) {
      if (type === 'abort') listeners = listeners.filter((entry) => entry.fn !== fn);
    },
  };
  return {
    signal,
    abort(reason) {
      if (signal.aborted) return;
      signal.aborted = true;
      signal.reason = reason;
      const current = listeners;
      listeners = [];
      for (const { fn } of current) {
        try {
          fn();
        } catch (error) {
          // One throwing listener must not stop the others, nor the abort.
          reportError(error);
        }
      }
    },
  };
}
