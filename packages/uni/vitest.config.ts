import { nodeProject } from '../../vitest.shared';

/** @dl/uni as each uni-app target's bundler resolves it: one adapter per build (the built package). */
export default nodeProject('uni-entry', ['test/**/*.test.ts'], { globalSetup: ['test/build-setup.ts'] });
