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

/** A Node-environment test project named after its package. */
export function nodeProject(
  name: string,
  include = ['test/**/*.test.ts'],
  { exclude = [], globalSetup = [] }: { exclude?: string[]; globalSetup?: string[] } = {},
) {
  return defineProject({
    ...sourceResolution,
    test: {
      name,
      include,
      exclude: ['**/node_modules/**', ...exclude],
      globalSetup,
      environment: 'node',
      testTimeout: 20_000,
      hookTimeout: 20_000,
    },
  });
}
