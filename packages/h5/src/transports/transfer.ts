import type { DownloadJob } from '@dl/core';
import type { ResponseHeaders } from '@dl/types';
import type { SaveTarget } from '../save-target';

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
