/**
 * The declarations `@dl/types` publishes compile in a project without the DOM: `lib: ["ES2015"]`,
 * `types: []`, `skipLibCheck: false` (a mini-program or React Native app, a Node library). Checked twice:
 * on declarations emitted here from the source (always), and on the built `dist/*.d.ts` / `*.d.cts`
 * (after `pnpm build`, as CI runs it).
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** The compiler options of a consumer without the DOM. */
const DOM_FREE: ts.CompilerOptions = {
  lib: ['lib.es2015.d.ts'],
  types: [],
  skipLibCheck: false,
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2015,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
};

/** Lays out one package under a consumer's `node_modules`. */
type PackageFiles = (dir: string) => Promise<void>;

/** The errors of a consumer project in a fresh directory, with `packages` under its `node_modules`. */
async function consumer(packages: Record<string, PackageFiles>, source: string): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'dl-types-dom-free-'));
  dirs.push(dir);
  for (const [name, files] of Object.entries(packages)) {
    const packageDir = join(dir, 'node_modules', name);
    await mkdir(packageDir, { recursive: true });
    await files(packageDir);
  }
  const entry = join(dir, 'consumer.ts');
  await writeFile(entry, source);
  const program = ts.createProgram([entry], DOM_FREE);
  return ts
    .getPreEmitDiagnostics(program)
    .map(
      (d) =>
        `${d.file ? d.file.fileName.slice(dir.length + 1) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
    );
}

/** A package of built declarations: its `dist` copied, `types` pointing at one of them. */
function builtPackage(name: string, dist: string, types: string): PackageFiles {
  return async (dir) => {
    await cp(dist, join(dir, 'dist'), { recursive: true });
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name, types }));
  };
}

/** Every error counts: the declarations name no DOM type. */
function unexpected(errors: string[]): string[] {
  return errors;
}

// Every export, used, so nothing is left unchecked; and a call with a typed result.
const USE_ALL = `
import type * as dl from '@dl/types';
type All = [
  dl.AbortListenerOptions, dl.AbortSignalLike, dl.AdapterCapabilities, dl.AdapterInfo, dl.AdapterName,
  dl.DownloadError, dl.DownloadErrorCode, dl.DownloadFileOptions, dl.RequestHeaders, dl.RequestHeaderValue,
  dl.DownloadFailResult, dl.DownloadFileResultFor<undefined>, dl.DownloadFileSavedResult, dl.DownloadFileSuccessLike,
  dl.DownloadFileSuccessResult, dl.DownloadFileTempResult, dl.ResponseHeaders, dl.DownloadFile, dl.DownloadTask,
  dl.DownloadTaskPromise, dl.OffHeadersReceivedCallback, dl.OffProgressUpdateCallback, dl.OnHeadersReceivedCallback,
  dl.OnHeadersReceivedCallbackResult, dl.OnProgressUpdateCallback, dl.OnProgressUpdateCallbackResult,
];
declare const downloadFile: dl.DownloadFile;
export async function use(): Promise<[All | undefined, string]> {
  const res = await downloadFile({ url: 'https://example.com/', header: { 'X-N': 1 } });
  return [undefined, res.tempFilePath];
}
`;

describe('@dl/types declarations compile without the DOM (lib ES2015, types [], skipLibCheck false)', () => {
  it('the declarations of the source', async () => {
    const emitted = new Map<string, string>();
    const program = ts.createProgram([join(packageDir, 'src/index.ts')], {
      declaration: true,
      emitDeclarationOnly: true,
      rootDir: join(packageDir, 'src'),
      outDir: '/decl',
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      strict: true,
      types: [],
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    });
    const result = program.emit(undefined, (name, text) => emitted.set(name.replace(/^\/decl\//, ''), text));
    expect(result.diagnostics).toEqual([]);
    expect([...emitted.keys()]).toContain('index.d.ts');

    const errors = await consumer(
      {
        '@dl/types': async (dir) => {
          await writeFile(
            join(dir, 'package.json'),
            JSON.stringify({ name: '@dl/types', types: './index.d.ts' }),
          );
          for (const [name, text] of emitted) await writeFile(join(dir, name), text);
        },
      },
      USE_ALL,
    );
    expect(unexpected(errors)).toEqual([]);
  });

  const dist = join(packageDir, 'dist');
  const built = existsSync(join(dist, 'index.d.ts')) && existsSync(join(dist, 'index.d.cts'));
  // CI builds before it tests; locally, run `pnpm --filter @dl/types build` first.
  it.skipIf(!built)('the built dist/index.d.ts and dist/index.d.cts', async () => {
    for (const types of ['./dist/index.d.ts', './dist/index.d.cts']) {
      const errors = await consumer({ '@dl/types': builtPackage('@dl/types', dist, types) }, USE_ALL);
      expect(unexpected(errors), types).toEqual([]);
    }
  });

  it('a DOM name in a declaration is caught (the check is not vacuous)', async () => {
    const errors = await consumer(
      {
        '@dl/types': async (dir) => {
          await writeFile(
            join(dir, 'package.json'),
            JSON.stringify({ name: '@dl/types', types: './index.d.ts' }),
          );
          await writeFile(join(dir, 'index.d.ts'), 'export interface X { response: Response; }\n');
        },
      },
      "import type { X } from '@dl/types';\nexport type Y = X;\n",
    );
    expect(unexpected(errors)).toEqual([expect.stringContaining("Cannot find name 'Response'")]);
  });
});

describe('the public surface', () => {
  // Every exported name is a promise to users: adding or removing one is a deliberate change.
  it('@dl/types exports exactly these types', () => {
    const index = join(packageDir, 'src/index.ts');
    const program = ts.createProgram([index], { ...DOM_FREE, noEmit: true });
    const checker = program.getTypeChecker();
    const source = program.getSourceFile(index);
    const module = source && checker.getSymbolAtLocation(source);
    const names = module ? checker.getExportsOfModule(module).map((symbol) => symbol.name) : [];
    expect(names.sort()).toEqual([
      'AbortListenerOptions',
      'AbortSignalLike',
      'AdapterCapabilities',
      'AdapterInfo',
      'AdapterName',
      'DownloadError',
      'DownloadErrorCode',
      'DownloadFailResult',
      'DownloadFile',
      'DownloadFileOptions',
      'DownloadFileResultFor',
      'DownloadFileSavedResult',
      'DownloadFileSuccessLike',
      'DownloadFileSuccessResult',
      'DownloadFileTempResult',
      'DownloadTask',
      'DownloadTaskPromise',
      'IntegrityAlgorithm',
      'OffHeadersReceivedCallback',
      'OffProgressUpdateCallback',
      'OnHeadersReceivedCallback',
      'OnHeadersReceivedCallbackResult',
      'OnProgressUpdateCallback',
      'OnProgressUpdateCallbackResult',
      'OnRetryCallback',
      'OnRetryCallbackResult',
      'RequestHeaderValue',
      'RequestHeaders',
      'ResponseHeaders',
      'ResumeData',
      'RetryOptions',
    ]);
  });
});
