import { defineConfig } from '@tarojs/cli';

/** The little of webpack-chain's config that `dlChunk` touches. */
interface Chain {
  optimization: {
    get(key: 'splitChunks'): { cacheGroups?: Record<string, unknown> };
    set(key: string, value: unknown): Chain['optimization'];
  };
}

/**
 * Every module of an `@dl/*` package (told by the name in its package.json; the demo itself excepted) in
 * one chunk of its own, `dl`, merged into the split Taro configured. Named module ids keep each module's
 * path in the output instead of a number, and unmangled exports keep `downloadFile` by its name, so the
 * test can find dl's module and call it (names only: the code is the same).
 */
function dlChunk(chain: Chain) {
  const splitChunks = chain.optimization.get('splitChunks');
  chain.optimization
    .set('moduleIds', 'named')
    .set('mangleExports', false)
    .set('splitChunks', {
      ...splitChunks,
      cacheGroups: {
        ...splitChunks.cacheGroups,
        dl: {
          name: 'dl',
          test: (module: { resourceResolveData?: { descriptionFileData?: { name?: string } } }) =>
            /^@dl\/(?!taro-demo$)/.test(module.resourceResolveData?.descriptionFileData?.name ?? ''),
          chunks: 'all',
          enforce: true,
          priority: 1000,
        },
      },
    });
}

/**
 * The whole Taro config of the demo: Taro's defaults, plus what the test relies on.
 *
 * - Each target builds into its own folder, `dist/weapp` and `dist/h5`, so both can exist at once.
 * - dl in a chunk of its own (`dlChunk`). On weapp that is `dl.js`, which `app.js` loads beside Taro's
 *   `runtime`, `taro`, `vendors` and `common` (`commonChunks`); without it dl's code would be mixed into
 *   `vendors.js` with React and Taro's runtime, and the test could not check dl's code apart from theirs.
 *   On h5 it is `chunk/dl.js`, loaded with the page. With named module ids the test sees each module's
 *   path, so it can tell that Taro resolved dl to its built `dist/` files.
 *
 * Nothing here touches how dl is resolved: webpack's default conditions (`import`, `require`, `browser`,
 * `default`, …) pick the packages' `dist/`, as in a user's project; `dl-source` (TypeScript sources, for
 * this repository's own tests) is a condition webpack only uses when it is told to, and it is not told.
 */
export default defineConfig<'webpack5'>({
  projectName: 'dl-taro-demo',
  designWidth: 750,
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  sourceRoot: 'src',
  outputRoot: `dist/${process.env.TARO_ENV}`,
  framework: 'react',
  compiler: 'webpack5',
  cache: { enable: false },
  mini: {
    commonChunks: ['runtime', 'vendors', 'taro', 'common', 'dl'],
    webpackChain: dlChunk,
  },
  h5: {
    publicPath: '/',
    staticDirectory: 'static',
    router: { mode: 'hash' },
    webpackChain: dlChunk,
  },
});
