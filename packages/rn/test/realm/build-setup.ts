import { buildRn } from './built-rn';

/** Builds @dl/rn once per run, before any realm test bundles it. */
export default function setup(): void {
  buildRn();
}
