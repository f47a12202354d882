/// <reference types="miniprogram-api-typings" />
/**
 * The task fits where the platforms' typings expect a download task: `WechatMiniprogram.DownloadTask`,
 * `Taro.DownloadTask`, and the task half of Taro's `DownloadTaskPromise` (with its `progress` and
 * `headersReceive`). The promise half of Taro's `DownloadTaskPromise` cannot be met honestly: see the
 * last block.
 */

import {
  type DownloadFileSavedResult,
  type DownloadFileTempResult,
  type DownloadTask,
  type DownloadTaskPromise,
  downloadFile,
} from '@dl/weapp';
import type Taro from '@tarojs/taro';
import { assignable, some } from './helpers';

const url = 'https://example.com/a.bin';
const temp = downloadFile({ url });
const saved = downloadFile({ url, filePath: 'wxfile://usr/a.bin' });
const either = downloadFile(some<{ url: string; filePath?: string }>());

// WeChat's DownloadTask.
const wxTask: WechatMiniprogram.DownloadTask = temp;
assignable<WechatMiniprogram.DownloadTask>(saved);
assignable<WechatMiniprogram.DownloadTask>(either);
assignable<WechatMiniprogram.DownloadTask>(some<DownloadTask>());
wxTask.onHeadersReceived((res) => console.log(res.header));
wxTask.onProgressUpdate((res) => console.log(res.progress));

// Taro's DownloadTask.
const taroTask: Taro.DownloadTask = temp;
assignable<Taro.DownloadTask>(saved);
assignable<Taro.DownloadTask>(either);
taroTask.abort();

/** Taro's DownloadTaskPromise without its promise: the task methods and the two aliases. */
type TaroTaskPart = Omit<Taro.DownloadTask.DownloadTaskPromise, keyof Promise<unknown>>;
assignable<TaroTaskPart>(temp);
assignable<TaroTaskPart>(saved);
assignable<TaroTaskPart>(either);
assignable<TaroTaskPart>(some<DownloadTask>());
// The aliases take Taro's own listener types.
temp.progress(some<Taro.DownloadTask.OnProgressUpdateCallback>());
temp.headersReceive(some<Taro.DownloadTask.OnHeadersReceivedCallback>());

// A dl task can be awaited as a promise of what Taro's result type says each kind of download has.
assignable<Promise<Omit<Taro.downloadFile.FileSuccessCallbackResult, 'filePath'>>>(temp);
assignable<Promise<Omit<Taro.downloadFile.FileSuccessCallbackResult, 'tempFilePath'>>>(saved);
assignable<PromiseLike<WechatMiniprogram.GeneralCallbackResult>>(either);

/*
 * Not assignable: Taro's DownloadTaskPromise is `Promise<FileSuccessCallbackResult> & DownloadTask & …`,
 * and Taro's FileSuccessCallbackResult declares BOTH `filePath: string` and `tempFilePath: string` as
 * always there. dl's result has exactly one of them (WeChat's own runtime too: `filePath` only "when
 * filePath was passed", per Taro's own comment on that field). tsc says, for a download without filePath:
 *   Type 'DownloadFileTempResult' is not assignable to type 'FileSuccessCallbackResult'.
 *     Types of property 'filePath' are incompatible.
 *       Type 'undefined' is not assignable to type 'string'.
 * and for one with filePath the same for `tempFilePath`. Claiming both would type a field that is not
 * there. These @ts-expect-error lines fail the build if that ever changes, so this note stays true.
 */
// @ts-expect-error: Taro's result type claims filePath too
assignable<Taro.DownloadTask.DownloadTaskPromise>(temp);
// @ts-expect-error: Taro's result type claims tempFilePath too
assignable<Taro.DownloadTask.DownloadTaskPromise>(saved);
// @ts-expect-error: the general result has either field only maybe
assignable<Taro.DownloadTask.DownloadTaskPromise>(either);

// The typed tasks stay DownloadTaskPromises of their result.
assignable<DownloadTaskPromise<DownloadFileTempResult>>(temp);
assignable<DownloadTaskPromise<DownloadFileSavedResult>>(saved);
