import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { downloadFile, isDownloadError } from '@dl/node';
import { Command, InvalidArgumentError } from 'commander';
import prettyBytes from 'pretty-bytes';
import { EXIT, exitCodeFor } from './exit-codes';
import { summarizeHeaders } from './headers-summary';
import { fileNameFromUrl } from './output-path';
import { attachProgressBar } from './progress-bar';
import { readResumeFile, removeResumeFile, resumeFileOf, writeResumeFile } from './resume-file';
import { DEFAULT_SAMPLE_BYTES, startSample } from './sample';

/** Signals that stop a download cleanly. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
type StopSignal = (typeof STOP_SIGNALS)[number];
/** POSIX numbers, for the conventional exit status 128 + n (130, 143, 129). */
const SIGNAL_NUMBERS: Record<StopSignal, number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

interface CliOptions {
  output?: string;
  force?: boolean;
  timeout: number;
  header: Record<string, string>;
  sampleSize: number;
  quiet?: boolean;
  continue?: boolean;
  retry: number;
  integrity?: string;
  maxBytes?: number;
}

const positiveInt = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('must be a whole number >= 0');
  return n;
};

const headerPair = (value: string, previous: Record<string, string>) => {
  const at = value.indexOf(':');
  if (at <= 0) throw new InvalidArgumentError('must look like "Name: value"');
  return { ...previous, [value.slice(0, at).trim()]: value.slice(at + 1).trim() };
};

export function buildProgram(): Command {
  return new Command('dl')
    .description(
      'Download a URL with a progress bar. Without a URL, downloads a sample from a built-in local server.',
    )
    .argument('[url]', 'http(s) URL to download')
    .option('-o, --output <file>', "where to save (default: the URL's file name in the current directory)")
    .option('-f, --force', 'overwrite an existing file')
    .option('-t, --timeout <ms>', 'deadline for the whole download, 0 for none', positiveInt, 0)
    .option('-H, --header <header>', 'request header "Name: value" (repeatable)', headerPair, {})
    .option(
      '-c, --continue',
      'keep the bytes of an interrupted download (Ctrl-C) and continue them on the next run with -c',
    )
    .option('--retry <n>', 'retries after a network failure or a 408/429/5xx answer', positiveInt, 0)
    .option('--integrity <sri>', 'expected hash, e.g. sha256-<base64>; a mismatch saves nothing')
    .option('--max-bytes <n>', 'refuse a file larger than this', positiveInt)
    .option('--sample-size <bytes>', 'size of the no-URL sample', positiveInt, DEFAULT_SAMPLE_BYTES)
    .option('-q, --quiet', 'no progress bar')
    .showHelpAfterError()
    .exitOverride();
}

/** Runs one download as the command line asked; resolves to the process exit code. */
export async function runCli(argv: string[], out = process.stdout, err = process.stderr): Promise<number> {
  const program = buildProgram();
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    const code = (error as { exitCode?: number }).exitCode;
    return code === 0 ? EXIT.OK : EXIT.USAGE;
  }
  const opts = program.opts<CliOptions>();
  let url = program.args[0];
  let sample: Awaited<ReturnType<typeof startSample>> | undefined;
  let output = opts.output;
  let removeAfter = false;

  if (!url) {
    sample = await startSample(opts.sampleSize);
    url = sample.url;
    if (!output) {
      output = join(tmpdir(), `dl-sample-${process.pid}.bin`);
      removeAfter = true;
    }
    out.write(
      `No URL given: downloading a ${prettyBytes(opts.sampleSize)} sample from the built-in server\n`,
    );
  }
  const target = resolve(output ?? fileNameFromUrl(url));
  const resumeData = opts.continue ? await readResumeFile(target) : undefined;
  if (!opts.force && !removeAfter && !resumeData && existsSync(target)) {
    err.write(`dl: ${target} exists; use -f to overwrite or -o to choose another name\n`);
    await sample?.server.stop();
    return EXIT.FILE_SYSTEM;
  }

  out.write(`${url}\n→ ${target}\n`);
  const started = performance.now();
  if (resumeData) out.write(`continuing the ${prettyBytes(resumeData.bytes)} saved before\n`);
  const task = downloadFile({
    url,
    filePath: target,
    header: opts.header,
    timeout: opts.timeout,
    retry: opts.retry,
    integrity: opts.integrity,
    maxBytes: opts.maxBytes,
    resumeData,
  });
  task.onRetry(({ retry, delay, statusCode, error }) =>
    err.write(`dl: retry ${retry} in ${delay} ms (${statusCode ? `HTTP ${statusCode}` : error?.errMsg})\n`),
  );
  task.onHeadersReceived((event) => out.write(`${summarizeHeaders(event)}\n`));
  const bar = opts.quiet ? undefined : attachProgressBar(task, err);
  // Ctrl-C, `kill` and a closed terminal all stop the download the same way: abort, which removes the
  // partial file, then exit 128 + the signal's number — or, with --continue, pause and store what the
  // next run needs. A repeated signal (a wrapper forwarding the one the terminal already sent) is the
  // same request.
  let stoppedBy: StopSignal | undefined;
  let paused: (() => void) | undefined;
  const onSignal = (signal: StopSignal) => {
    if (stoppedBy) return;
    stoppedBy = signal;
    const data = opts.continue ? task.resumeData() : undefined;
    if (!data) return task.abort();
    task.pause();
    writeResumeFile(target, data).then(
      () => paused?.(),
      () => task.abort(),
    );
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);

  try {
    const result = await Promise.race([
      task,
      new Promise<'paused'>((done) => (paused = () => done('paused'))),
    ]);
    bar?.stop();
    if (result === 'paused') {
      err.write(`dl: interrupted; the bytes so far are kept (${resumeFileOf(target)}): run again with -c\n`);
      return EXIT.SIGNAL_BASE + SIGNAL_NUMBERS[stoppedBy as StopSignal];
    }
    await removeResumeFile(target);
    const seconds = (performance.now() - started) / 1000;
    const rate = prettyBytes(result.dataLength / Math.max(seconds, 0.001));
    out.write(`Saved ${prettyBytes(result.dataLength)} in ${seconds.toFixed(2)} s (${rate}/s)\n`);
    if (removeAfter) {
      await rm(target, { force: true });
      out.write('(the sample file was removed)\n');
    }
    if (result.statusCode >= 400) {
      err.write(`dl: the server answered HTTP ${result.statusCode}; its body was saved to ${target}\n`);
      return EXIT.HTTP_ERROR;
    }
    return EXIT.OK;
  } catch (error) {
    bar?.stop();
    if (!isDownloadError(error)) throw error;
    if (error.code !== 'ABORTED') await removeResumeFile(target);
    const hint = error.code === 'ABORTED' ? ' (interrupted; nothing was saved)' : '';
    err.write(`dl: ${error.errMsg} [${error.code}]${hint}\n`);
    return error.code === 'ABORTED' && stoppedBy
      ? EXIT.SIGNAL_BASE + SIGNAL_NUMBERS[stoppedBy]
      : exitCodeFor(error.code);
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
    await sample?.server.stop();
  }
}
