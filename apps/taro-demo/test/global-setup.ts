import { buildAll } from './build';

/** Builds once per test run, before any test file: dl's `dist/`, then the demo for weapp and for h5. */
export default async function setup() {
  const timings = await buildAll();
  console.log(
    `taro-demo builds: dl packages ${timings.dl} ms, weapp ${timings.weapp} ms, h5 ${timings.h5} ms (in parallel)`,
  );
}
