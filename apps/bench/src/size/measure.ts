/**
 * What each download library costs an app, bundled as its bundler would (min+gzip): dl's adapters as
 * published, beside the libraries web apps pick instead, and where dl's bytes go, file by file.
 */
import { fileURLToPath } from 'node:url';
import { bundleSize } from '../../../../scripts/bundle-size.mjs';

const here = fileURLToPath(new URL('../..', import.meta.url));

export interface SizeRow {
  name: string;
  /** What the app imports, as one line of code. */
  imports: string;
  minified: number;
  gzipped: number;
}

export interface FileShare {
  file: string;
  bytes: number;
}

export interface Breakdown {
  name: string;
  minified: number;
  gzipped: number;
  files: FileShare[];
}

const entries: { name: string; imports: string; platform: 'neutral' | 'browser' | 'node' }[] = [
  { name: '@dl/weapp', imports: "import { downloadFile } from '@dl/weapp'", platform: 'neutral' },
  {
    name: '@dl/weapp with the integrity hasher',
    imports: "import { createDownloader } from '@dl/weapp'; import { sha2 } from '@dl/weapp/integrity'",
    platform: 'neutral',
  },
  { name: '@dl/h5', imports: "import { downloadFile } from '@dl/h5'", platform: 'browser' },
  { name: '@dl/node', imports: "import { downloadFile } from '@dl/node'", platform: 'node' },
  {
    name: "Taro's H5 downloadFile",
    imports: "import { downloadFile } from '@tarojs/taro-h5'",
    platform: 'browser',
  },
  { name: 'ky', imports: "import ky from 'ky'", platform: 'browser' },
  { name: 'axios (browser)', imports: "import axios from 'axios'", platform: 'browser' },
];

/** An import line as an entry that keeps what it imports (so nothing is shaken away). */
function entrySource(imports: string): string {
  const names = [...imports.matchAll(/import (?:\{ (\w+) \}|(\w+)) from/g)].map((m) => m[1] ?? m[2]);
  return `${imports};\nexport { ${names.join(', ')} };`;
}

export async function measureSizes(): Promise<SizeRow[]> {
  const rows: SizeRow[] = [];
  for (const entry of entries) {
    const { minified, gzipped } = await bundleSize({
      contents: entrySource(entry.imports),
      resolveDir: here,
      platform: entry.platform,
    });
    rows.push({ name: entry.name, imports: entry.imports, minified, gzipped });
  }
  return rows;
}

/**
 * `downloadFile` alone of the mini-program and web adapters, bundled from their sources at their
 * published targets, with the minified bytes each source file contributes.
 */
export async function measureBreakdowns(): Promise<Breakdown[]> {
  const adapters = [
    { name: '@dl/weapp', platform: 'neutral', target: 'es2015' },
    { name: '@dl/h5', platform: 'browser', target: 'es2020' },
  ] as const;
  const breakdowns: Breakdown[] = [];
  for (const adapter of adapters) {
    const { minified, gzipped, inputs } = await bundleSize({
      contents: `export { downloadFile } from '${adapter.name}';`,
      resolveDir: here,
      platform: adapter.platform,
      target: adapter.target,
      conditions: ['dl-source'],
    });
    const files = inputs
      .filter((input) => input.bytes > 0)
      .map((input) => ({ file: input.path.replace(/^.*packages\//, ''), bytes: input.bytes }))
      .sort((a, b) => b.bytes - a.bytes);
    breakdowns.push({ name: adapter.name, minified, gzipped, files });
  }
  return breakdowns;
}
