import { buildWeapp } from './built-weapp';

/** Builds @dl/weapp once per run, before any realm test bundles it. */
export default function setup(): void {
  buildWeapp();
}
