import { nodeProject } from '../../vitest.shared';

/**
 * What users get: the global setup packs every public package (built first when stale) and installs the
 * tarballs into fresh projects under the system's temporary directory, outside the workspace; each test
 * uses an installed package as its users do and checks the downloaded bytes itself.
 */
export default nodeProject('consumers', ['test/**/*.test.ts'], {
  globalSetup: ['test/setup.ts'],
  testTimeout: 60_000,
  hookTimeout: 120_000,
});
