import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { basename } from 'node:path';
import { rolldown } from 'rolldown';
import { dts } from 'rolldown-plugin-dts';

/**
 * A package's declarations, bundled per entry like its JavaScript: `<entry>.d.ts` for `import` and
 * `<entry>.d.cts` for `require`, each with a declaration map whose sources are the shipped `src/` files,
 * so an editor's "go to definition" lands in dl's TypeScript rather than in a declaration file. Runs in the
 * package's folder after tsup's JavaScript build (tsup's own declarations have no maps).
 */
export async function buildDeclarations(entry: Record<string, string> | string[]): Promise<void> {
  const input = Array.isArray(entry)
    ? Object.fromEntries(entry.map((file) => [basename(file, '.ts'), file]))
    : entry;
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const dependencies = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
  // What users install stays an import; only the package's own files are bundled.
  const external = (id: string) =>
    id.startsWith('node:') ||
    builtinModules.includes(id) ||
    dependencies.some((name) => id === name || id.startsWith(`${name}/`));
  for (const extension of ['js', 'cjs']) {
    const bundle = await rolldown({
      input,
      external,
      logLevel: 'warn',
      plugins: [
        dts({
          tsconfig: 'tsconfig.json',
          // Without the project references: @dl dependencies are read from their sources (the
          // `dl-source` condition), not from `tsc -b` output that may not exist yet.
          tsconfigRaw: { references: [] },
          compilerOptions: { composite: false, incremental: false, declarationMap: true },
          sourcemap: true,
          emitDtsOnly: true,
        }),
      ],
    });
    // ESM output named `.cjs` gives `.d.cts` declarations (the plugin emits ES module syntax only).
    await bundle.write({
      dir: 'dist',
      format: 'es',
      entryFileNames: `[name].${extension}`,
      chunkFileNames: `[name]-[hash].${extension}`,
    });
    await bundle.close();
  }
}
