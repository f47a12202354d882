import type { DownloadDriver, DownloadJob } from './driver';
import { type DownloadError, toDownloadError } from './errors';

export interface AsyncDriverOptions<Extra extends object = object> {
  /** Removes a saved file nobody will get (see {@link DownloadDriver.discard}). */
  discard?: DownloadDriver<Extra>['discard'];
  /** The size of a partial the driver reported (see {@link DownloadDriver.partialSize}). */
  partialSize?: DownloadDriver<Extra>['partialSize'];
  /** Removes a partial nobody will continue (see {@link DownloadDriver.dropPartial}). */
  dropPartial?: DownloadDriver<Extra>['dropPartial'];
  /** Maps whatever the download threw to the task's error. @default toDownloadError */
  toError?: (error: unknown, job: DownloadJob<Extra>) => DownloadError;
}

/**
 * A driver written as one async function: it reports and succeeds through the job, and whatever it
 * throws fails the job, so no driver can leave a task unsettled by an unexpected exception.
 */
export function asyncDriver<Extra extends object = object>(
  download: (job: DownloadJob<Extra>) => Promise<void>,
  options: AsyncDriverOptions<Extra> = {},
): DownloadDriver<Extra> {
  const toError = options.toError ?? toDownloadError;
  const driver: DownloadDriver<Extra> = {
    start(job) {
      download(job).catch((error: unknown) => job.fail(toError(error, job)));
    },
  };
  // Set only when given: under exactOptionalPropertyTypes an optional method is absent, not undefined.
  if (options.discard) driver.discard = options.discard;
  if (options.partialSize) driver.partialSize = options.partialSize;
  if (options.dropPartial) driver.dropPartial = options.dropPartial;
  return driver;
}
