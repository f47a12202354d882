import { asyncDriver, type DownloadDriver, type DownloadJob } from '@dl/core';
import type { ResponseHeaders } from '@dl/types';
import { credentialsFor, type H5Extra } from './credentials';
import { discardSaved, openSaveTarget, type SaveTarget } from './save-target';

export interface H5DriverConfig {
  /** Credentials mode when a call gives none. */
  credentials: RequestCredentials;
}

/** What a transport got: the final response, and how many bytes it put into the target. */
export interface Transferred {
  statusCode: number;
  header: ResponseHeaders;
  dataLength: number;
}

/** One request whose body goes into `target`, reporting headers and progress to the job on the way. */
export type Transfer = (
  job: DownloadJob,
  target: SaveTarget,
  credentials: RequestCredentials,
) => Promise<Transferred>;

/**
 * A driver around one transport, with the save-target lifecycle every transport shares: the target
 * opens before the request (so an unwritable `filePath` fails at once), becomes the result once the body
 * is in, and is dropped on any failure or abort.
 */
export function transferDriver(transfer: Transfer, config: H5DriverConfig): DownloadDriver<H5Extra> {
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
