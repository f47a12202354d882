import { nodeProject } from '../../vitest.shared';

export default nodeProject('types', ['test/**/*.test.ts']);
