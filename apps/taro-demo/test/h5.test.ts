import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeDownloadPage } from '@dl/demo-testing/download-page';
import { describe, expect, it } from 'vitest';
import { outputDir } from './build';
import { adaptersIn, chunkModules, DL_MARKER, PUBLISHED } from './bundle-check';

/**
 * The web build: what it carries of dl, then the page in headless Chromium downloading from the test
 * server (the scenario every framework demo shares).
 */
const dir = outputDir('h5');
const screenshots = join(import.meta.dirname, '..', 'test-output');

describe('h5 build', () => {
  it('carries @dl/h5 in chunk/dl.js, resolved to its dist/ build, and no @dl/weapp', async () => {
    const names = (await readdir(dir, { recursive: true })).filter((name) => name.endsWith('.js'));
    const files = Object.fromEntries(
      await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name), 'utf8')] as const)),
    );
    const dlChunk = join('chunk', 'dl.js');
    expect(names.filter((name) => files[name]!.includes(DL_MARKER))).toEqual([dlChunk]);
    // Named module ids (config/index.ts): dl's modules by path, the published build and only that.
    const ids = chunkModules(files[dlChunk]!).map(({ id }) => id);
    for (const id of ids) expect(id, 'a published dl module').toMatch(PUBLISHED);
    expect(ids).toContainEqual(expect.stringMatching(/(?:^|\/)(?:packages|node_modules\/@dl)\/taro\/dist\//));
    // The app imports only @dl/taro, which brings exactly one adapter here: @dl/h5.
    expect(adaptersIn(files[dlChunk]!)).toEqual(['h5']);
    const weapp = names.filter((name) => files[name]!.includes('getFileSystemManager'));
    expect(weapp, "files with @dl/weapp's file-system calls").toEqual([]);
  });
});

describeDownloadPage({ framework: 'taro', dir, screenshots });
