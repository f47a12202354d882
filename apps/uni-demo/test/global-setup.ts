import { buildAll } from './build';

/** Builds once per test run, before any test file: dl's `dist/`, then the demo for mp-weixin and for h5. */
export default async function setup() {
  const timings = await buildAll();
  console.log(
    `uni-demo builds: dl packages ${timings.dl} ms, mp-weixin ${timings['mp-weixin']} ms, h5 ${timings.h5} ms (in parallel)`,
  );
}
