import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import uni from '@dcloudio/vite-plugin-uni';
import { defineConfig, type Plugin, type Rollup } from 'vite';

/** The name in the package.json nearest above a module's file (cached per folder). */
const names = new Map<string, string | undefined>();
function packageName(file: string): string | undefined {
  const dir = dirname(file);
  if (names.has(dir)) return names.get(dir);
  const manifest = join(dir, 'package.json');
  const name = existsSync(manifest)
    ? (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name
    : dir === dirname(dir)
      ? undefined
      : packageName(dir);
  names.set(dir, name);
  return name;
}

/**
 * Every module of an `@dl/*` package (told by the name in its package.json; the demo itself excepted) in
 * a chunk of its own, `dl`, ahead of the split uni-app configured (on mp-weixin everything from outside
 * `src/` goes to `common/vendor.js`, with Vue and uni-app's runtime). The test can then check dl's code
 * apart from theirs. Nothing here touches how dl is resolved: Vite's default conditions pick the
 * packages' published `dist/`, as in a user's project.
 */
function dlChunk(): Plugin {
  return {
    name: 'dl-chunk',
    enforce: 'post',
    outputOptions(output) {
      const upstream = output.manualChunks;
      const manualChunks: Rollup.GetManualChunk = (id, meta) => {
        const name = packageName(id.split('?')[0]!);
        if (name?.startsWith('@dl/') && name !== '@dl/uni-demo') return 'dl';
        return typeof upstream === 'function' ? upstream(id, meta) : undefined;
      };
      return { ...output, manualChunks };
    },
  };
}

export default defineConfig({
  plugins: [uni(), dlChunk()],
});
