import { nodeProject } from '../../vitest.shared';

/**
 * The built @dl/weapp where mini-programs run it: bundled as an app gets it, checked at ES2015, and the
 * conformance suite run against it in a realm with only the mini-program logic layer's globals. The
 * global setup builds the package first (a no-op when turbo has it cached).
 */
export default nodeProject('weapp-realm', ['test/realm/**/*.test.ts'], {
  globalSetup: ['test/realm/build-setup.ts'],
});
