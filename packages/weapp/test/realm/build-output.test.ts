import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  checkGlobals,
  createRealm,
  freeGlobals,
  parseAtEcmaScript2015,
  TIMER_AND_CONSOLE_GLOBALS,
  WEB_ONLY_GLOBALS,
} from '@dl/conformance/realm';
import { parse } from 'acorn';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { bundleIntegrity, bundleWeapp } from './built-weapp';

const packages = join(dirname(fileURLToPath(import.meta.url)), '../../..');
/** What a mini-program imports: @dl/weapp, and @dl/core and @dl/types through it. */
const SHIPPED = ['weapp', 'core', 'types'];

// Platform objects and optional web globals the code reads only behind a `typeof` check.
const PLATFORM_OBJECTS = ['wx', 'qq', 'tt', 'swan', 'my'];
const GUARDED_OPTIONAL = ['crypto', 'reportError'];

async function builtFiles(pkg: string): Promise<string[]> {
  const dist = join(packages, pkg, 'dist');
  return (await readdir(dist)).filter((f) => /\.(c?js)$/.test(f)).map((f) => join(dist, f));
}

describe('the built files a mini-program imports', () => {
  it.each(SHIPPED)(
    '@dl/%s: every .js (ES module) and .cjs (script) parses as ECMAScript 2015',
    async (pkg) => {
      const files = await builtFiles(pkg);
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        const code = await readFile(file, 'utf8');
        const sourceType = file.endsWith('.cjs') ? 'script' : 'module';
        expect(() => parse(code, { ecmaVersion: 2015, sourceType }), file).not.toThrow();
      }
    },
  );

  it('the bundle an app gets parses as ECMAScript 2015 and names no global the mini-program lacks', async () => {
    expect(checkGlobals(await bundleWeapp(), [...PLATFORM_OBJECTS, ...GUARDED_OPTIONAL])).toEqual({
      webOnly: [],
      unknown: [],
    });
  });

  it('@dl/weapp/integrity bundled as an app gets it (jsSHA inside) parses as ECMAScript 2015 and names no global the mini-program lacks', async () => {
    const code = await bundleIntegrity();
    expect(code).toMatch(/SHA-512/);
    expect(checkGlobals(code, [])).toEqual({ webOnly: [], unknown: [] });
  });

  it('the hashing code stays out of the bundle of an app that does not import @dl/weapp/integrity', async () => {
    // jsSHA's own error text: present in the integrity bundle, absent from the adapter's.
    const marker = /Chosen SHA variant is not supported/;
    expect(await bundleIntegrity()).toMatch(marker);
    expect(await bundleWeapp()).not.toMatch(marker);
  });

  it('a newer construct in the bundle would be caught (the check is not vacuous)', () => {
    expect(() => parseAtEcmaScript2015('a?.b')).toThrow(SyntaxError);
    expect(() => parseAtEcmaScript2015('async function f() {}')).toThrow(SyntaxError);
    expect(() => parseAtEcmaScript2015('({ ...a })')).toThrow(SyntaxError);
    expect(
      freeGlobals(parseAtEcmaScript2015('var u = new URL(x.URL); function f(URL) { return URL; }')),
    ).toEqual(['URL', 'x']);
  });
});

/** Which runs first in a realm: a timer set before a Promise reaction, or the reaction. */
const ORDER_PROBE = `new Promise(function (done) {
  var seen = [];
  setTimeout(function () { seen.push('timer'); }, 0);
  Promise.resolve().then(function () { seen.push('promise job'); });
  setTimeout(function () { done(seen); }, 20);
})`;

describe('the realm the built package is proved in', () => {
  it('has ECMAScript, timers and console, and none of the web or Node globals', () => {
    const realm = createRealm();
    for (const name of WEB_ONLY_GLOBALS) expect(realm.evaluate(`typeof ${name}`), name).toBe('undefined');
    // Nor ECMAScript's own after 2017, which older iOS engines lack.
    for (const name of ['globalThis', 'WeakRef', 'BigInt', 'AggregateError']) {
      expect(realm.evaluate(`typeof ${name}`), name).toBe('undefined');
    }
    for (const name of TIMER_AND_CONSOLE_GLOBALS)
      expect(realm.evaluate(`typeof ${name}`), name).not.toBe('undefined');
  });

  it('with Promise jobs as tasks, a Promise reaction runs after a timer set before it, as on iOS 15', async () => {
    const realm = createRealm({ promiseJobsAsTasks: true });
    const order = await realm.evaluate<Promise<string[]>>(ORDER_PROBE);
    expect(order).toEqual(['timer', 'promise job']);
    const native = await createRealm().evaluate<Promise<string[]>>(ORDER_PROBE);
    expect(native).toEqual(['promise job', 'timer']);
  });
});

describe('the default downloadFile finds the platform object', () => {
  const fakePlatform = (calls: string[]) => ({
    downloadFile(options: { url: string; fail?: (r: object) => void }) {
      calls.push(options.url);
      options.fail?.({ errMsg: 'downloadFile:fail offline', errno: 600001 });
      return { abort() {} };
    },
  });

  it.each([
    ['a lexical global (`let wx`)', 'lexicalGlobals'],
    ['a property of the global object', 'globals'],
  ] as const)('declared as %s', async (_how, where) => {
    const calls: string[] = [];
    const realm = createRealm({ [where]: { wx: fakePlatform(calls) } });
    const weapp = realm.load<{ downloadFile(o: { url: string }): Promise<unknown> }>(await bundleWeapp());
    await expect(weapp.downloadFile({ url: 'http://127.0.0.1:9/x' })).rejects.toMatchObject({
      code: 'NETWORK',
    });
    expect(calls).toEqual(['http://127.0.0.1:9/x']);
  });
});

describe('the published declarations', () => {
  it('compile with only the ES2015 library: no DOM, no Node types, skipLibCheck off', () => {
    const consumer = join(packages, 'weapp/test/realm/fixtures/consumer.ts');
    const dist = (pkg: string) => join(packages, pkg, 'dist/index.d.ts');
    const program = ts.createProgram([consumer], {
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      lib: ['lib.es2015.d.ts'],
      types: [],
      target: ts.ScriptTarget.ES2015,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      paths: { '@dl/weapp': [dist('weapp')], '@dl/core': [dist('core')], '@dl/types': [dist('types')] },
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file ? `${d.file.fileName}: ` : '';
      return where + ts.flattenDiagnosticMessageText(d.messageText, '\n');
    });
    expect(diagnostics).toEqual([]);
  });
});
