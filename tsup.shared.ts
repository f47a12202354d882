import { defineConfig, type Options } from 'tsup';
import { buildDeclarations } from './declarations.shared';

/**
 * The one build every publishable package shares: ESM + CJS from the given entries, no bundled
 * dependencies (workspace packages stay imports), then the declarations with their maps.
 */
export function dlBuild(entry: Record<string, string> | string[], extra: Options = {}) {
  return defineConfig({
    entry,
    format: ['esm', 'cjs'],
    // Declarations come from buildDeclarations: tsup's have no declaration maps.
    dts: false,
    sourcemap: true,
    // The maps point at src/, which the package ships; a second copy of every source inside them is weight.
    esbuildOptions(options) {
      options.sourcesContent = false;
    },
    onSuccess: () => buildDeclarations(entry),
    clean: true,
    target: 'es2020',
    treeshake: true,
    ...extra,
  });
}
