import { defineConfig } from 'vitest/config';
import { SupportTableReporter } from './scripts/support-table-reporter';

// One `pnpm test` runs every package's and app's test project; a whole run also writes (in CI: checks)
// the support table measured by the conformance suite (README.md, docs/support.md).
export default defineConfig({
  test: {
    reporters: ['default', new SupportTableReporter()],
    projects: [
      'packages/*/vitest.config.ts',
      'apps/*/vitest.config.ts',
      'packages/h5/vitest.chromium.config.ts',
      'packages/h5/vitest.firefox.config.ts',
      'packages/h5/vitest.webkit.config.ts',
      'packages/weapp/vitest.realm.config.ts',
      'packages/rn/vitest.realm.config.ts',
      'scripts/vitest.config.ts',
    ],
  },
});
