import { playwright } from '@vitest/browser-playwright';
import { defineProject } from 'vitest/config';
import type { BrowserProviderOption } from 'vitest/node';
import { CHROMIUM, CHROMIUM_ARGS } from '../../../chromium.shared';
import { sourceResolution, testServerSetup } from '../../../vitest.shared';
import { firefoxProvider } from './firefox';
import { webkitProvider } from './webkit';

/** The engines the browser tests run in, each from Debian's packages (scripts/ensure-browsers.mjs). */
export type Engine = 'chromium' | 'firefox' | 'webkit';

const providers: Record<Engine, () => BrowserProviderOption> = {
  // Playwright drives Debian's Chromium over CDP.
  chromium: () => playwright({ launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS } }),
  // Playwright's Firefox and WebKit are patched builds of its own: these two go through their stock drivers.
  firefox: firefoxProvider,
  webkit: webkitProvider,
};

/**
 * The adapter in a real headless browser (vitest browser mode), project `h5-<engine>`: the conformance
 * suite over fetch and XHR plus the browser tests. The test server runs on the Node side (the global setup
 * every project has) and the tests reach it across origins, as a page reaches a download server.
 */
export function browserProject(engine: Engine) {
  return defineProject({
    ...sourceResolution,
    test: {
      name: `h5-${engine}`,
      include: ['test/browser/**/*.test.ts', 'test/shared/**/*.test.ts'],
      globalSetup: [testServerSetup],
      testTimeout: 30_000,
      hookTimeout: 30_000,
      browser: {
        enabled: true,
        // The page and the test server share the host 127.0.0.1 (different ports): same site, other origin.
        api: { host: '127.0.0.1' },
        headless: true,
        screenshotFailures: false,
        provider: providers[engine](),
        instances: [{ browser: engine }],
      },
    },
  });
}
