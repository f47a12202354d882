import { nodeProject } from '../../vitest.shared';

/** The adapter in Node, which has fetch with streamed bodies and blob: URLs but no OPFS. */
export default nodeProject('h5', ['test/node/**/*.test.ts', 'test/shared/**/*.test.ts'], {
  testTimeout: 30_000,
});
