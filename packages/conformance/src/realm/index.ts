/**
 * Proving an adapter where its users run it, not only in Node (which has every web global): bundle the
 * adapter's *built* package as an app's bundler would, check the code parses at the ECMAScript version
 * the package promises and names no global the platform lacks, then load it into a `node:vm` realm that
 * holds only ECMAScript's built-ins plus what the platform documents (timers, `console`, its own objects).
 * @packageDocumentation
 */
import { createRequire } from 'node:module';
import { runInContext, createContext as vmContext } from 'node:vm';
import { type Node as AcornNode, parse } from 'acorn';
import { build } from 'esbuild';
import { analyze } from 'eslint-scope';

export { ADAPTER_MARKERS, adaptersIn, DL_MARKER } from './adapters-in';

/** Globals the web and Node have and mini-program logic layers (and older React Native) lack. */
export const WEB_ONLY_GLOBALS = [
  'AbortController',
  'AbortSignal',
  'URL',
  'URLSearchParams',
  'queueMicrotask',
  'TextEncoder',
  'TextDecoder',
  'Headers',
  'Request',
  'Response',
  'ReadableStream',
  'structuredClone',
  'fetch',
  'Blob',
  'FormData',
  'XMLHttpRequest',
  'process',
  'Buffer',
  'setImmediate',
  'window',
  'self',
  'document',
  'navigator',
] as const;

/** The timers and `console` every platform dl runs on provides (the mini-program logic layer documents these). */
export const TIMER_AND_CONSOLE_GLOBALS = [
  'setTimeout',
  'clearTimeout',
  'setInterval',
  'clearInterval',
  'console',
] as const;

/** What a CommonJS module's code sees besides globals (mini-programs load every file as such a module). */
export const COMMONJS_MODULE_SCOPE = ['module', 'exports', 'require'] as const;

/**
 * ECMAScript 2017's global names: what the mini-program base library provides on every engine it
 * supports. Later ones (`globalThis`, `BigInt`, `WeakRef`, `AggregateError`, …) are missing on older iOS.
 */
// biome-ignore format: a list of names reads best packed
export const ECMASCRIPT_2017_GLOBALS = [
  'Object', 'Function', 'Array', 'Number', 'Boolean', 'String', 'Symbol', 'Date', 'Promise', 'RegExp',
  'Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError',
  'JSON', 'Math', 'Intl', 'Reflect', 'Proxy', 'Map', 'Set', 'WeakMap', 'WeakSet',
  'ArrayBuffer', 'SharedArrayBuffer', 'Atomics', 'DataView', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray',
  'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array',
  'parseFloat', 'parseInt', 'isFinite', 'isNaN', 'decodeURI', 'decodeURIComponent', 'encodeURI',
  'encodeURIComponent', 'escape', 'unescape', 'eval', 'Infinity', 'NaN', 'undefined',
] as const;

export interface BundleOptions {
  /** Resolution conditions, as the app's bundler uses them (e.g. `['react-native']`); `import`/`default` always apply. */
  conditions?: string[];
  /** Imports left to the realm's `require` (a native library the app links, handed in by the test). */
  external?: string[];
  /**
   * Build-time constants, as the app's bundler defines them (`process.env.TARO_ENV`); conditions on them
   * are folded and the branches not taken dropped, as the app's minifier would.
   */
  define?: Record<string, string>;
}

/**
 * Bundles a package's built entry (resolved from `fromDir` through its `exports`, never the `dl-source`
 * condition) into one CommonJS script, lowering nothing: what the bundle contains is what was published.
 */
