import type { AbortSignalLike } from '@dl/types';

/**
 * A real `AbortSignal` that follows the job's signal (core's own, which runs where `AbortController`
 * does not), for Node APIs that take one.
 */
export function toAbortSignal(signal: AbortSignalLike): AbortSignal {
  const controller = new AbortController();
  if (signal.aborted) controller.abort(signal.reason);
  else signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  return controller.signal;
}
