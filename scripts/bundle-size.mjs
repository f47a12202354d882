// What an import costs an app, as its bundler makes it: `contents` (an entry's source) bundled from
// `resolveDir` with everything it imports, minified, then gzipped at level 9. Shared by `pnpm check:size`
// (the budgets) and `pnpm bench` (dl beside the libraries apps would pick instead).
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export async function bundleSize({ contents, resolveDir, platform = 'neutral', define, target, conditions }) {
  const result = await build({
    stdin: { contents, resolveDir, loader: 'js' },
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform,
    // A mini-program or web bundler picks the ES module build; Node needs no bundling of its own modules.
    mainFields: platform === 'browser' ? ['browser', 'module', 'main'] : ['module', 'main'],
    ...(conditions ? { conditions } : {}),
    ...(target ? { target } : {}),
    define,
    external: platform === 'node' ? ['node:*'] : [],
    legalComments: 'none',
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  const output = Object.values(result.metafile.outputs)[0];
  return {
    minified: code.byteLength,
    gzipped: gzipSync(code, { level: 9 }).byteLength,
    inputs: Object.entries(output.inputs).map(([path, { bytesInOutput }]) => ({
      path,
      bytes: bytesInOutput,
    })),
  };
}
