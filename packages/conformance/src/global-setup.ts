/**
 * A vitest global setup (`test.globalSetup: ['@dl/conformance/global-setup']`): one `@dl/test-server`
 * on 127.0.0.1 (a free port) for the project's run, stopped after it. Its URL reaches every test file,
 * in Node or in a browser, through `testServerUrl()` from `@dl/conformance`. A named `setup` export
 * (vitest reads `setup` or a default), so the CommonJS build's types are right too.
 * @packageDocumentation
 */
import { startTestServer } from '@dl/test-server';
import type { TestProject } from 'vitest/node';
// For the type of `provide('testServerUrl', …)` only: this runs outside the test files, where vitest's
// runtime may not be imported.
import type {} from './test-server-url';

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startTestServer();
  project.provide('testServerUrl', server.url);
  return () => server.close();
}
