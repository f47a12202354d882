import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineProject } from 'vitest/config';

/**
 * Every project's tests resolve workspace packages to their TypeScript source
 * (the `dl-source` export condition), so `pnpm test` needs no build first.
 */
export const sourceResolution = {
  resolve: { conditions: ['dl-source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['dl-source', ...defaultServerConditions] } },
  // Vitest's own environment, where global setup files run (they start the test server).
  environments: { __vitest__: { resolve: { conditions: ['dl-source', ...defaultServerConditions] } } },
};

/**
 * The one way every project's tests reach the test server: `@dl/conformance/global-setup` starts it on
 * 127.0.0.1 for the project's run, and tests read its URL with `testServerUrl()`. By path to its source,
 * since vitest resolves a global setup's own name without the `dl-source` condition (to `dist/`).
 */
export const testServerSetup = fileURLToPath(
  new URL('./packages/conformance/src/global-setup.ts', import.meta.url),
);

export interface ProjectOptions {
  exclude?: string[];
  /** Global setup files run after the test server's (which every project has). */
  globalSetup?: string[];
  testTimeout?: number;
  hookTimeout?: number;
}

/** A Node-environment test project named after its package or app. */
export function nodeProject(
  name: string,
  include = ['test/**/*.test.ts'],
  { exclude = [], globalSetup = [], testTimeout = 20_000, hookTimeout = testTimeout }: ProjectOptions = {},
) {
  return defineProject({
    ...sourceResolution,
    test: {
      name,
      include,
      exclude: ['**/node_modules/**', ...exclude],
      globalSetup: [testServerSetup, ...globalSetup],
      environment: 'node',
      testTimeout,
      hookTimeout,
    },
  });
}
