import { defineConfig } from 'vitest/config';

// One `pnpm test` runs every package's and app's test project.
export default defineConfig({
  test: {
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
