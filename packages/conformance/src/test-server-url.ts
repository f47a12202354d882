import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the `@dl/test-server` that `@dl/conformance/global-setup` started for this project. */
    testServerUrl: string;
  }
}

/**
 * Base URL (http://127.0.0.1:PORT) of the project's test server, in Node and in the browser alike. The
 * server runs on vitest's side, started by the project's global setup `@dl/conformance/global-setup`.
 */
export function testServerUrl(): string {
  const url = inject('testServerUrl');
  if (!url)
    throw new Error("no test server: add '@dl/conformance/global-setup' to the project's test.globalSetup");
  return url;
}
