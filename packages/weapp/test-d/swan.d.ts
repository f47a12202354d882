/**
 * Baidu's `swan`, for the type tests. Baidu publishes no TypeScript typings for smart programs (none on
 * npm, maintained or not), so this declares the `downloadFile` and file-system shapes of Baidu's API
 * documentation the way a user without typings would: WeChat's shape, failures with `errCode`.
 */
declare namespace SwanTypes {
  interface DownloadFileSuccess {
    /** The temporary file. */
    tempFilePath: string;
    /** The HTTP status. */
    statusCode: number;
  }
  interface Failure {
    errCode: number;
    errMsg: string;
  }
  interface DownloadFileOptions {
    url: string;
    header?: Record<string, string>;
    filePath?: string;
    success?: (res: DownloadFileSuccess) => void;
    fail?: (err: Failure) => void;
    complete?: () => void;
  }
  interface DownloadTask {
    abort(): void;
    onProgressUpdate(
      callback: (res: {
        progress: number;
        totalBytesWritten: number;
        totalBytesExpectedToWrite: number;
      }) => void,
    ): void;
    offProgressUpdate(callback?: (...args: unknown[]) => void): void;
    onHeadersReceived(callback: (res: { header: Record<string, string> }) => void): void;
    offHeadersReceived(callback?: (...args: unknown[]) => void): void;
  }
  interface FileSystemManager {
    stat(options: {
      path: string;
      success?: (res: { stats: { size: number; mode: number; isFile(): boolean } }) => void;
      fail?: (err: Failure) => void;
    }): void;
    saveFile(options: {
      tempFilePath: string;
      filePath?: string;
      success?: (res: { savedFilePath: string }) => void;
      fail?: (err: Failure) => void;
    }): void;
    rename(options: {
      oldPath: string;
      newPath: string;
      success?: () => void;
      fail?: (err: Failure) => void;
    }): void;
    unlink(options: { filePath: string; success?: () => void; fail?: (err: Failure) => void }): void;
  }
  interface Swan {
    downloadFile(options: DownloadFileOptions): DownloadTask;
    getFileSystemManager(): FileSystemManager;
  }
}

declare const swan: SwanTypes.Swan;
