export interface BundleSizeOptions {
  /** The entry's source, e.g. `export { downloadFile } from '@dl/h5';`. */
  contents: string;
  /** Where its imports resolve from. */
  resolveDir: string;
  platform?: 'neutral' | 'browser' | 'node';
  define?: Record<string, string>;
  /** Lower the syntax to this target (dl's published builds are already lowered). */
  target?: string;
  /** Extra export conditions, e.g. `dl-source` to bundle dl from its sources. */
  conditions?: string[];
}

export interface BundleSize {
  minified: number;
  /** min+gzip (level 9). */
  gzipped: number;
  /** Each input file and the minified bytes it put into the bundle. */
  inputs: { path: string; bytes: number }[];
}

/** What an import costs an app: bundled, minified, gzipped. */
export function bundleSize(options: BundleSizeOptions): Promise<BundleSize>;
