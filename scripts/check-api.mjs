#!/usr/bin/env node
// The public API of every public package, one report per entry its `exports` names (`.`, `./portable`,
// `./node`, …, and a condition with declarations of its own, such as @dl/taro's `react-native`), written by
// API Extractor from the published declarations into packages/<folder>/api/<entry>.api.md. Checked in:
// `pnpm check:api` fails when the API differs from its report; `pnpm api:update` rewrites the reports, to
// be reviewed and committed with the change. Builds what is stale first.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CompilerState, Extractor, ExtractorConfig, ExtractorLogLevel } from '@microsoft/api-extractor';
import { ensureBuilt } from './ensure-built.mjs';

const workspace = join(dirname(fileURLToPath(import.meta.url)), '..');
const update = process.argv.includes('--update');
// `--root=<dir>`: the folder holding packages/ (the workspace; another in this script's own test).
const root = process.argv.find((arg) => arg.startsWith('--root='))?.slice('--root='.length) ?? workspace;

/** Every declaration file (`types`) an export entry names, under any condition. */
function typesOf(value) {
  if (typeof value === 'string') return [];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, target]) =>
    key === 'types' && typeof target === 'string' ? [target] : typesOf(target),
  );
}

/**
 * The entries of a package: each declaration file of its ESM types (`.d.ts`; the `.d.cts` twin is built
 * from the same source by the same build), named after the file: dist/portable.d.ts → portable.
 */
function entriesOf(pkg) {
  const files = Object.entries(pkg.exports)
    .filter(([subpath]) => subpath !== './package.json')
    .flatMap(([, target]) => typesOf(target))
    .filter((file) => file.endsWith('.d.ts'));
  return [...new Set(files)].map((file) => ({ file, name: basename(file, '.d.ts') }));
}

const packages = readdirSync(join(root, 'packages'))
  .map((folder) => ({
    folder,
    dir: join(root, 'packages', folder),
    pkg: JSON.parse(readFileSync(join(root, 'packages', folder, 'package.json'), 'utf8')),
  }))
  .filter(({ pkg }) => !pkg.private);

if (root === workspace) for (const { folder } of packages) ensureBuilt(folder, [folder]);

/** API Extractor's own words on a changed or new report: the summary below says it, with the command. */
const QUIET = new Set([
  'console-api-report-not-copied',
  'console-api-report-copied',
  'console-api-report-created',
]);

const temp = mkdtempSync(join(tmpdir(), 'dl-api-'));
const changed = [];
const failed = [];
/**
 * The package's declaration files without their declaration maps, in a folder of its own inside the
 * package's dist/ (so its dependencies resolve as from there; not under node_modules/, whose files API Extractor
 * takes for another package's): API Extractor follows a declaration map to place
 * its messages and fails on a map segment that names no source, which the maps may have.
 */
function declarationsWithoutMaps(dir) {
  const copy = join(dir, 'dist/api-report');
  rmSync(copy, { recursive: true, force: true });
  mkdirSync(copy, { recursive: true });
  for (const file of readdirSync(join(dir, 'dist')).filter((name) => name.endsWith('.d.ts')))
    copyFileSync(join(dir, 'dist', file), join(copy, file));
  return copy;
}

for (const { folder, dir, pkg } of packages) {
  const entries = entriesOf(pkg);
  if (update) mkdirSync(join(dir, 'api'), { recursive: true });
  const declarations = declarationsWithoutMaps(dir);
  const configs = entries.map(({ file, name }) =>
    ExtractorConfig.prepare({
      packageJsonFullPath: join(dir, 'package.json'),
      configObjectFullPath: undefined,
      configObject: {
        projectFolder: dir,
        mainEntryPointFilePath: join(declarations, basename(file)),
        // The declarations as a user's compiler reads them: @dl dependencies through their own dist/.
        compiler: {
          overrideTsconfig: {
            compilerOptions: {
              module: 'esnext',
              moduleResolution: 'bundler',
              target: 'es2022',
              lib: ['es2022', 'dom', 'dom.iterable'],
              strict: true,
              skipLibCheck: true,
              types: ['node'],
              typeRoots: [join(workspace, 'node_modules/@types')],
            },
          },
        },
        apiReport: {
          enabled: true,
          reportFileName: name,
          reportFolder: join(dir, 'api'),
          reportTempFolder: join(temp, folder),
          // A type the API uses but does not export is still part of it: shown in the report.
          includeForgottenExports: true,
        },
        docModel: { enabled: false },
        dtsRollup: { enabled: false },
        tsdocMetadata: { enabled: false },
        newlineKind: 'lf',
        messages: {
          compilerMessageReporting: { default: { logLevel: 'warning' } },
          // dl marks no release stages (@public, @beta): every export is public.
          extractorMessageReporting: {
            default: { logLevel: 'warning' },
            'ae-missing-release-tag': { logLevel: 'none' },
            'ae-forgotten-export': { logLevel: 'none' },
            'ae-undocumented': { logLevel: 'none' },
            // A bundled declaration file starts with its imports, before the package's doc comment.
            'ae-misplaced-package-tag': { logLevel: 'none' },
            // Doc comments may point at what is not exported (the contract's constants, a source file).
            'ae-unresolved-link': { logLevel: 'none' },
          },
          tsdocMessageReporting: { default: { logLevel: 'none' } },
        },
      },
    }),
  );
  // One TypeScript program for all of a package's entries.
  const compilerState = CompilerState.create(configs[0], {
    additionalEntryPoints: configs.map((config) => config.mainEntryPointFilePath),
  });
  for (const [index, config] of configs.entries()) {
    const label = `${pkg.name} ${entries[index].file}`;
    const result = Extractor.invoke(config, {
      localBuild: update,
      compilerState,
      // In a check, API Extractor prints the report's diff; the summary below names the command.
      printApiReportDiff: !update,
      messageCallback(message) {
        const progress =
          message.logLevel === ExtractorLogLevel.Info || message.logLevel === ExtractorLogLevel.Verbose;
        if (progress || QUIET.has(message.messageId)) message.logLevel = ExtractorLogLevel.None;
      },
    });
    if (result.apiReportChanged) changed.push(`${label} → ${config.reportFilePath.slice(root.length + 1)}`);
    else if (!result.succeeded) failed.push(label);
  }
  rmSync(declarations, { recursive: true, force: true });
}
rmSync(temp, { recursive: true, force: true });

if (failed.length > 0) {
  console.error(`API Extractor failed on:\n  ${failed.join('\n  ')}`);
  process.exit(1);
}
if (update) {
  console.log(changed.length ? `updated:\n  ${changed.join('\n  ')}` : 'API reports up to date');
} else if (changed.length > 0) {
  console.error(
    `The public API differs from its report:\n  ${changed.join('\n  ')}\n` +
      'If the change is intended, run `pnpm api:update`, review the reports and commit them with it ' +
      '(and a changeset saying what changed for users).',
  );
  process.exit(1);
} else {
  console.log(`✓ API reports match (${packages.length} packages)`);
}
