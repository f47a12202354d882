import type { DownloadJob } from '@dl/core';
import type { ResponseHeaders } from '@dl/types';
import type { H5Credentials } from '../credentials';
import type { SaveTarget } from '../save-target';

/** What a transport got: the final response, and the size of the saved file (continued bytes included). */
export interface Transferred {
  statusCode: number;
  header: ResponseHeaders;
  dataLength: number;
}

/**
 * One request whose body goes into `target`, reporting headers and progress to the job on the way.
 * When the job continues saved bytes (`job.resume`), the response says where the body goes
 * (`continuesAt`: after them, or over them from 0), and progress counts the whole file.
 */
export type Transfer = (
  job: DownloadJob,
  target: SaveTarget,
  credentials: H5Credentials,
) => Promise<Transferred>;
