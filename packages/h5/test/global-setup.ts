import { startTestServer } from '@dl/test-server';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the `@dl/test-server` this project's tests download from. */
    testServerUrl: string;
  }
}

/**
 * Starts the test server on the Node side once per project run; its URL reaches the tests (in Node or in
 * the browser alike) through `inject('testServerUrl')`.
 */
export default async function setup(project: TestProject) {
  const server = await startTestServer();
  project.provide('testServerUrl', server.url);
  return () => server.close();
}
