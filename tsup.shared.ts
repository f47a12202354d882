import { defineConfig, type Options } from 'tsup';

/**
 * The one build every publishable package shares: ESM + CJS + .d.ts from the
 * given entries, no bundled dependencies (workspace packages stay imports).
 */
export function dlBuild(entry: Record<string, string> | string[], extra: Options = {}) {
  return defineConfig({
    entry,
    format: ['esm', 'cjs'],
    // The packages' tsconfig is a composite project for `tsc -b`; tsup's declaration pass wants a plain one.
    dts: { compilerOptions: { composite: false, incremental: false } },
    sourcemap: true,
    clean: true,
    target: 'es2020',
    treeshake: true,
    ...extra,
  });
}
