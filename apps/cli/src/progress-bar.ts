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
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: ' {bar} {percentage}% | {done} / {size} | {speed} | ETA {eta_formatted}',
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
  let shown = false;
  task.onProgressUpdate(({ progress, totalBytesWritten, totalBytesExpectedToWrite }) => {
    const total = totalBytesExpectedToWrite;
    const payload = {
      done: prettyBytes(totalBytesWritten),
      // Not `total`: cli-progress reserves that name for the bar's own total (here 100).
      size: total > 0 ? prettyBytes(total) : '?',
      speed: speed(totalBytesWritten),
    };
    if (!shown) {
      bar.start(100, progress, payload);
      shown = true;
    } else bar.update(progress, payload);
  });
  return {
    stop() {
      if (shown) bar.stop();
    },
  };
}
