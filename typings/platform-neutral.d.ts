/**
 * The globals every runtime dl's platform-neutral packages (@dl/types, @dl/core, @dl/weapp, @dl/rn) run
 * in has besides ECMAScript itself: timers and `console`, as the mini-program logic layer documents.
 * tsconfig.neutral.json type-checks those packages' sources against only these and the ES library,
 * so a use of any other global (`URL`, `AbortController`, `queueMicrotask`, `fetch`, …) fails to compile.
 */
type TimerId = { readonly __timer?: never } | number;

declare function setTimeout(handler: () => void, ms?: number): TimerId;
declare function clearTimeout(id: TimerId | undefined): void;
declare function setInterval(handler: () => void, ms?: number): TimerId;
declare function clearInterval(id: TimerId | undefined): void;

declare var console: {
  log(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
};
