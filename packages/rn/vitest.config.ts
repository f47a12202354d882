import { nodeProject } from '../../vitest.shared';

// The adapter from its sources; test/realm is the `rn-realm` project (the built package).
export default nodeProject('rn', ['test/**/*.test.ts'], { exclude: ['test/realm/**'] });
