import { startTestServer, type TestServer } from '@dl/test-server';
import { fileUrl } from '@dl/test-server/scenarios';
import type { Plugin } from 'vite';

const MODULE_ID = 'virtual:sample-download';
const RESOLVED_ID = `\0${MODULE_ID}`;

/** The sample the page offers: 8 MB served in 64 KB chunks 25 ms apart, so the bar visibly moves. */
export const sampleParams = {
  size: 8 * 1024 * 1024,
  chunk: 65_536,
  delay: 25,
  type: 'application/octet-stream',
};

/**
 * Starts a local `@dl/test-server` with the dev server, and gives the page its sample URL through
 * `import { sampleUrl } from 'virtual:sample-download'`, so the demo works without the internet.
 */
export function sampleServer(): Plugin {
  let server: Promise<TestServer> | undefined;
  const started = () => {
    server ??= startTestServer({ host: '127.0.0.1' });
    return server;
  };
  const stop = async () => {
    const running = server;
    server = undefined;
    await (await running)?.close();
  };
  return {
    name: 'dl-sample-server',
    apply: 'serve',
    configureServer(dev) {
      dev.httpServer?.once('close', () => void stop());
    },
    resolveId: (id) => (id === MODULE_ID ? RESOLVED_ID : undefined),
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const { url } = await started();
      return `export const sampleUrl = ${JSON.stringify(fileUrl(url, sampleParams))};\n`;
    },
    buildEnd: stop,
  };
}
