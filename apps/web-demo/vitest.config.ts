import { defineProject } from 'vitest/config';
import { sourceResolution } from '../../vitest.shared';

/** End-to-end: the Vite dev server in this process, the page in headless Chromium driven by Playwright. */
export default defineProject({
  ...sourceResolution,
  test: {
    name: 'web-demo',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
