import type { PlatformResult } from './download-task';

/** The callbacks every platform API takes. */
export interface Callbacks {
  success?: (result: PlatformResult) => void;
  fail?: (result: PlatformResult) => void;
  complete?: (result: PlatformResult) => void;
}

/** Calls app code the way the platform does: what it throws is logged and the platform carries on. */
export function callLogged<T>(fn: ((value: T) => void) | undefined, value: T): void {
  if (typeof fn !== 'function') return;
  try {
    fn(value);
  } catch (error) {
    console.error(error);
  }
}

/** Ends a platform call: `success` or `fail` with the result, then `complete`. */
export function deliver(callbacks: Callbacks | undefined, outcome: 'success' | 'fail', result: object): void {
  callLogged(outcome === 'success' ? callbacks?.success : callbacks?.fail, result);
  callLogged(callbacks?.complete, result);
}
