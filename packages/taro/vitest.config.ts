import { nodeProject } from '../../vitest.shared';

/** @dl/taro as each target's bundler resolves it: one adapter per build (the built package). */
export default nodeProject('taro-entry', ['test/**/*.test.ts'], { globalSetup: ['test/build-setup.ts'] });
