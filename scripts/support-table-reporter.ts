import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Reporter, TestModule, TestRunEndReason, TestSpecification, Vitest } from 'vitest/node';
import { CLAUSE_META, type ClauseMeta } from '../packages/conformance/src/features';
import {
  type ClauseOutcome,
  diffSupportTables,
  renderSupportTable,
  type SupportTable,
  supportTable,
} from '../packages/conformance/src/support-table';

const BEGIN = '<!-- support-table:begin (written by `pnpm test` from the conformance run; do not edit) -->';
const END = '<!-- support-table:end -->';
const LEGEND =
  "✔ every conformance clause for the row passed on every variant of the adapter; — a clause was skipped by the adapter's capability manifest, for the reason shown; ✘ a clause failed or did not run. Where variants differ, each is named.";

/** The README's section: the table and how to read it. */
function readmeSection(table: SupportTable): string {
  return `${BEGIN}\n${renderSupportTable(table)}\n${LEGEND} The variants each column combines: [docs/support.md](docs/support.md).\n${END}`;
}

/** docs/support.md: the table, the variants behind each column, and how it is kept true. */
function supportPage(table: SupportTable, projects: Map<string, Set<string>>): string {
  const variants = table.adapters.map((adapter) => {
    const runs = table.variants[adapter]!.map(
      (t) => `${t} (\`${[...projects.get(t)!].sort().join('`, `')}\`)`,
    );
    return `- \`@dl/${adapter}\`: ${runs.join('; ')}.`;
  });
  return [
    '# What each adapter supports, measured',
    '',
    '<!-- Written by `pnpm test` (scripts/support-table-reporter.ts) from the conformance run; do not edit. -->',
    '',
    "Every row is proved by the conformance clauses that name it (the rows are `features` in packages/conformance/src/features.ts), run against every variant of each adapter. Taro's own web DownloadTask has none of the five methods, and React Native's lacks the headers events; dl's adapters are measured here.",
    '',
    renderSupportTable(table),
    LEGEND,
    '',
    '## The variants behind each column',
    '',
    'Each variant is one target of the suite, run in the vitest projects named after it:',
    '',
    ...variants,
    '',
    '## Keeping it true',
    '',
    "`pnpm test` (the whole run, without filters) rewrites this page and the README's table from the run. With `CI` set (`.ci/run`) it compares instead, and fails the run on any difference, naming the cells. When a change moves a cell, run `pnpm test` and commit README.md and docs/support.md. A run of some projects or files (`--project`, a file filter, `-t`) leaves both alone.",
    '',
  ].join('\n');
}

/** Why this run does not measure everything, or undefined when it does. */
function partialRun(vitest: Vitest, ran: number, all: number): string | undefined {
  const { config } = vitest;
  if (config.watch) return 'watch mode';
  if (config.project.length) return `--project ${config.project.join(', ')}`;
  if (config.testNamePattern) return `-t ${config.testNamePattern}`;
  if (config.shard) return '--shard';
  if (config.tagsFilter?.length) return '--tags-filter';
  if (ran !== all) return `${ran} of ${all} test files`;
  return undefined;
}

function isCI(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci !== 'false';
}

/**
 * Writes dl's support table (README.md's section, docs/support.md) from a whole run of the conformance
 * suite; in CI it checks the checked-in files against the run instead and fails it where they disagree.
 */
export class SupportTableReporter implements Reporter {
  private vitest!: Vitest;
  private partial: string | undefined = 'the run did not start';

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  async onTestRunStart(specifications: ReadonlyArray<TestSpecification>): Promise<void> {
    const all = await this.vitest.globTestSpecifications();
    this.partial = partialRun(this.vitest, specifications.length, all.length);
  }

  async onTestRunEnd(modules: ReadonlyArray<TestModule>, _errors: unknown, reason: TestRunEndReason) {
    const log = (text: string) => this.vitest.logger.log(`\nsupport table: ${text}`);
    const broken = modules.find((m) => m.errors().length > 0);
    const partial =
      this.partial ??
      (reason === 'interrupted' ? 'the run was interrupted' : undefined) ??
      (broken ? `${broken.project.name} ${broken.relativeModuleId} did not run through` : undefined);
    if (partial) {
      log(`not measured (${partial}): README.md and docs/support.md left as they are.`);
      return;
    }

    const outcomes: ClauseOutcome[] = [];
    const projects = new Map<string, Set<string>>();
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const meta = (test.meta() as { [CLAUSE_META]?: ClauseMeta })[CLAUSE_META];
        if (!meta) continue;
        outcomes.push({ ...meta, state: test.result().state });
        projects.set(meta.target, (projects.get(meta.target) ?? new Set()).add(test.project.name));
      }
    }
    const table = supportTable(outcomes);

    const root = this.vitest.config.root;
    const readmePath = join(root, 'README.md');
    const pagePath = join(root, 'docs', 'support.md');
    const readme = await readFile(readmePath, 'utf8');
    const begin = readme.indexOf(BEGIN);
    const end = readme.indexOf(END);
    if (begin < 0 || end < begin) {
      log(`README.md has no section between "${BEGIN}" and "${END}".`);
      process.exitCode = 1;
      return;
    }
    const checkedInSection = readme.slice(begin, end + END.length);
    const checkedInPage = await readFile(pagePath, 'utf8').catch(() => '');
    const section = readmeSection(table);
    const page = supportPage(table, projects);

    if (!isCI()) {
      if (checkedInSection === section && checkedInPage === page)
        return log('README.md and docs/support.md agree with this run.');
      await writeFile(readmePath, readme.slice(0, begin) + section + readme.slice(end + END.length));
      await writeFile(pagePath, page);
      return log('README.md and docs/support.md rewritten from this run: review and commit them.');
    }
    const cells = diffSupportTables(checkedInSection, section);
    const problems = [
      ...cells.map((cell) => `README.md ${cell}`),
      ...(cells.length === 0 && checkedInSection !== section
        ? ['README.md: the section differs outside the table']
        : []),
      ...(checkedInPage !== page
        ? ['docs/support.md differs from this run (its table or its variants)']
        : []),
    ];
    if (problems.length === 0) return log('README.md and docs/support.md agree with this run.');
    this.vitest.logger.error(
      [
        '\nsupport table: the checked-in table disagrees with this run:',
        ...problems.map((p) => `  - ${p}`),
        'Run `pnpm test` locally (it rewrites README.md and docs/support.md) and commit both.',
      ].join('\n'),
    );
    process.exitCode = 1;
  }
}
