import { nodeProject } from '../../vitest.shared';

/**
 * The Taro demo, built for real: the global setup runs `taro build` for weapp and h5 once per run; the
 * tests read the mini-program bundle and drive the web build in headless Chromium. The tests' own imports
 * (the test server) resolve to TypeScript sources like every project's; the Taro builds consume dl's
 * `dist/`.
 */
export default nodeProject('taro', ['test/**/*.test.ts'], {
  globalSetup: ['test/global-setup.ts'],
  testTimeout: 60_000,
});
