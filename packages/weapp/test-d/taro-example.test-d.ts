/**
 * Taro's documented DownloadTask example (Taro's `DownloadTask` docs), with only its import changed:
 * `downloadFile` from `@dl/weapp` instead of `Taro.downloadFile`. Everything else is Taro's code.
 */

import { downloadFile } from '@dl/weapp';
import Taro from '@tarojs/taro';

const downloadTask = downloadFile({
  url: 'http://example.com/audio/123', //仅为示例，并非真实的资源
  success(res) {
    Taro.playVoice({
      filePath: res.tempFilePath,
    });
  },
});

downloadTask.onProgressUpdate((res) => {
  console.log('下载进度', res.progress);
  console.log('已经下载的数据长度', res.totalBytesWritten);
  console.log('预期需要下载的数据总长度', res.totalBytesExpectedToWrite);
});

downloadTask.abort(); // 取消下载任务

// Taro's `Taro.downloadFile` example, the same way.
downloadFile({
  url: 'https://example.com/audio/123', //仅为示例，并非真实的资源
  // biome-ignore lint/complexity/useArrowFunction: Taro's example, as documented
  success: function (res) {
    // 只要服务器有响应数据，就会把响应内容写入文件并进入 success 回调，业务需要自行判断是否下载到了想要的内容
    if (res.statusCode === 200) {
      Taro.playVoice({
        filePath: res.tempFilePath,
      });
    }
  },
});
