import {
  asyncDriver,
  type DownloadDriver,
  type DownloadJob,
  expectedBodyLength,
  headersToRecord,
  pumpBody,
} from '@dl/core';
import { credentialsFor } from './credentials';
import { discardSaved, openSaveTarget } from './save-target';

export interface H5DriverConfig {
  /** Credentials mode when a call gives none. */
  credentials: RequestCredentials;
}

/**
 * The web platform where response bodies stream: fetch with the job's signal (abort, timeout), headers
 * as soon as the response starts, progress per chunk read from `response.body`, bytes into the target.
 * Redirects are fetch's own (it follows up to 20 and hides the count).
 */
export function createFetchDriver(config: H5DriverConfig): DownloadDriver {
  async function download(job: DownloadJob): Promise<void> {
    const credentials = credentialsFor(job, config.credentials);
    // Open the target before asking the network, so an unwritable filePath fails at once.
    const target = await openSaveTarget(job.filePath);
    try {
      const response = await fetch(job.url, {
        method: 'GET',
        headers: { ...job.header },
        credentials,
        redirect: 'follow',
        signal: job.signal,
      });
      const header = headersToRecord(response.headers);
      job.headers(response.status, header);
      const written = response.body
        ? await pumpBody(response.body, target, job, expectedBodyLength(header))
        : 0;
      const place = await target.commit(header['content-type']);
      job.succeed({ statusCode: response.status, header, dataLength: written, ...place });
    } catch (error) {
      await target.discard();
      throw error;
    }
  }

  return asyncDriver(download, { discard: discardSaved });
}
