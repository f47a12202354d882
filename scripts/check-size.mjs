#!/usr/bin/env node
// What each platform pays to import dl, as its bundler makes it: the package's published build bundled
// with its @dl dependencies, minified, gzipped (level 9). Fails when a figure passes its budget, so size
// grows only by a deliberate change of the budget here (and of the READMEs' figures). Run after the build.
import { bundleSize } from './bundle-size.mjs';

const root = new URL('..', import.meta.url).pathname;
// Bytes, min+gzip. Today's figures plus a little room (the contract's retries, pause/resume, integrity
// and size limits added about 2.5 kB to each; weapp's manifest per hasher and chunked hashing of a file
// handed over whole, 0.16 kB); the performance issue's targets are lower (docs/performance.md says why).
const BUDGETS = [
  { name: '@dl/weapp', dir: 'packages/weapp', budget: 11_500 },
  // Opt-in: what an app adds when it imports the hasher for `integrity` (jsSHA's SHA-256 and SHA-512).
  { name: '@dl/weapp/integrity', dir: 'packages/weapp', budget: 6_200 },
  { name: '@dl/h5', dir: 'packages/h5', budget: 13_200 },
  { name: '@dl/node', dir: 'packages/node', budget: 12_200, platform: 'node' },
  {
    name: '@dl/taro (weapp build)',
    dir: 'packages/taro',
    budget: 11_600,
    define: { 'process.env.TARO_ENV': '"weapp"' },
  },
  {
    name: '@dl/uni (mp-weixin build)',
    dir: 'packages/uni',
    budget: 11_600,
    define: { 'process.env.UNI_PLATFORM': '"mp-weixin"' },
  },
];

let failed = false;
for (const { name, dir, budget, platform = 'neutral', define } of BUDGETS) {
  const specifier = name.split(' ')[0];
  const { minified, gzipped } = await bundleSize({
    contents: `export * from ${JSON.stringify(specifier)};`,
    resolveDir: `${root}${dir}`,
    platform,
    define,
  });
  const over = gzipped > budget;
  failed ||= over;
  console.log(
    `${over ? '✗' : '✓'} ${name}: ${(minified / 1024).toFixed(2)} kB minified, ${(gzipped / 1024).toFixed(2)} kB min+gzip (budget ${(budget / 1024).toFixed(2)} kB)`,
  );
}
if (failed) process.exit(1);
