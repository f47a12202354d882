/// <reference types="miniprogram-api-typings" />
/// <reference types="@douyin-microapp/typings" />
/**
 * What `downloadFile` accepts: WeChat-typed options and callbacks, the header values the platforms
 * accept; and what it refuses (`@ts-expect-error`): an object header value, a missing `url`, a `success`
 * that is no function.
 */

import {
  type DownloadFailResult,
  type DownloadFileOptions,
  downloadFile,
  type RequestHeaders,
  type WeappDownloadFileOptions,
} from '@dl/weapp';
import type Taro from '@tarojs/taro';
import { assignable, some } from './helpers';

const url = 'https://example.com/a.bin';

// A whole WeChat options object, as an app built on miniprogram-api-typings has it.
const wxOptions: WechatMiniprogram.DownloadFileOption = {
  url,
  header: { 'X-A': 'a' },
  timeout: 5000,
  enableHttp2: true,
  success(res) {
    console.log(res.tempFilePath, res.statusCode);
  },
  fail(err) {
    console.log(err.errMsg);
  },
  complete() {},
};
downloadFile(wxOptions);
downloadFile(some<WechatMiniprogram.DownloadFileOption>());

// WeChat-typed callbacks, one by one.
const wxSuccess: WechatMiniprogram.DownloadFileSuccessCallback = (res) => console.log(res.tempFilePath);
const wxFail: WechatMiniprogram.DownloadFileFailCallback = (err) => console.log(err.errMsg);
const wxComplete: WechatMiniprogram.DownloadFileCompleteCallback = (res) => console.log(res.errMsg);
downloadFile({ url, success: wxSuccess, fail: wxFail, complete: wxComplete });
downloadFile({ url, filePath: 'wxfile://usr/a.bin', success: wxSuccess, fail: wxFail, complete: wxComplete });
downloadFile({ url, success: some<WechatMiniprogram.DownloadFileSuccessCallback>() });

// Taro-typed options and callbacks.
const taroOptions: Taro.downloadFile.Option = { url, success: (res) => console.log(res.tempFilePath) };
downloadFile(taroOptions);
downloadFile({ url, success: some<(res: Taro.downloadFile.FileSuccessCallbackResult) => void>() });
downloadFile({ url, fail: some<(res: TaroGeneral.CallbackResult) => void>() });

// dl's own options object, typed once and reused.
const general: DownloadFileOptions = { url };
downloadFile(general);
const weapp: WeappDownloadFileOptions = { url, enableHttp2: true, filePath: 'wxfile://usr/b' };
downloadFile(weapp);

// Header values: strings, numbers and booleans, as WeChat and Taro type them (IAnyObject) and accept.
downloadFile({ url, header: { 'X-Num': 1, 'X-Bool': true, 'X-Str': 'a' } });
assignable<RequestHeaders>({ a: 1, b: false, c: '' });
assignable<DownloadFileOptions['header']>(some<WechatMiniprogram.IAnyObject>());

// The platform options WeChat documents pass through, typed.
downloadFile({ url, enableHttp2: true, enableQuic: false, enableProfile: true, enableCache: true });

// A fail callback receives dl's failure, with the stable code.
downloadFile({
  url,
  fail(err) {
    assignable<DownloadFailResult>(err);
    console.log(err.code, err.errno);
  },
});

// ---- refused ----

// @ts-expect-error: an object is no header value
downloadFile({ url, header: { 'X-Obj': {} } });
// @ts-expect-error: an array is no header value either
downloadFile({ url, header: { 'X-Arr': ['a'] } });
// @ts-expect-error: url is required
downloadFile({ header: {} });
// @ts-expect-error: url is required, even with callbacks
downloadFile({ success() {} });
// @ts-expect-error: success must be a function
downloadFile({ url, success: 1 });
// @ts-expect-error: success must be a function
downloadFile({ url, success: 'done' });
// @ts-expect-error: fail must be a function
downloadFile({ url, fail: {} });
// @ts-expect-error: a success callback must take a download result, not a number
downloadFile({ url, success: (n: number) => console.log(n) });
// @ts-expect-error: an unknown option in an object literal is a typo
downloadFile({ url, timeot: 5 });
// @ts-expect-error: timeout is a number
downloadFile({ url, timeout: '5' });
