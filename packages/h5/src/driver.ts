import { asyncDriver, type DownloadDriver, type DownloadJob } from '@dl/core';
import { credentialsFor, type H5Credentials, type H5Extra } from './credentials';
import { digestOf } from './integrity';
import { discardSaved, dropPartial, openSaveTarget, partialSize } from './save-target';
import { type H5Transport, transportFor } from './transports';

export interface H5DriverConfig {
  /** Credentials mode when a call gives none. */
  credentials: H5Credentials;
}

/**
 * The browser's driver around one transport (`transports/`), with the save-target lifecycle every
 * transport shares: the target opens before the request (so an unwritable `filePath` fails at once) and
 * becomes the task's partial; once the body is in it is hashed when `integrity` asks, then becomes the
 * result. On any failure or abort it is closed and kept: the task continues it or drops it.
 */
export function createH5Driver(transport: H5Transport, config: H5DriverConfig): DownloadDriver<H5Extra> {
  const transfer = transportFor(transport);
  async function download(job: DownloadJob<H5Extra>): Promise<void> {
    const credentials = credentialsFor(job, config.credentials);
    const target = await openSaveTarget(job);
    job.saving(target.partial);
    try {
      const response = await transfer(job, target, credentials);
      const saved = await target.complete(response.header['content-type']);
      const digest = job.integrity ? await digestOf(saved, job.integrity.algorithm) : undefined;
      // From here the task cannot be aborted: a caller's existing file is replaced whole or not at all.
      // A digest that does not match stops the task (INTEGRITY), which then drops the partial.
      if (!job.commit(digest)) throw job.signal.reason;
      const place = await target.commit();
      job.succeed({ ...response, ...place });
    } catch (error) {
      await target.close();
      throw error;
    }
  }

  return asyncDriver(download, { discard: discardSaved, partialSize, dropPartial });
}
