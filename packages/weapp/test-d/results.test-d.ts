/**
 * The result is typed by what was asked: without `filePath`, `tempFilePath: string`; with a `filePath`
 * string, `filePath: string`; with options whose `filePath` may be either, the general result. The same
 * for what `success` and `complete` receive and what the task resolves with.
 */
import {
  type DownloadFailResult,
  type DownloadFileOptions,
  type DownloadFileSavedResult,
  type DownloadFileSuccessResult,
  type DownloadFileTempResult,
  type DownloadTaskPromise,
  downloadFile,
} from '@dl/weapp';
import { assertType, assignable, type Equal, some } from './helpers';

const url = 'https://example.com/a.bin';

// ---- no filePath: tempFilePath is a string ----
const temp = downloadFile({
  url,
  success(res) {
    assertType<Equal<typeof res, DownloadFileTempResult>>();
    const path: string = res.tempFilePath;
    assertType<Equal<typeof res.filePath, undefined>>();
    console.log(path);
  },
  complete(res) {
    assertType<Equal<typeof res, DownloadFileTempResult | DownloadFailResult>>();
    if ('statusCode' in res) console.log(res.tempFilePath.length);
  },
});
assertType<Equal<typeof temp, DownloadTaskPromise<DownloadFileTempResult>>>();
async function awaited() {
  const res = await downloadFile({ url });
  const path: string = res.tempFilePath;
  // @ts-expect-error: no filePath was given, so the result has none
  const saved: string = res.filePath;
  console.log(path, saved);
}
awaited();
// Arrow-function callbacks are typed the same.
downloadFile({ url, success: (res) => res.tempFilePath.length });

// ---- a filePath string: filePath is a string ----
const saved = downloadFile({
  url,
  filePath: 'wxfile://usr/a.bin',
  success(res) {
    assertType<Equal<typeof res, DownloadFileSavedResult>>();
    const path: string = res.filePath;
    console.log(path);
  },
  complete(res) {
    assertType<Equal<typeof res, DownloadFileSavedResult | DownloadFailResult>>();
  },
});
assertType<Equal<typeof saved, DownloadTaskPromise<DownloadFileSavedResult>>>();
const target: string = some<string>();
downloadFile({ url, filePath: target }).then((res) => {
  const path: string = res.filePath;
  console.log(path);
});

// ---- a filePath that may be there or not: the general result ----
const maybe = some<string | undefined>();
const either = downloadFile({
  url,
  filePath: maybe,
  success(res) {
    assertType<Equal<typeof res, DownloadFileSuccessResult>>();
  },
  complete(res) {
    assertType<Equal<typeof res, DownloadFileSuccessResult | DownloadFailResult>>();
  },
});
assertType<Equal<typeof either, DownloadTaskPromise>>();
const options: DownloadFileOptions = { url };
// The last overload, which ReturnType and Parameters see, is the general one.
assertType<Equal<ReturnType<typeof downloadFile>, DownloadTaskPromise>>();
downloadFile(options).then((res) => {
  // @ts-expect-error: either field may be missing
  const path: string = res.tempFilePath;
  console.log(path);
});

// Every specific result is still a DownloadFileSuccessResult, and every task a DownloadTaskPromise.
assignable<DownloadFileSuccessResult>(some<DownloadFileTempResult>());
assignable<DownloadFileSuccessResult>(some<DownloadFileSavedResult>());
assignable<DownloadTaskPromise>(temp);
assignable<DownloadTaskPromise>(saved);