export async function bundleBuilt(
  specifier: string,
  fromDir: string,
  options: BundleOptions = {},
): Promise<string> {
  const result = await build({
    // An ES import, as app code imports it: the `import` condition, and tree-shaking as bundlers do it.
    stdin: { contents: `export * from ${JSON.stringify(specifier)};`, resolveDir: fromDir, loader: 'js' },
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'neutral',
    target: 'esnext',
    mainFields: ['module', 'main'],
    conditions: options.conditions ?? [],
    external: options.external ?? [],
    define: options.define ?? {},
    minifySyntax: options.define !== undefined,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild produced no output for ${specifier}`);
  return output.text;
}

/** Parses `code` as an ECMAScript 2015 script; a newer construct throws a SyntaxError naming line and column. */
export function parseAtEcmaScript2015(code: string): AcornNode {
  // Ranges: eslint-scope reads them to tell a parameter default's references from the body's.
  return parse(code, { ecmaVersion: 2015, sourceType: 'script', locations: true, ranges: true });
}

/** Every global `code` reads or calls: names it references and never declares (scope analysis, not text search). */
export function freeGlobals(program: AcornNode): string[] {
  // acorn's tree is ESTree, which eslint-scope reads.
  const scopes = analyze(program as unknown as Parameters<typeof analyze>[0], {
    ecmaVersion: 2015,
    sourceType: 'script',
  });
  const global = scopes.globalScope;
  if (!global) return [];
  const names = new Set<string>();
  for (const reference of global.through) names.add(reference.identifier.name);
  // Implicit globals the code declares at top level are its own, not the platform's.
  for (const variable of global.variables) if (variable.defs.length > 0) names.delete(variable.name);
  return [...names].sort();
}

/** What {@link checkGlobals} found: web or Node globals, and names neither ECMAScript nor the platform has. */
export interface GlobalsCheck {
  webOnly: string[];
  unknown: string[];
}

/**
 * Parses a CommonJS bundle at ES2015 and sorts the globals it reads: `webOnly` (never allowed) and
 * `unknown` (not ECMAScript's, not the timers or `console`, not in `allowed`: the platform's objects and
 * optional globals the code reads behind `typeof`). Both empty is the pass.
 */
export function checkGlobals(code: string, allowed: readonly string[]): GlobalsCheck {
  const used = freeGlobals(parseAtEcmaScript2015(code));
  const known = new Set([
    ...ECMASCRIPT_2017_GLOBALS,
    ...TIMER_AND_CONSOLE_GLOBALS,
    ...COMMONJS_MODULE_SCOPE,
    ...allowed,
  ]);
  const webOnly = new Set<string>(WEB_ONLY_GLOBALS);
  return {
    webOnly: used.filter((name) => webOnly.has(name)),
    unknown: used.filter((name) => !known.has(name) && !webOnly.has(name)),
  };
}

export interface RealmOptions {
  /** The platform's own objects (`wx`, `my`, a native module…), handed in from Node as global properties. */
  globals?: Record<string, unknown>;
  /**
   * The same, declared as lexical globals (`let wx` at the top of a script): `typeof wx` finds them,
   * `globalThis.wx` does not — as in runtimes that declare the platform object that way.
   */
  lexicalGlobals?: Record<string, unknown>;
  /**
   * Replace the realm's `Promise` with one whose jobs run as ordinary tasks (`setTimeout(fn, 0)`), as
   * the mini-program logic layer's Promise does on iOS 15 and earlier. Code written with native async
   * functions would still use the engine's own jobs; a build lowered to ES2015 uses the global `Promise`.
   */
  promiseJobsAsTasks?: boolean;
}

export interface Realm {
  /** Runs a CommonJS script in the realm and returns its `module.exports`. */
  load<T = Record<string, unknown>>(code: string, require?: (specifier: string) => unknown): T;
  /** Evaluates an expression in the realm. */
  evaluate<T = unknown>(expression: string): T;
}

const nodeRequire = createRequire(import.meta.url);

/**
 * A realm with ECMAScript's built-ins, the timers, `console`, and `options.globals` — nothing of the web
 * or of Node (no `URL`, `AbortController`, `queueMicrotask`, `fetch`, `process`…).
 */
export function createRealm(options: RealmOptions = {}): Realm {
  const sandbox: Record<string, unknown> = {
    setTimeout: (fn: () => void, ms?: number) => setTimeout(fn, ms),
    clearTimeout: (id?: ReturnType<typeof setTimeout>) => clearTimeout(id),
    setInterval: (fn: () => void, ms?: number) => setInterval(fn, ms),
    clearInterval: (id?: ReturnType<typeof setInterval>) => clearInterval(id),
    console,
    ...options.globals,
  };
  const context = vmContext(sandbox, { name: 'dl platform realm' });
  // Only ECMAScript 2017's globals and the sandbox's: V8's newer ones (globalThis, WeakRef, …) are not
  // on every platform.
  const keep = [...ECMASCRIPT_2017_GLOBALS, ...Object.keys(sandbox)];
  runInContext(
    `(function (keep) {
      var global = this;
      Object.getOwnPropertyNames(global).forEach(function (name) {
        if (keep.indexOf(name) < 0) delete global[name];
      });
    }).call(this, ${JSON.stringify(keep)})`,
    context,
  );
  const load = <T>(code: string, require?: (specifier: string) => unknown): T => {
    const wrapper = runInContext(`(function (module, exports, require) {\n${code}\n})`, context) as (
      module: { exports: unknown },
      exports: unknown,
      require: (specifier: string) => unknown,
    ) => void;
    const module = { exports: runInContext('({})', context) };
    const missing = (specifier: string) => {
      throw new Error(`the realm has no module ${specifier}`);
    };
    wrapper(module, module.exports, require ?? missing);
    return module.exports as T;
  };
  if (options.promiseJobsAsTasks) {
    const polyfill = nodeRequire.resolve('promise-polyfill/lib/index.js');
    const source = nodeRequire('node:fs').readFileSync(polyfill, 'utf8') as string;
    // The realm has no setImmediate, so the polyfill schedules every job with setTimeout(fn, 0).
    context.Promise = load(source);
  }
  for (const [name, value] of Object.entries(options.lexicalGlobals ?? {})) {
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new Error(`not an identifier: ${name}`);
    runInContext(`let ${name};`, context);
    (runInContext(`(function (value) { ${name} = value; })`, context) as (value: unknown) => void)(value);
  }
  return {
    load,
    evaluate: <T>(expression: string) => runInContext(expression, context) as T,
  };
}
