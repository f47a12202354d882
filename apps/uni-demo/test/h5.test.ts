import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { adaptersIn, DL_MARKER } from '@dl/conformance/realm';
import { describeDownloadPage } from '@dl/demo-testing/download-page';
import { describe, expect, it } from 'vitest';
import { outputDir } from './build';

/**
 * The web build: what it carries of dl, then the page in headless Chromium downloading from the test
 * server (the scenario every framework demo shares).
 */
const dir = outputDir('h5');
const screenshots = join(import.meta.dirname, '..', 'test-output');

describe('h5 build', () => {
  it('carries @dl/h5 in its own chunk, assets/dl.*.js, and no @dl/weapp anywhere', async () => {
    const names = (await readdir(dir, { recursive: true })).filter((name) => name.endsWith('.js'));
    const files = Object.fromEntries(
      await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name), 'utf8')] as const)),
    );
    const withDl = names.filter((name) => files[name]!.includes(DL_MARKER));
    expect(withDl).toEqual([expect.stringMatching(/^assets\/dl\.[\w-]+\.js$/)]);
    // The app imports only @dl/uni, which brings exactly one adapter here: @dl/h5.
    expect(adaptersIn(files[withDl[0]!]!)).toEqual(['h5']);
    const weapp = names.filter((name) => adaptersIn(files[name]!).includes('weapp'));
    expect(weapp, "files with @dl/weapp's code").toEqual([]);
  });
});

describeDownloadPage({ framework: 'uni', dir, screenshots });
