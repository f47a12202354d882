import { Button, Input, Progress, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { type DownloadTaskPromise, downloadFile, isDownloadError, releaseFile } from '../../dl';
import './index.css';

type State = 'idle' | 'running' | 'done' | 'failed';

/**
 * One download with dl: a URL (from the page's `url` parameter, or typed in), the headers when they
 * arrive, a progress bar, Abort, and where the file was saved (released when the next download starts).
 */
export default function Index() {
  const { params } = useRouter();
  const [url, setUrl] = useState(params.url ? decodeURIComponent(params.url) : '');
  const [state, setState] = useState<State>('idle');
  const [status, setStatus] = useState('Ready');
  const [headers, setHeaders] = useState('');
  const [progress, setProgress] = useState(0);
  const [bytes, setBytes] = useState('');
  const [saved, setSaved] = useState<{ path: string; size: number } | null>(null);
  const task = useRef<DownloadTaskPromise | null>(null);

  const start = async () => {
    task.current?.abort();
    setState('running');
    setStatus('Downloading…');
    setHeaders('');
    setProgress(0);
    setBytes('');
    if (saved) releaseFile(saved.path);
    setSaved(null);
    const current = downloadFile({ url });
    task.current = current;
    current.onHeadersReceived(({ statusCode, header }) => {
      setHeaders(
        [`HTTP ${statusCode}`, ...Object.entries(header).map(([name, value]) => `${name}: ${value}`)].join(
          '\n',
        ),
      );
    });
    current.onProgressUpdate(({ progress: percent, totalBytesWritten, totalBytesExpectedToWrite }) => {
      setProgress(percent);
      setBytes(`${totalBytesWritten} / ${totalBytesExpectedToWrite || '?'} bytes`);
    });
    try {
      const result = await current;
      if (task.current !== current) return;
      setSaved({ path: result.tempFilePath ?? result.filePath ?? '', size: result.dataLength });
      setState('done');
      setStatus(`Done: ${result.errMsg} (HTTP ${result.statusCode})`);
    } catch (error) {
      if (task.current !== current) return;
      setState('failed');
      setStatus(isDownloadError(error) ? `${error.code}: ${error.errMsg}` : `Failed: ${String(error)}`);
    }
  };

  return (
    <View className="page">
      <Input
        id="url"
        className="url"
        value={url}
        placeholder="https://…"
        onInput={(event) => setUrl(event.detail.value)}
      />
      <View className="buttons">
        <Button id="download" size="mini" type="primary" disabled={!url} onClick={start}>
          Download
        </Button>
        <Button id="abort" size="mini" disabled={state !== 'running'} onClick={() => task.current?.abort()}>
          Abort
        </Button>
      </View>
      <Text id="status" className="status" data-state={state}>
        {status}
      </Text>
      <Progress percent={progress} strokeWidth={6} />
      <Text id="percent" data-percent={progress}>
        {progress}%
      </Text>
      <Text id="bytes">{bytes}</Text>
      <Text id="headers" className="headers">
        {headers}
      </Text>
      {saved && (
        <View id="saved" data-path={saved.path} data-size={saved.size}>
          <Text>
            Saved {saved.size} bytes: {saved.path}
          </Text>
        </View>
      )}
    </View>
  );
}
