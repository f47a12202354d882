import { defineConfig } from '@tarojs/cli';

/**
 * The whole Taro config of the demo: Taro's defaults, plus two things the test relies on.
 *
 * - Each target builds into its own folder, `dist/weapp` and `dist/h5`, so both can exist at once.
 * - On weapp, every module of an `@dl/*` package (told by the name in its package.json) goes into its own
 *   chunk, `dl.js`, which `app.js` loads beside Taro's `runtime`, `taro`, `vendors` and `common`. Without
 *   it dl's code would be mixed into `vendors.js` with React and Taro's runtime, and the test could not
 *   check dl's code apart from theirs. Named module ids keep each module's path in the output, so the
 *   test can also see that Taro resolved dl to its built `dist/` files.
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
    webpackChain(chain) {
      const splitChunks = chain.optimization.get('splitChunks');
      chain.optimization.set('moduleIds', 'named').set('splitChunks', {
        ...splitChunks,
        cacheGroups: {
          ...splitChunks.cacheGroups,
          dl: {
            name: 'dl',
            test: (module: { resourceResolveData?: { descriptionFileData?: { name?: string } } }) =>
              /^@dl\/(?!taro-demo$)/.test(module.resourceResolveData?.descriptionFileData?.name ?? ''),
            enforce: true,
            priority: 1000,
          },
        },
      });
    },
  },
  h5: {
    publicPath: '/',
    staticDirectory: 'static',
    router: { mode: 'hash' },
  },
});
