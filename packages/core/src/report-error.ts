// The web's global `reportError`, where the runtime has one (mini-programs and React Native do not).
declare const reportError: ((error: unknown) => void) | undefined;

/**
 * Reports an error thrown by user code (a listener or callback) without letting it break the task:
 * the runtime's `reportError` where it has one, else `console.error`.
 */
function report(error: unknown): void {
  if (typeof reportError === 'function') {
    try {
      reportError(error);
      return;
    } catch {
      // fall through to the console
    }
  }
  console.error(error);
}

export { report as reportError };

/** Calls user code, reporting (not propagating) what it throws. */
export function callSafely<A>(fn: ((arg: A) => void) | undefined, arg: A): void {
  if (!fn) return;
  try {
    fn(arg);
  } catch (error) {
    report(error);
  }
}
