import { nodeProject } from '../vitest.shared';

/** Tests of the repository's own checks (scripts/). */
export default nodeProject('scripts', ['test/**/*.test.ts']);
