/** A contender in one suite: code a Node user could run to save a URL to files. */
export interface NodeContender {
  name: string;
  /** Saves `url` to every path in `paths`, `concurrency` at once. */
  saveAll(url: string, paths: readonly string[], concurrency: number): Promise<void>;
  /** False when the contender writes no file (a lower bound: the request alone). */
  writesFiles?: boolean;
}

/** A command-line downloader run as its own process, once per file. */
export interface CliContender {
  name: string;
  command: string;
  args(url: string, path: string): string[];
}

export type Contender = NodeContender | CliContender;

export const isCli = (contender: Contender): contender is CliContender => 'command' in contender;
