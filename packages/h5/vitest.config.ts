import { defineProject } from 'vitest/config';
import { sourceResolution } from '../../vitest.shared';

/** The adapter in Node, which has fetch with streamed bodies and blob: URLs but no OPFS. */
export default defineProject({
  ...sourceResolution,
  test: {
    name: 'h5',
    include: ['test/node/**/*.test.ts', 'test/shared/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
