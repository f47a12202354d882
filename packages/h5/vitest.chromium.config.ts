import { playwright } from '@vitest/browser-playwright';
import { defineProject } from 'vitest/config';
import { CHROMIUM, CHROMIUM_ARGS } from '../../chromium.shared';
import { sourceResolution } from '../../vitest.shared';

/**
 * The adapter in real headless Chromium (vitest browser mode). The test server runs on the Node side
 * (globalSetup) and the tests reach it across origins, as a page reaches a download server.
 */
export default defineProject({
  ...sourceResolution,
  test: {
    name: 'h5-chromium',
    include: ['test/browser/**/*.test.ts', 'test/shared/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    browser: {
      enabled: true,
      // The page and the test server share the host 127.0.0.1 (different ports): same site, other origin.
      api: { host: '127.0.0.1' },
      headless: true,
      screenshotFailures: false,
      provider: playwright({ launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS } }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
