/** The contenders of each suite, by name: the parent lists them, a child process runs one. */
import { dlNode, dlNodeWithProgress, dlOther } from './dl';
import {
  axiosStream,
  fetchToStream,
  fetchToWriteFile,
  gotStream,
  handWrittenLoop,
  httpDump,
  nodeFetchStream,
  type Save,
  undiciDump,
  undiciToStream,
} from './peers';
import type { CliContender, Contender, NodeContender } from './types';

/** A per-file function as a pool of `concurrency` workers, as a user would run it. */
function pooled(name: string, save: Save, writesFiles = true): NodeContender {
  return {
    name,
    writesFiles,
    async saveAll(url, paths, concurrency) {
      let next = 0;
      const worker = async () => {
        while (next < paths.length) {
          const path = paths[next++] as string;
          await save(url, path);
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, paths.length) }, worker));
    },
  };
}

const curl: CliContender = {
  name: 'curl -o',
  command: 'curl',
  args: (url, path) => ['--silent', '--show-error', '--fail', '--output', path, url],
};
const wget: CliContender = {
  name: 'wget -O',
  command: 'wget',
  args: (url, path) => ['--quiet', '--output-document', path, url],
};

const fetchStream = pooled('fetch → Readable.fromWeb → fs stream', fetchToStream);
const undiciStream = pooled('undici.request → fs stream', undiciToStream);
const handWritten = pooled('hand-written loop (undici.request + part file + rename)', handWrittenLoop);

export type SuiteName = 'large' | 'many4k' | 'many256k' | 'overhead';

const others = dlOther ? [dlOther] : [];

/** The same contenders for small and for medium files. */
const manyFiles: Contender[] = [
  dlNode,
  ...others,
  fetchStream,
  pooled('fetch → writeFile', fetchToWriteFile),
  undiciStream,
  handWritten,
];

export const suites: Record<SuiteName, Contender[]> = {
  large: [
    dlNode,
    ...others,
    dlNodeWithProgress,
    fetchStream,
    undiciStream,
    pooled('got stream', gotStream),
    pooled('axios stream', axiosStream),
    pooled('node-fetch stream', nodeFetchStream),
    curl,
    wget,
  ],
  many4k: manyFiles,
  many256k: manyFiles,
  overhead: [
    dlNode,
    ...others,
    pooled('undici.request (body dumped, no file)', undiciDump, false),
    pooled('node:http get (body dumped, no file)', httpDump, false),
    handWritten,
  ],
};

export function findContender(suite: SuiteName, name: string): Contender {
  const found = suites[suite].find((contender) => contender.name === name);
  if (!found) throw new Error(`no contender ${JSON.stringify(name)} in suite ${suite}`);
  return found;
}
