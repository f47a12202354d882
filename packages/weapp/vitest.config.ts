import { nodeProject } from '../../vitest.shared';

// The adapter from its sources; test/realm is the `weapp-realm` project (the built package).
export default nodeProject('weapp', ['test/**/*.test.ts'], { exclude: ['test/realm/**'] });
