import { asyncDriver, type DownloadDriver, type DownloadJob } from '@dl/core';
import { credentialsFor, type H5Extra } from './credentials';
import { discardSaved, openSaveTarget } from './save-target';
import { type H5Transport, transportFor } from './transports';

export interface H5DriverConfig {
  /** Credentials mode when a call gives none. */
  credentials: RequestCredentials;
}

/**
 * The browser's driver around one transport (`transports/`), with the save-target lifecycle every
 * transport shares: the target opens before the request (so an unwritable `filePath` fails at once),
 * becomes the result once the body is in, and is dropped on any failure or abort.
 */
export function createH5Driver(transport: H5Transport, config: H5DriverConfig): DownloadDriver<H5Extra> {
  const transfer = transportFor(transport);
  async function download(job: DownloadJob<H5Extra>): Promise<void> {
    const credentials = credentialsFor(job, config.credentials);
    const target = await openSaveTarget(job.filePath);
    try {
      const response = await transfer(job, target, credentials);
      // From here the task cannot be aborted: a caller's existing file is replaced whole or not at all.
      if (!job.commit()) throw job.signal.reason;
      const place = await target.commit(response.header['content-type']);
      job.succeed({ ...response, ...place });
    } catch (error) {
      await target.discard();
      throw error;
    }
  }

  return asyncDriver(download, { discard: discardSaved });
}
