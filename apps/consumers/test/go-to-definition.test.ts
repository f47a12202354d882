import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import ts from 'typescript';
import { describe, expect, inject, it } from 'vitest';

const dir = inject('consumerDirs')['node-app'];

/** TypeScript's "go to definition" on the first `name` in `file`: the declarations it finds. */
function declarationsOf(tsconfig: string, file: string, name: string): ts.DefinitionInfo[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(dir, tsconfig), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (!config) throw new Error(`cannot read ${tsconfig}`);
  const service = ts.createLanguageService({
    getCompilationSettings: () => config.options,
    getScriptFileNames: () => config.fileNames,
    getScriptVersion: () => '1',
    getScriptSnapshot: (path) =>
      existsSync(path) ? ts.ScriptSnapshot.fromString(readFileSync(path, 'utf8')) : undefined,
    getCurrentDirectory: () => dir,
    getDefaultLibFileName: ts.getDefaultLibFilePath,
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  });
  const path = join(dir, file);
  const at = readFileSync(path, 'utf8').indexOf(name);
  expect(at, `${name} in ${file}`).toBeGreaterThan(0);
  return [...(service.getDefinitionAtPosition(path, at) ?? [])];
}

/**
 * Where an editor lands: a declaration in a package's declaration file, followed through that file's
 * declaration map (as editors do) to the source, as `<file relative to the project>:<line text>`.
 */
function landing(definition: ts.DefinitionInfo): string {
  const declarations = readFileSync(definition.fileName, 'utf8');
  const before = declarations.slice(0, definition.textSpan.start).split('\n');
  const map = new TraceMap(readFileSync(`${definition.fileName}.map`, 'utf8'), definition.fileName);
  const original = originalPositionFor(map, {
    line: before.length,
    column: before[before.length - 1]!.length,
  });
  if (original.source === null) return `${definition.fileName}: not mapped`;
  const line = readFileSync(original.source, 'utf8').split('\n')[original.line - 1]!;
  return `${original.source.slice(dir.length + 1)}:${line.trim()}`;
}

// The published declarations carry declaration maps and the packages ship src/: an editor lands in dl's
// TypeScript, from ESM and from CommonJS declarations alike.
describe.each([
  ['bundler (ESM declarations)', 'tsconfig.bundler.json', 'src/typed.ts', '.d.ts'],
  ['node16 from CommonJS', 'tsconfig.node16.json', 'src/typed-cjs.cts', '.d.cts'],
] as const)('go to definition, %s', (_mode, tsconfig, file, extension) => {
  it('downloadFile leads into @dl/node/src', () => {
    const [definition] = declarationsOf(tsconfig, file, 'downloadFile').filter((found) =>
      found.fileName.includes('/@dl/node/'),
    );
    expect(definition?.fileName).toBe(join(dir, `node_modules/@dl/node/dist/index${extension}`));
    expect(landing(definition!)).toMatch(
      /^node_modules\/@dl\/node\/src\/index\.ts:export const downloadFile\b/,
    );
  });
});

it('the JavaScript source maps point into the shipped src/ and hold no copy of it', () => {
  for (const pkg of ['node', 'core']) {
    const dist = join(dir, 'node_modules/@dl', pkg, 'dist');
    const maps = readdirSync(dist).filter((name) => /\.c?js\.map$/.test(name));
    expect(maps.length).toBeGreaterThan(0);
    for (const name of maps) {
      const map = JSON.parse(readFileSync(join(dist, name), 'utf8'));
      expect(map.sourcesContent, name).toBeUndefined();
      for (const source of map.sources)
        expect(existsSync(join(dist, source)), `${name}: ${source}`).toBe(true);
    }
  }
});
