/**
 * Reports an error thrown by user code (a listener or callback) without letting it break the task:
 * `globalThis.reportError` where the platform has it, else `console.error`.
 */
export function reportError(error: unknown): void {
  const report = (globalThis as { reportError?: (e: unknown) => void }).reportError;
  if (typeof report === 'function') {
    try {
      report(error);
      return;
    } catch {
      // fall through to the console
    }
  }
  console.error(error);
}

/** Calls user code, reporting (not propagating) what it throws. */
export function callSafely<A>(fn: ((arg: A) => void) | undefined, arg: A): void {
  if (!fn) return;
  try {
    fn(arg);
  } catch (error) {
    reportError(error);
  }
}
