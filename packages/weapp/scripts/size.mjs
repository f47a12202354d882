// What a mini-program pays to import @dl/weapp: the package entry bundled with @dl/core inlined,
// minified, then gzipped. Prints the figure the README records.
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));
const result = await build({
  entryPoints: [entry],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2015', // what the package ships (see tsup.config.ts)
  platform: 'neutral',
  // Workspace packages resolve to their TypeScript source, the same code their builds ship.
  conditions: ['dl-source', 'import'],
  mainFields: ['module', 'main'],
  write: false,
  legalComments: 'none',
});
const code = result.outputFiles[0].contents;
const gzipped = gzipSync(code, { level: 9 });
const kb = (n) => `${(n / 1024).toFixed(2)} kB`;
console.log(
  `@dl/weapp (with @dl/core): ${kb(code.byteLength)} minified, ${kb(gzipped.byteLength)} min+gzip (${gzipped.byteLength} bytes)`,
);
