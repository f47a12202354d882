import { nodeProject } from '../../vitest.shared';

/** End-to-end: the Vite dev server in this process, the page in headless Chromium driven by Playwright. */
export default nodeProject('web-demo', ['test/**/*.test.ts'], { testTimeout: 60_000 });
