import { nodeProject } from '../../vitest.shared';

/**
 * The uni-app demo, built for real: the global setup runs `uni build` for mp-weixin and h5 once per run;
 * the tests read the mini-program bundle, run dl's chunk of it in a bare realm, and drive the web build in
 * headless Chromium. The tests' own imports (the test server) resolve to TypeScript sources like every
 * project's; the uni-app builds consume dl's `dist/`.
 */
export default nodeProject('uni', ['test/**/*.test.ts'], {
  globalSetup: ['test/global-setup.ts'],
  testTimeout: 60_000,
});
