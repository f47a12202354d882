import { nodeProject } from '../../vitest.shared';

/**
 * The built @dl/rn as Metro gives it to an app, checked at ES2015 and run through the conformance suite
 * in realms with React Native's own `URL` (an old release whose accessors are unimplemented, and the
 * current one). The global setup builds the package first (a no-op when turbo has it cached).
 */
export default nodeProject('rn-realm', ['test/realm/**/*.test.ts'], {
  globalSetup: ['test/realm/build-setup.ts'],
});
