import { type FailureKind, MY_ERROR, WX_ERRNO } from './failures';
import { MY_PATHS, type PathStyle, WX_PATHS } from './paths';
import type { TransferResult } from './transfer';

/** How one platform family spells results, events and failures. */
export interface Flavour {
  paths: PathStyle;
  /**
   * `readFile` reads the `[position, position + length)` range when given (WeChat 2.10.0+); Alipay
   * documents neither option, and reads the whole file.
   */
  readFileRanges: boolean;
  downloadSuccess(
    result: TransferResult,
    saved: { tempFilePath?: string; filePath?: string },
    withProfile: boolean,
  ): object;
  headersEvent(statusCode: number | undefined, header: Record<string, string>, cookies: string[]): object;
  /** `api` is the failing call's name (`downloadFile`, `readFile`, …); `errno` overrides the kind's own. */
  failure(api: string, kind: FailureKind, reason: string, errno?: number): object;
}

/** WeChat (and tt, swan, qq, which copy it): `errMsg` + `errno`, `tempFilePath`, `header`. */
export const WX_FLAVOUR: Flavour = {
  paths: WX_PATHS,
  readFileRanges: true,
  downloadSuccess(result, saved, withProfile) {
    // WeChat's success result has no header or dataLength; the headers event is where headers come from.
    const res: Record<string, unknown> = {
      errMsg: 'downloadFile:ok',
      statusCode: result.statusCode,
      ...saved,
    };
    if (withProfile) res.profile = result.profile;
    return res;
  },
  headersEvent(statusCode, header, cookies) {
    return statusCode === undefined ? { header, cookies } : { header, statusCode, cookies };
  },
  failure(api, kind, reason, errno = WX_ERRNO[kind]) {
    const res: Record<string, unknown> = { errMsg: `${api}:fail ${reason}` };
    if (errno !== undefined) res.errno = errno;
    return res;
  },
};

/** Alipay: numeric `error` + `errorMessage`, `apFilePath`, `headers` in the headers event. */
export const MY_FLAVOUR: Flavour = {
  paths: MY_PATHS,
  readFileRanges: false,
  downloadSuccess(result, saved) {
    const res: Record<string, unknown> = {
      statusCode: result.statusCode,
      header: result.header,
      dataLength: result.dataLength,
    };
    if (saved.tempFilePath !== undefined) res.apFilePath = saved.tempFilePath;
    if (saved.filePath !== undefined) res.filePath = saved.filePath;
    return res;
  },
  headersEvent(statusCode, header) {
    return statusCode === undefined ? { headers: header } : { headers: header, statusCode };
  },
  failure(_api, kind, reason) {
    return { error: MY_ERROR[kind], errorMessage: reason };
  },
};
