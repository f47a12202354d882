import type { AbortSignalLike } from '@dl/types';

/**
 * A real `AbortSignal` that follows the job's signal, for platform APIs that take one (fetch). Only
 * adapters whose runtime has `AbortController` (browsers, Node) import this.
 */
export function toAbortSignal(signal: AbortSignalLike): AbortSignal {
  const controller = new AbortController();
  if (signal.aborted) controller.abort(signal.reason);
  else signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  return controller.signal;
}
