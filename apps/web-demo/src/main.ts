import { sampleUrl } from 'virtual:sample-download';
import { type DownloadTaskPromise, downloadFile, releaseFile } from '@dl/h5';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = byId<HTMLFormElement>('form');
const urlInput = byId<HTMLInputElement>('url');
const downloadButton = byId<HTMLButtonElement>('download');
const abortButton = byId<HTMLButtonElement>('abort');
const bar = byId<HTMLDivElement>('bar');
const fill = byId<HTMLDivElement>('fill');
const percentText = byId<HTMLElement>('percent');
const bytesText = byId<HTMLElement>('bytes');
const statusText = byId<HTMLElement>('status');
const headersText = byId<HTMLPreElement>('headers');
const fileLink = byId<HTMLAnchorElement>('file');

urlInput.value = sampleUrl;

let task: DownloadTaskPromise | undefined;
let lastFile: string | undefined;

const formatBytes = (n: number) =>
  n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 ** 2).toFixed(1)} MB`;

function setStatus(state: 'idle' | 'running' | 'done' | 'failed', text: string): void {
  statusText.dataset.state = state;
  statusText.textContent = text;
}

function showProgress(progress: number, written: number, expected: number): void {
  fill.style.width = `${progress}%`;
  bar.setAttribute('aria-valuenow', String(progress));
  percentText.textContent = `${progress}%`;
  bytesText.textContent =
    expected > 0
      ? `${formatBytes(written)} of ${formatBytes(expected)}`
      : `${formatBytes(written)} (size unknown)`;
}

function start(url: string): void {
  // The previous file's blob: URL holds its bytes in memory; it is not needed once a new download starts.
  if (lastFile) releaseFile(lastFile);
  lastFile = undefined;
  fileLink.hidden = true;
  headersText.textContent = '(waiting for the response)';
  showProgress(0, 0, 0);
  setStatus('running', 'Downloading…');
  downloadButton.disabled = true;
  abortButton.disabled = false;

  const current = downloadFile({ url, timeout: 0 });
  task = current;
  current.onHeadersReceived(({ header, statusCode }) => {
    const lines = Object.entries(header).map(([name, value]) => `${name}: ${value}`);
    headersText.textContent = [`HTTP ${statusCode ?? ''}`.trim(), ...lines].join('\n');
  });
  current.onProgressUpdate(({ progress, totalBytesWritten, totalBytesExpectedToWrite }) =>
    showProgress(progress, totalBytesWritten, totalBytesExpectedToWrite),
  );
  current
    .then(
      (result) => {
        lastFile = result.tempFilePath;
        const name = new URL(url, location.href).pathname.split('/').pop() || 'download';
        fileLink.href = result.tempFilePath ?? '';
        fileLink.download = name;
        fileLink.textContent = `Open the downloaded file (${formatBytes(result.dataLength)}, HTTP ${result.statusCode})`;
        fileLink.hidden = false;
        setStatus('done', `Done: ${result.errMsg}`);
      },
      (error: { errMsg?: string; code?: string }) => {
        setStatus(
          'failed',
          `${error.code === 'ABORTED' ? 'Aborted' : 'Failed'}: ${error.errMsg ?? String(error)}`,
        );
      },
    )
    .finally(() => {
      if (task !== current) return;
      task = undefined;
      downloadButton.disabled = false;
      abortButton.disabled = true;
    });
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (!task) start(urlInput.value.trim());
});
abortButton.addEventListener('click', () => task?.abort());
