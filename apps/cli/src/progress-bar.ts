import type { DownloadTask } from '@dl/types';
import cliProgress from 'cli-progress';
import prettyBytes from 'pretty-bytes';

/**
 * A terminal progress bar fed by the task's progress events: percent, bytes, speed and ETA when the
 * size is known, bytes and speed when it is not.
 */
export function attachProgressBar(task: DownloadTask, stream: NodeJS.WriteStream = process.stderr) {
  const started = performance.now();
  const speed = (bytes: number) =>
    `${prettyBytes(bytes / Math.max((performance.now() - started) / 1000, 0.001))}/s`;
  // Without a size there is no ETA to estimate (cli-progress would print `ETA NFs`): elapsed time instead.
  const knownSize = ' {bar} {percentage}% | {done} / {size} | {speed} | ETA {eta_formatted}';
  const unknownSize = ' {done} so far | {speed} | {duration_formatted} elapsed';
  const make = (format: string) =>
    new cliProgress.SingleBar(
      {
        stream,
        format,
        barCompleteChar: '█',
        barIncompleteChar: '░',
        hideCursor: true,
        fps: 10,
        etaBuffer: 50,
        // Keep drawing when stderr is a pipe (CI logs), at a low rate.
        noTTYOutput: !stream.isTTY,
        notTTYSchedule: 2000,
      },
      cliProgress.Presets.shades_classic,
    );
  let bar: cliProgress.SingleBar | undefined;
  task.onProgressUpdate(({ progress, totalBytesWritten, totalBytesExpectedToWrite }) => {
    const total = totalBytesExpectedToWrite;
    const payload = {
      done: prettyBytes(totalBytesWritten),
      // Not `total`: cli-progress reserves that name for the bar's own total (here 100).
      size: total > 0 ? prettyBytes(total) : '?',
      speed: speed(totalBytesWritten),
    };
    if (!bar) {
      bar = make(total > 0 ? knownSize : unknownSize);
      bar.start(100, progress, payload);
    } else bar.update(progress, payload);
  });
  return {
    stop() {
      bar?.stop();
    },
  };
}
