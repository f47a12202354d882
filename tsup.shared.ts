import { defineConfig, type Options } from 'tsup';

/**
 * The one build every publishable package shares: ESM + CJS + .d.ts from the
 * given entries, no bundled dependencies (workspace packages stay imports).
 */
export function dlBuild(entry: Record<string, string> | string[], extra: Options = {}) {
  return defineConfig({
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2020',
    treeshake: true,
    ...extra,
  });
}
